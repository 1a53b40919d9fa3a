import { publicRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi/document";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/openapi.json — the OpenAPI 3.1 document of this API. Public: it is the same for every installation of this
// version and holds no data of the server (no session, no secrets), so tools can fetch it without signing in.
export const GET = publicRoute(async () => jsonAnswer(openApiDocument()));
