import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/db/audit-actions";

// Filters of the audit log, from the page's search params or the API's query.

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const auditQuerySchema = z.object({
  action: z.preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(["success", "failure"]).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
