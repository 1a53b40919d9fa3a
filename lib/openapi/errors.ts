import { msg } from "@/i18n/message";
import { roleName } from "@/lib/auth/roles";
import { AppError, ERROR_STATUS, errorBody, type ErrorBody, type ErrorCode, internalError, validationError } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT, invalidPart, payloadTooLarge } from "@/lib/http/request-limits";
import { SwrError, toAppError } from "@/lib/swr/errors";
import { createTokenSchema } from "@/lib/tokens/schemas";

// The error answers of the document: one reusable response per HTTP status, each listing the codes lib/errors.ts maps to it.
// Each example is an answer the server gives, made by the same code (an AppError and errorBody), so it stays true.

interface ErrorResponseText {
  name: string;
  description: string;
  example: ErrorBody;
}

const swr = (init: Omit<ConstructorParameters<typeof SwrError>[0], "operation" | "region">) =>
  toAppError(new SwrError({ operation: "ListRepositories", region: "cn-north-4", ...init }));

/** A token request with a blank name and too long a life, as the API refuses it. */
function invalidTokenRequest(): AppError {
  const parsed = createTokenSchema.safeParse({ name: " ", expiresInDays: 400, role: "viewer" });
  if (parsed.success) throw new Error("the example of an invalid request passed validation");
  return validationError(parsed.error, invalidPart("body"));
}

const ERROR_RESPONSES: Record<number, Omit<ErrorResponseText, "example"> & { example: () => AppError }> = {
  400: {
    name: "BadRequest",
    description:
      "Malformed address or JSON, or params, query or body not valid (`fields` names each problem; a webhook URL that is not allowed, in `fields.url`).",
    example: invalidTokenRequest,
  },
  401: {
    name: "Unauthenticated",
    description:
      "No valid session or token: none, signed out, ended by an admin, revoked, expired, or the account disabled.",
    example: () => new AppError("unauthenticated", msg("errors.auth.signIn")),
  },
  403: {
    name: "Forbidden",
    description:
      "The role is too low (of the session, or of the token as capped by its owner's role), a token asked for a role above its creator's or was sent to create a token, or (with a session cookie) a state-changing request failed the Origin check.",
    example: () =>
      new AppError("forbidden", msg("errors.auth.needsRole", { needed: roleName("operator"), role: roleName("viewer") })),
  },
  404: {
    name: "NotFound",
    description: "No such job, user, API token (of the caller's), webhook or SWR resource.",
    example: () => new AppError("not_found", msg("errors.users.notFound", { id: "cm4x7k2p10000abcd1234efgh" })),
  },
  409: {
    name: "Conflict",
    description:
      "The resource's state does not allow it (a job still running, an admin changing themselves).",
    example: () => new AppError("conflict", msg("errors.users.demoteSelf")),
  },
  413: {
    name: "PayloadTooLarge",
    description: "The body is larger than the route's limit.",
    example: () => payloadTooLarge(DEFAULT_BODY_LIMIT),
  },
  415: {
    name: "UnsupportedMediaType",
    description: "A state-changing request whose body is not `application/json`.",
    example: () => new AppError("unsupported_media_type", msg("errors.request.jsonOnly")),
  },
  422: {
    name: "Unprocessable",
    description:
      "The same Idempotency-Key with another body (`idempotency_mismatch`), a request SWR says cannot be done, or a webhook secret the server cannot store without `APP_ENCRYPTION_KEY` (`unprocessable`).",
    example: () => new AppError("unprocessable", msg("errors.webhooks.needsKey")),
  },
  429: {
    name: "RateLimited",
    description: "SWR throttled the request; try again later.",
    example: () => swr({ kind: "http", status: 429 }),
  },
  500: {
    name: "InternalError",
    description: "Something failed on the server; the details are in its log, never in the answer.",
    example: internalError,
  },
  502: {
    name: "SwrUnavailable",
    description: "SWR refused the app's credentials or failed.",
    example: () => swr({ kind: "http", status: 503 }),
  },
  504: {
    name: "SwrTimeout",
    description: "SWR did not answer in time.",
    example: () => swr({ kind: "timeout", timeoutMs: 30_000 }),
  },
};

export interface ErrorResponse extends ErrorResponseText {
  status: number;
  codes: ErrorCode[];
}

/** Every status lib/errors.ts can answer, with its codes; a status without text here is a mistake this throws on. */
export function errorResponses(): ErrorResponse[] {
  const codesByStatus = new Map<number, ErrorCode[]>();
  for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  return [...codesByStatus].map(([status, codes]) => {
    const text = ERROR_RESPONSES[status];
    if (!text)
      throw new Error(`lib/openapi/errors.ts has no text for HTTP ${status} (codes ${codes.join(", ")})`);
    return { status, codes, ...text, example: errorBody(text.example()) };
  });
}
