import { ZodError } from "zod";
import { english } from "@/i18n/english";
import { type Message, type MessageParam, msg } from "@/i18n/message";
import { AppError, internalError, validationError } from "@/lib/errors";
import { issueMessage } from "@/lib/validation/issue-messages";

// SwrError: one failed SWR or IAM call, with a sentence a person can act on and no secrets.

export type SwrErrorKind = "http" | "timeout" | "network" | "invalid_response" | "configuration";
export type SwrService = "SWR" | "IAM";
export type SwrAuthMethod = "aksk" | "token";

/** What the call was about, so messages can name it. */
export interface SwrResource {
  namespace?: string;
  repository?: string;
  targetRegion?: string;
  targetNamespace?: string;
}

export interface SwrErrorInit {
  kind: SwrErrorKind;
  operation: string;
  region: string;
  service?: SwrService;
  status?: number;
  code?: string;
  swrMessage?: string;
  requestId?: string;
  resource?: SwrResource;
  authMethod?: SwrAuthMethod;
  host?: string;
  /** e.g. ECONNREFUSED, for network failures. */
  networkCode?: string;
  timeoutMs?: number;
  /** For invalid responses and configuration problems: what exactly is wrong. */
  detail?: string;
  /** SWR's Retry-After, in milliseconds, when it sent one. */
  retryAfterMs?: number;
  /** What the person reads, when the caller words it itself (else derived from the fields above). */
  message?: Message;
}

/** SWR is busy with a conflicting operation: the one SWR code that means "the same call may work later". */
export const BUSY_CODE = "SVCSTG.SWR.4090023";
const REPOSITORY_NOT_FOUND_CODES = new Set(["SVCSTG.SWR.4040009", "SVCSTG.SWR.4040010"]);
const CLOCK_SKEW_RE = /clock|skew|x-sdk-date|request time|timestamp|time (?:difference|offset)/i;

const said = (swrMessage: string | undefined): MessageParam => (swrMessage ? msg("swrErrors.said", { text: swrMessage }) : "");

function describeNotFound(i: SwrErrorInit): Message {
  const { namespace, repository, targetNamespace, targetRegion } = i.resource ?? {};
  const mentions = (re: RegExp) => re.test(i.swrMessage ?? "");
  if (targetNamespace && targetRegion && i.swrMessage?.includes(targetNamespace)) {
    return msg("swrErrors.namespaceMissing", { namespace: targetNamespace, region: targetRegion });
  }
  if (repository && namespace && (REPOSITORY_NOT_FOUND_CODES.has(i.code ?? "") || mentions(/repo|image/i))) {
    return msg("swrErrors.repositoryMissing", { repository: `${namespace}/${repository}`, region: i.region });
  }
  if (namespace && (!repository || mentions(/namespace|organi[sz]ation/i))) {
    return msg("swrErrors.namespaceMissing", { namespace, region: i.region });
  }
  if (namespace && repository) return msg("swrErrors.repositoryMissing", { repository: `${namespace}/${repository}`, region: i.region });
  return msg("swrErrors.notFound", { service: i.service ?? "SWR", region: i.region, operation: i.operation, said: said(i.swrMessage) });
}

function describeUnauthorized(i: SwrErrorInit): Message {
  const service = i.service ?? "SWR";
  if (i.code === "APIGW.0303" || CLOCK_SKEW_RE.test(i.swrMessage ?? "")) return msg("swrErrors.clockSkew", { service });
  return msg(i.authMethod === "token" ? "swrErrors.credentialsToken" : "swrErrors.credentialsAksk", { service });
}

function describeHttp(i: SwrErrorInit): Message {
  const status = i.status ?? 0;
  const service = i.service ?? "SWR";
  const region = i.region;
  const namespace = i.resource?.namespace;
  if (status === 400) return msg("swrErrors.badRequest", { service, said: said(i.swrMessage) });
  if (status === 401) return describeUnauthorized(i);
  if (status === 403) {
    const { targetNamespace, targetRegion } = i.resource ?? {};
    // A sync needs rights on both sides and SWR does not say which one failed.
    if (targetNamespace && targetRegion && namespace) {
      return msg("swrErrors.forbiddenSync", { namespace, region, targetNamespace, targetRegion, said: said(i.swrMessage) });
    }
    return namespace
      ? msg("swrErrors.forbiddenNamespace", { namespace, region, said: said(i.swrMessage) })
      : msg("swrErrors.forbiddenOperation", { operation: i.operation, region, said: said(i.swrMessage) });
  }
  if (status === 404) return describeNotFound(i);
  if (status === 409) {
    return i.code === BUSY_CODE
      ? msg("swrErrors.busy", { service, region })
      : msg("swrErrors.conflict", { service, region, said: i.swrMessage ? said(i.swrMessage) : msg("swrErrors.conflictDefault") });
  }
  if (status === 429) return msg("swrErrors.throttled", { service, region });
  if (status >= 500) return msg("swrErrors.internal", { service, region });
  return msg("swrErrors.refused", { service, operation: i.operation, region, status, said: said(i.swrMessage) });
}

