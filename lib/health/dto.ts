import { z } from "zod";

// What the probes answer (docs/api.md "Health and metrics"): one set of schemas for the routes, their tests and the API
// document. Pure, so anything may parse a probe's answer with them.

/** GET /api/health — the process answers. */
export const healthAnswerSchema = z.object({ status: z.literal("ok") });
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;

export const CHECK_STATES = ["ok", "failing", "skipped"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** One check's outcome; `detail` is a sentence for the operator, never a secret (no URLs, no credentials). */
export const checkSchema = z.object({ state: z.enum(CHECK_STATES), detail: z.string() });
export type Check = z.infer<typeof checkSchema>;

const checksSchema = z.object({
  database: checkSchema,
  migrations: checkSchema,
  engine: checkSchema,
  swr: checkSchema,
});
export const CHECK_NAMES = checksSchema.keyof().options;
export type CheckName = (typeof CHECK_NAMES)[number];

/** GET /api/ready — 200 when every check is `ok` or `skipped` (`ready`), else 503 (`not_ready`), the same shape either way. */
export const readinessSchema = z.object({ status: z.enum(["ready", "not_ready"]), checks: checksSchema });
export type Readiness = z.infer<typeof readinessSchema>;
