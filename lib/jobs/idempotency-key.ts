import { msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { issueMessage } from "@/lib/validation/issue-messages";
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from "./schemas";

/** The request's Idempotency-Key, if any; AppError validation_failed (400) when it breaks the rule. */
export function parseIdempotencyKey(headers: Headers): string | undefined {
  const result = idempotencyKeySchema.safeParse(headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined);
  if (result.success) return result.data;
  throw new AppError("validation_failed", msg("jobErrors.idempotencyKeyInvalid", { header: IDEMPOTENCY_KEY_HEADER }), {
    [IDEMPOTENCY_KEY_HEADER]: result.error.issues.map(issueMessage),
  });
}
