import { z } from "zod";

// One error vocabulary for the whole API: a code, a sentence for a person, optional field messages.

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
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly status: number = ERROR_STATUS[code],
  ) {
    super(message);
    this.name = "AppError";
  }
}

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The body of every error answer: the API document's `Error` schema. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Messages per field, keyed by its dotted path (`tags`, `tagSelector.pattern`); `_` for the whole input. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

type Issue = z.core.$ZodIssue;

/** Issues of a union that matched none of its forms: those of the form the input is closest to (fewest top-level fields missing or of the wrong type). */
function closestForm(issue: Extract<Issue, { code: "invalid_union" }>): Issue[] {
  const misfit = (issues: Issue[]) => issues.filter((i) => i.code === "invalid_type" && i.path.length === 1).length;
  const forms = issue.errors.filter((e) => e.length > 0);
  if (forms.length === 0) return [issue];
  const best = forms.reduce((a, b) => (misfit(b) < misfit(a) || (misfit(b) === misfit(a) && b.length < a.length) ? b : a));
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/** Field messages keyed by dotted path, from a zod error. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const add = (issue: Issue) => {
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.path.length === 0) {
      for (const i of closestForm(issue)) add(i);
      return;
    }
    const key = issue.path.map(String).join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  };
  for (const issue of error.issues) add(issue);
  return fields;
}

export function validationError(error: z.ZodError, message = "Some fields are not valid."): AppError {
  return new AppError("validation_failed", message, zodFieldErrors(error));
}

/** Neither an AppError nor a validation error: a fault the server log must show (this module also runs in the browser, so callers log it). */
export function isUnexpected(error: unknown): boolean {
  return !(error instanceof AppError) && !(error instanceof z.ZodError);
}

/** Any thrown value as a JSON response; unknown errors never leak their details. */
export function toResponse(error: unknown): Response {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof z.ZodError
        ? validationError(error)
        : new AppError("internal", "Something went wrong on the server. Try again; if it persists, check the server log.");
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) },
  };
  return Response.json(body, { status: appError.status });
}
