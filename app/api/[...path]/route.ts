import { msg } from "@/i18n/message";
import { publicRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

// Any method at an address under /api that no route serves — 404 in the API's error shape (not Next's HTML page), so a
// script that got a path wrong reads why. A route that exists but lacks the method still answers Next's 405.
const noSuchRoute = publicRoute(async () => {
  throw new AppError("not_found", msg("errors.request.noSuchRoute"));
});

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
