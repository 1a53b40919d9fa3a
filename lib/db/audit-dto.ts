import { z } from "zod";

// What GET /api/audit sends: one page of audit events, newest first (no server-only: pure shapes for the API document).

export const auditEventDtoSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  /** Small JSON the event was recorded with, secret-looking keys dropped; null when none. */
  detail: z.unknown(),
});
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEventDtoSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
