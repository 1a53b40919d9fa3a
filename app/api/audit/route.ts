import { route } from "@/lib/api/handler";
import { listAudit } from "@/lib/db/audit";
import { auditQuerySchema } from "@/lib/validation/audit";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/audit — the audit log, newest first, for admins (a foreign cursor answers 400)
export const GET = route({ role: "admin", query: auditQuerySchema }, async ({ query }) =>
  jsonAnswer(await listAudit(query)),
);
