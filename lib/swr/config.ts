import "server-only";
import { type Env } from "@/lib/env";
import type { Logger } from "@/lib/log";
import { type Exchange, fetchExchange, undiciExchange } from "./exchange";
import { DEFAULT_IAM_ENDPOINT_TEMPLATE, DEFAULT_SWR_ENDPOINT_TEMPLATE } from "./regions";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

// Configuration of one SWR client: where SWR is, who we are, how patient to be.

export interface AkSkCredentials {
  kind: "aksk";
  ak: string;
  sk: string;
  /** Only with temporary AK/SK. */
  securityToken?: string;
}

export interface PasswordCredentials {
  kind: "password";
  /** Account (domain) name. */
  domain: string;
  user: string;
  password: string;
}

export type SwrCredentials = AkSkCredentials | PasswordCredentials;

export interface SwrClientConfig {
  credentials: SwrCredentials;
  /** SWR base URL with `{region}`; default `https://swr-api.{region}.myhuaweicloud.com`. */
  swrEndpointTemplate?: string;
  /** IAM base URL, optionally with `{region}`; default the global IAM. */
  iamEndpointTemplate?: string;
  /** Region → IAM project ID; regions not listed are looked up in IAM (AK/SK only). */
  projectIds?: Record<string, string>;
  timeoutMs?: number;
  /** Send an idempotent call a second time when it has not answered after this long (see TransportOptions); off when unset. */
  hedgeAfterMs?: number;
  maxAttempts?: number;
  retry?: Partial<Omit<RetryPolicy, "maxAttempts">>;
  /** Refresh IAM tokens this long before they expire. */
  tokenRefreshMarginMs?: number;
  /** Sends through this fetch-shaped function instead of undici's request() (tests that look at the requests). */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** Where the client logs its calls; default the process logger. */
  log?: Pick<Logger, "debug" | "warn">;
}

export interface ResolvedSwrConfig {
  credentials: SwrCredentials;
  swrEndpointTemplate: string;
  iamEndpointTemplate: string;
  projectIds: Record<string, string>;
  timeoutMs: number;
  hedgeAfterMs?: number;
  retry: RetryPolicy;
  tokenRefreshMarginMs: number;
  exchange: Exchange;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
  log?: Pick<Logger, "debug" | "warn">;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function resolveSwrConfig(c: SwrClientConfig): ResolvedSwrConfig {
  return {
    credentials: c.credentials,
    swrEndpointTemplate: c.swrEndpointTemplate ?? DEFAULT_SWR_ENDPOINT_TEMPLATE,
    iamEndpointTemplate: c.iamEndpointTemplate ?? DEFAULT_IAM_ENDPOINT_TEMPLATE,
    projectIds: c.projectIds ?? {},
    timeoutMs: c.timeoutMs ?? 15_000,
    hedgeAfterMs: c.hedgeAfterMs,
    retry: { ...DEFAULT_RETRY_POLICY, ...c.retry, maxAttempts: c.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts },
    tokenRefreshMarginMs: c.tokenRefreshMarginMs ?? 60 * 60 * 1000,
    exchange: c.fetch ? fetchExchange(c.fetch) : undiciExchange,
    sleep: c.sleep ?? realSleep,
    random: c.random ?? Math.random,
    now: c.now ?? (() => new Date()),
    log: c.log,
  };
}

const MANY_READS_RETRY_BASE_MS = 100;

/**
 * Retries for work that needs many reads to all succeed and fails with the first that does not: the sync engine's
 * rounds, a job's plan (a namespace of 50 repositories is 100 reads and more). With the dashboard's attempts, a rare
 * SWR error would become a likely failure as the reads grow in number; so twice its attempts (SWR_MAX_ATTEMPTS; 1
 * still means none), with waits growing from 100 ms to at most `maxDelayMs`. Retry-After is honoured as always.
 */
export function manyReadsRetry(e: Pick<Env, "SWR_MAX_ATTEMPTS">, maxDelayMs: number): Pick<SwrClientConfig, "maxAttempts" | "retry"> {
  return {
    maxAttempts: e.SWR_MAX_ATTEMPTS === 1 ? 1 : 2 * e.SWR_MAX_ATTEMPTS,
    retry: { baseDelayMs: MANY_READS_RETRY_BASE_MS, maxDelayMs: Math.max(MANY_READS_RETRY_BASE_MS, maxDelayMs) },
  };
}

/** AK/SK when both are set, otherwise IAM password sign-in (env validation guarantees one of them). */
export function swrConfigFromEnv(e: Env): SwrClientConfig {
  const credentials: SwrCredentials | undefined =
    e.SWR_AK && e.SWR_SK
      ? { kind: "aksk", ak: e.SWR_AK, sk: e.SWR_SK, securityToken: e.SWR_SECURITY_TOKEN }
      : e.SWR_IAM_DOMAIN && e.SWR_IAM_USER && e.SWR_IAM_PASSWORD
        ? { kind: "password", domain: e.SWR_IAM_DOMAIN, user: e.SWR_IAM_USER, password: e.SWR_IAM_PASSWORD }
        : undefined;
  if (!credentials) throw new Error("Set SWR_AK and SWR_SK (or SWR_IAM_DOMAIN, SWR_IAM_USER and SWR_IAM_PASSWORD) to reach SWR.");
  return {
    credentials,
    swrEndpointTemplate: e.SWR_ENDPOINT,
    iamEndpointTemplate: e.IAM_ENDPOINT,
    projectIds: e.SWR_PROJECT_IDS,
    timeoutMs: e.SWR_TIMEOUT_MS,
    maxAttempts: e.SWR_MAX_ATTEMPTS,
  };
}

/** Every secret of a configuration, for redaction. */
export function secretsOf(c: SwrCredentials): string[] {
  return c.kind === "aksk"
    ? [c.ak, c.sk, ...(c.securityToken ? [c.securityToken] : [])]
    : [c.password];
}
