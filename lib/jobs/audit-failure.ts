import "server-only";
import { type Message, msg } from "@/i18n/message";
import type { AuditInput } from "@/lib/db/audit";
import { recordAudit } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { isSwrError } from "@/lib/swr";

// A refused or failed action still leaves a trace: its audit event is written outside the rolled-back transaction.
// The reason is kept as a message (catalog key and parameters), so the audit log reads it in the reader's language.

function reasonOf(error: unknown): { code: string; reason: Message } {
  if (error instanceof AppError) return { code: error.code, reason: error.msg };
  if (isSwrError(error)) return { code: `swr_${error.status ?? error.kind}`, reason: error.msg };
  return { code: "internal", reason: msg("errors.internal") };
}

/** Runs `action`; when it throws, records a failure event with the reason, then rethrows. */
export async function auditFailures<T>(
  event: Omit<AuditInput, "outcome">,
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    await recordAudit({
      ...event,
      outcome: "failure",
      detail: { ...event.detail, ...reasonOf(error) },
    }).catch((auditError: unknown) =>
      logger("audit").error({ err: auditError }, "could not record a failed action in the audit log"),
    );
    throw error;
  }
}
