import { z } from "zod";
import { english } from "@/i18n/english";
import { isMessage, type Message, msg } from "@/i18n/message";
import { messageParamsSchema, messageSchema } from "@/i18n/message-schema";
import { type FieldMessages, zodFieldMessages } from "@/lib/validation/issue-messages";

// One error vocabulary for the whole API: a code for programs, a message (catalog key + parameters) for people,
// optional messages per field. Answers carry the message as data (`key`, `params`, `fieldMessages`) for the
// browser to render in the reader's language, and in English (`message`, `fields`) for API clients and logs.

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  swr_unavailable: 502,
  swr_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/** English messages per field, keyed by dotted path. */
export type FieldErrors = Record<string, string[]>;
export type { FieldMessages };

export class AppError extends Error {
  /** What the person reads, rendered by the browser in their language. */
  readonly msg: Message;
  readonly fieldMessages?: FieldMessages;

  constructor(
    readonly code: ErrorCode,
    message: Message,
    fields?: Record<string, readonly Message[]>,
    readonly status: number = ERROR_STATUS[code],
  ) {
    super(english(message));
    this.name = "AppError";
    this.msg = message;
    if (fields) this.fieldMessages = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [...v]]));
  }

  /** The field messages in English. */
  get fields(): FieldErrors | undefined {
    return this.fieldMessages
      ? Object.fromEntries(Object.entries(this.fieldMessages).map(([k, v]) => [k, v.map(english)]))
      : undefined;
  }
}

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];


/** The body of every error answer: the API document's `Error` schema. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("The message in English."),
    key: z.string().describe("The message's catalog key, stable across versions: render it with `params` in another language."),
    params: messageParamsSchema.optional(),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("English messages per field, keyed by its dotted path (`tags`, `tagSelector.pattern`); `_` for the whole input."),
    fieldMessages: z
      .record(z.string(), z.array(messageSchema))
      .optional()
      .describe("The messages of `fields` as catalog keys and parameters."),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** English field messages keyed by dotted path, from a zod error. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return Object.fromEntries(Object.entries(zodFieldMessages(error)).map(([k, v]) => [k, v.map(english)]));
}

export function validationError(error: z.ZodError, message: Message = msg("errors.invalidFields")): AppError {
  return new AppError("validation_failed", message, zodFieldMessages(error));
}

/** Neither an AppError nor a validation error: a fault the server log must show (callers log it). */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof AppError) && !(error instanceof z.ZodError);
}

export function internalError(): AppError {
  return new AppError("internal", msg("errors.internal"));
}

/** The answer's body for an AppError: the message as key and parameters, and in English. */
export function errorBody(appError: AppError): ErrorBody {
  const { msg: m, fieldMessages } = appError;
  return {
    error: {
      code: appError.code,
      message: appError.message,
      key: m.key,
      ...(m.params ? { params: m.params } : {}),
      ...(fieldMessages ? { fields: appError.fields, fieldMessages } : {}),
    },
  };
}

/** Any thrown value as a JSON response; unknown errors never leak their details. */
export function toResponse(error: unknown): Response {
  const appError = error instanceof AppError ? error : error instanceof z.ZodError ? validationError(error) : internalError();
  return Response.json(errorBody(appError), { status: appError.status });
}

export { isMessage };
