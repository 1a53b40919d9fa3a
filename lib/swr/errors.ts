import { ZodError } from "zod";
import { AppError, validationError } from "@/lib/errors";

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
}

/** SWR is busy with a conflicting operation: the one SWR code that means "the same call may work later". */
export const BUSY_CODE = "SVCSTG.SWR.4090023";
const REPOSITORY_NOT_FOUND_CODES = new Set(["SVCSTG.SWR.4040009", "SVCSTG.SWR.4040010"]);
const CLOCK_SKEW_RE = /clock|skew|x-sdk-date|request time|timestamp|time (?:difference|offset)/i;

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const suffix = (msg: string | undefined) => (msg ? `: ${msg}` : "");

function describeNotFound(i: SwrErrorInit): string {
  const { namespace, repository, targetNamespace, targetRegion } = i.resource ?? {};
  const said = (re: RegExp) => re.test(i.swrMessage ?? "");
  if (targetNamespace && targetRegion && i.swrMessage?.includes(targetNamespace)) {
    return `Namespace \`${targetNamespace}\` does not exist in ${targetRegion}`;
  }
  if (repository && namespace && (REPOSITORY_NOT_FOUND_CODES.has(i.code ?? "") || said(/repo|image/i))) {
    return `Repository \`${namespace}/${repository}\` does not exist in ${i.region}`;
  }
  if (namespace && (!repository || said(/namespace|organi[sz]ation/i))) {
    return `Namespace \`${namespace}\` does not exist in ${i.region}`;
  }
  if (namespace && repository) return `Repository \`${namespace}/${repository}\` does not exist in ${i.region}`;
  return `${i.service ?? "SWR"} in ${i.region} could not find what ${i.operation} asked for${suffix(i.swrMessage)}`;
}

function describeUnauthorized(i: SwrErrorInit): string {
  const service = i.service ?? "SWR";
  if (i.code === "APIGW.0303" || CLOCK_SKEW_RE.test(i.swrMessage ?? "")) {
    return `${service} rejected the request time: this server's clock is more than 15 minutes off; sync it (NTP) and try again`;
  }
  return i.authMethod === "token"
    ? `${service} rejected the credentials (check SWR_IAM_DOMAIN, SWR_IAM_USER and SWR_IAM_PASSWORD)`
    : `${service} rejected the credentials (check SWR_AK/SWR_SK or the server clock)`;
}

function describeHttp(i: SwrErrorInit): string {
  const status = i.status ?? 0;
  const service = i.service ?? "SWR";
  const namespace = i.resource?.namespace;
  if (status === 400) return `${service} rejected the request${suffix(i.swrMessage ?? "bad request")}`;
  if (status === 401) return describeUnauthorized(i);
  if (status === 403) {
    const { targetNamespace, targetRegion } = i.resource ?? {};
    // A sync needs rights on both sides and SWR does not say which one failed.
    if (targetNamespace && targetRegion && namespace) {
      return `Insufficient permissions to sync from \`${namespace}\` in ${i.region} to \`${targetNamespace}\` in ${targetRegion}${suffix(i.swrMessage)}`;
    }
    return namespace
      ? `Insufficient permissions on namespace \`${namespace}\` in ${i.region}${suffix(i.swrMessage)}`
      : `Insufficient permissions for ${i.operation} in ${i.region}${suffix(i.swrMessage)}`;
  }
  if (status === 404) return describeNotFound(i);
  if (status === 409) {
    return i.code === BUSY_CODE
      ? `${service} in ${i.region} is busy with a conflicting operation; try again in a moment`
      : `${service} reported a conflict in ${i.region}${suffix(i.swrMessage ?? "the resource already exists or is busy")}`;
  }
  if (status === 429) return `${service} in ${i.region} is throttling requests; wait a moment and try again`;
  if (status >= 500) return `${service} internal error in ${i.region}; try again later`;
  return `${service} refused ${i.operation} in ${i.region} (HTTP ${status})${suffix(i.swrMessage)}`;
}

/** The person-facing sentence for a failed call. */
export function swrErrorMessage(i: SwrErrorInit): string {
  const service = i.service ?? "SWR";
  switch (i.kind) {
    case "timeout":
      return `${service} in ${i.region} did not answer within ${Number(((i.timeoutMs ?? 0) / 1000).toFixed(1))} s; try again later.`;
    case "network":
      return `Could not reach ${service} at ${i.host ?? "its endpoint"}${i.networkCode ? ` (${i.networkCode})` : ""}; check the endpoint setting and this server's network.`;
    case "invalid_response":
      return sentence(`${service} in ${i.region} answered ${i.operation} with data this app does not understand${suffix(i.detail)}`);
    case "configuration":
      return sentence(i.detail ?? `${service} is not configured for ${i.region}`);
    case "http":
      return sentence(describeHttp(i));
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

  constructor(init: SwrErrorInit) {
    super(swrErrorMessage(init));
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

/** A sentence for the person about any error from an SWR call; unknown errors never leak their details. */
export function describeSwrError(e: unknown): string {
  if (e instanceof SwrError || e instanceof AppError) return e.message;
  if (e instanceof ZodError) return `The request to SWR was not valid: ${e.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ")}.`;
  return "Something went wrong while talking to SWR; check the server log.";
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
  if (!(err instanceof SwrError)) {
    return new AppError("internal", "Something went wrong on the server. Try again; if it persists, check the server log.");
  }
  if (err.kind === "timeout") return new AppError("swr_timeout", err.message);
  if (err.kind !== "http") return new AppError("swr_unavailable", err.message);
  switch (err.status) {
    case 400:
      return new AppError("bad_request", err.message);
    case 404:
      return new AppError("not_found", err.message);
    case 409:
      return new AppError("conflict", err.message);
    case 429:
      return new AppError("rate_limited", err.message);
    default:
      return new AppError("swr_unavailable", err.message);
  }
}