/** What the person reads about a failed call, as a catalog message. */
export function swrErrorMessage(i: SwrErrorInit): Message {
  const service = i.service ?? "SWR";
  if (i.message) return i.message;
  switch (i.kind) {
    case "timeout":
      return msg("swrErrors.timeout", { service, region: i.region, seconds: Number(((i.timeoutMs ?? 0) / 1000).toFixed(1)) });
    case "network":
      return i.networkCode
        ? msg("swrErrors.unreachableCode", { service, host: i.host ?? "?", networkCode: i.networkCode })
        : msg("swrErrors.unreachable", { service, host: i.host ?? "?" });
    case "invalid_response":
      return msg("swrErrors.invalidResponse", { service, region: i.region, operation: i.operation, said: said(i.detail) });
    case "configuration":
      return msg("swrErrors.notConfigured", { service, region: i.region });
    case "http":
      return describeHttp(i);
  }
}

function isRetryable(i: SwrErrorInit): boolean {
  if (i.kind === "timeout" || i.kind === "network") return true;
  return i.kind === "http" && (i.status === 429 || (i.status ?? 0) >= 500 || i.code === BUSY_CODE);
}

export class SwrError extends Error {
  readonly kind: SwrErrorKind;
  readonly operation: string;
  readonly region: string;
  readonly service: SwrService;
  readonly status?: number;
  readonly code?: string;
  readonly swrMessage?: string;
  readonly requestId?: string;
  /** True when the same call may succeed later (429, SWR busy, 5xx, timeouts, network errors). */
  readonly retryable: boolean;
  /** How long SWR asked us to wait before trying again, when it said. */
  readonly retryAfterMs?: number;

  /** What the person reads, as a catalog message; `message` is its English. */
  readonly msg: Message;

  constructor(init: SwrErrorInit) {
    const m = swrErrorMessage(init);
    super(english(m));
    this.msg = m;
    this.name = "SwrError";
    this.kind = init.kind;
    this.operation = init.operation;
    this.region = init.region;
    this.service = init.service ?? "SWR";
    this.status = init.status;
    this.code = init.code;
    this.swrMessage = init.swrMessage;
    this.requestId = init.requestId;
    this.retryable = isRetryable(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  toJSON() {
    const { name, message, kind, operation, region, service, status, code, swrMessage, requestId, retryable } = this;
    return { name, message, kind, operation, region, service, status, code, swrMessage, requestId, retryable };
  }
}

export function isSwrError(e: unknown): e is SwrError {
  return e instanceof SwrError;
}

/** What the person reads about any error from an SWR call; unknown errors never leak their details. */
export function swrErrorMsg(e: unknown): Message {
  if (e instanceof SwrError || e instanceof AppError) return e.msg;
  if (e instanceof ZodError) {
    const [first] = e.issues;
    return first
      ? msg("swrErrors.invalidRequest", { field: first.path.join(".") || "input", problem: issueMessage(first) })
      : msg("swrErrors.unexpected");
  }
  return msg("swrErrors.unexpected");
}

/** The same in English, for logs and API clients. */
export function describeSwrError(e: unknown): string {
  return english(swrErrorMsg(e));
}

/** Replaces every occurrence of a secret, and any signature, with `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(/Signature=[0-9a-f]{64}/gi, "Signature=***");
  for (const s of secrets) if (s && s.length >= 4) out = out.replaceAll(s, "***");
  return out;
}

/**
 * SwrError → AppError. SWR refusing *our server's* credentials or permissions (401/403) is not the
 * person's session failing, so it becomes swr_unavailable (502) like outages; 404/409/429/400 keep
 * their meaning; timeouts are swr_timeout (504).
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  if (!(err instanceof SwrError)) return internalError();
  if (err.kind === "timeout") return new AppError("swr_timeout", err.msg);
  if (err.kind !== "http") return new AppError("swr_unavailable", err.msg);
  switch (err.status) {
    case 400:
      return new AppError("bad_request", err.msg);
    case 404:
      return new AppError("not_found", err.msg);
    case 409:
      return new AppError("conflict", err.msg);
    case 429:
      return new AppError("rate_limited", err.msg);
    default:
      return new AppError("swr_unavailable", err.msg);
  }
}
