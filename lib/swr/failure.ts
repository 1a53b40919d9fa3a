import type { MessageParams } from "@/i18n/message";
import { describeSwrError, SwrError, swrErrorMsg } from "./errors";

// A failed SWR call as a code the browser words in the reader's language, plus the server's English sentence for
// API callers and for the codes whose detail only SWR's own words carry.

export const SWR_FAILURE_CODES = [
  "forbidden",
  "credentials",
  "not_found",
  "throttled",
  "unavailable",
  "timeout",
  "unreachable",
  "invalid_response",
  "configuration",
  "refused",
  "internal",
] as const;
export type SwrFailureCode = (typeof SWR_FAILURE_CODES)[number];

export interface SwrFailure {
  code: SwrFailureCode;
  /** The region whose SWR failed. */
  region: string;
  /** HTTP status SWR answered with, when it answered. */
  status: number | null;
  /** In English, with SWR's own detail. */
  message: string;
  /** The same as a catalog message, for the reader's language. */
  key: string;
  params?: MessageParams;
}

function codeOf(error: SwrError): SwrFailureCode {
  switch (error.kind) {
    case "timeout":
      return "timeout";
    case "network":
      return "unreachable";
    case "invalid_response":
      return "invalid_response";
    case "configuration":
      return "configuration";
    case "http":
      break;
  }
  const status = error.status ?? 0;
  if (status === 401) return "credentials";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "throttled";
  if (status >= 500 || error.retryable) return "unavailable";
  return "refused";
}

/** Any error of an SWR call as a failure; `region` names the place for errors that do not carry one. */
export function swrFailureOf(error: unknown, region: string): SwrFailure {
  const { key, params } = swrErrorMsg(error);
  const said = { key, ...(params ? { params } : {}) };
  if (!(error instanceof SwrError)) return { code: "internal", region, status: null, message: describeSwrError(error), ...said };
  return { code: codeOf(error), region: error.region || region, status: error.status ?? null, message: error.message, ...said };
}
