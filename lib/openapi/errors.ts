import { ERROR_STATUS, type ErrorBody, type ErrorCode } from "@/lib/errors";

// The error answers of the document: one reusable response per HTTP status, each listing the codes lib/errors.ts maps to it.

interface ErrorResponseText {
  name: string;
  description: string;
  example: { error: Omit<ErrorBody["error"], "key"> & { key?: string } };
}

const ERROR_RESPONSES: Record<number, ErrorResponseText> = {
  400: {
    name: "BadRequest",
    description:
      "Malformed address or JSON, or params, query or body not valid (`fields` names each problem; a webhook URL that is not allowed, in `fields.url`).",
    example: {
      error: {
        code: "validation_failed",
        message: "The request body is not valid.",
        fields: { tags: ["Pick at least one tag."] },
      },
    },
  },
  401: {
    name: "Unauthenticated",
    description:
      "No valid session or token: none, signed out, ended by an admin, revoked, expired, or the account disabled.",
    example: { error: { code: "unauthenticated", message: "Sign in to use the dashboard." } },
  },
  403: {
    name: "Forbidden",
    description:
      "The role is too low (of the session, or of the token as capped by its owner's role), a token asked for a role above its creator's or was sent to create a token, or (with a session cookie) a state-changing request failed the Origin check.",
    example: { error: { code: "forbidden", message: "This needs the operator role." } },
  },
  404: {
    name: "NotFound",
    description: "No such job, user, API token (of the caller's), webhook or SWR resource.",
    example: {
      error: { code: "not_found", message: "There is no sync job with the ID cm4x7k2p10000abcd1234efgh." },
    },
  },
  409: {
    name: "Conflict",
    description:
      "The resource's state does not allow it (a job still running, an admin changing themselves).",
    example: {
      error: { code: "conflict", message: "This sync job has finished; there is nothing to cancel." },
    },
  },
  413: {
    name: "PayloadTooLarge",
    description: "The body is larger than the route's limit.",
    example: {
      error: { code: "payload_too_large", message: "The request body is larger than 1048576 bytes." },
    },
  },
  415: {
    name: "UnsupportedMediaType",
    description: "A state-changing request whose body is not `application/json`.",
    example: {
      error: {
        code: "unsupported_media_type",
        message: "Send the request body as JSON (Content-Type: application/json).",
      },
    },
  },
  422: {
    name: "Unprocessable",
    description:
      "The same Idempotency-Key with another body (`idempotency_mismatch`), a request SWR says cannot be done, or a webhook secret the server cannot store without `APP_ENCRYPTION_KEY` (`unprocessable`).",
    example: {
      error: {
        code: "unprocessable",
        message: "Namespace `team-b` does not exist in ap-southeast-1.",
        fields: { targetNamespace: ["Namespace `team-b` does not exist in ap-southeast-1."] },
      },
    },
  },
  429: {
    name: "RateLimited",
    description: "SWR throttled the request; try again later.",
    example: {
      error: { code: "rate_limited", message: "SWR is busy (too many requests); try again in a moment." },
    },
  },
  500: {
    name: "InternalError",
    description: "Something failed on the server; the details are in its log, never in the answer.",
    example: {
      error: {
        code: "internal",
        message: "Something went wrong on the server. Try again; if it persists, check the server log.",
      },
    },
  },
  502: {
    name: "SwrUnavailable",
    description: "SWR refused the app's credentials or failed.",
    example: {
      error: { code: "swr_unavailable", message: "SWR in cn-north-4 failed (HTTP 503); try again later." },
    },
  },
  504: {
    name: "SwrTimeout",
    description: "SWR did not answer in time.",
    example: { error: { code: "swr_timeout", message: "SWR in cn-north-4 did not answer in time." } },
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
    return { status, codes, ...text };
  });
}
