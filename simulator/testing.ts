import { expect } from "vitest";
import { canonicalQueryString, signRequest, type HttpMethod, type Query } from "@/lib/swr/signing";
import type { CreateRepositoryInput, GeneratedRepository } from "./admin";
import type { FaultConfigInput } from "./faults";
import type { AccessKeyPair } from "./identity";
import { projectIdOf } from "./regions";
import type { RunningSimulator } from "./server";
import type { StatsView } from "./stats";

// Helpers for tests that talk to a running simulator over real HTTP.

export interface SwrCall {
  method?: HttpMethod;
  query?: Query;
  /** An object is sent as JSON; a string is sent verbatim. */
  body?: unknown;
  /** Extra headers, signed like the others. */
  headers?: Record<string, string>;
  /** `X-Project-Id` to send; the called region's project by default, none with `false`. */
  projectId?: string | false;
  credentials?: AccessKeyPair;
  /** Signing time (for clock-skew tests). */
  now?: Date;
  signal?: AbortSignal;
  /** Changes made after signing, to send something other than what was signed. */
  tamper?: { headers?: (signed: Record<string, string>) => void; body?: string; query?: Query };
}

/** An AK/SK-signed request to `/{region}{path}`, signed exactly as the contract's §4.1 describes. */
export function callSwr(sim: RunningSimulator, region: string, path: string, call: SwrCall = {}): Promise<Response> {
  const method = call.method ?? "GET";
  const fullPath = `/${region}${path}`;
  const body = call.body === undefined || typeof call.body === "string" ? call.body : JSON.stringify(call.body);
  const projectId = call.projectId ?? projectIdOf(region);
  const headers = { "Content-Type": "application/json", ...(projectId === false ? {} : { "X-Project-Id": projectId }), ...call.headers };
  const credentials = call.credentials ?? sim.credentials;
  const signed = signRequest({ method, host: new URL(sim.url).host, path: fullPath, query: call.query, headers, body, ...credentials, now: call.now });
  call.tamper?.headers?.(signed);
  const qs = canonicalQueryString(call.tamper?.query ?? call.query);
  return fetch(`${sim.url}${fullPath}${qs ? `?${qs}` : ""}`, { method, headers: signed, body: call.tamper?.body ?? body, signal: call.signal });
}

/** The parsed JSON of a response that must have the given status. */
export async function expectJson(res: Response, status = 200): Promise<unknown> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${text}`);
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

/** Asserts an SWR-shaped error (contract §6.1 (a)) with the given status and code, whose message contains `message`. */
export async function expectSwrError(res: Response, status: number, code: string, message = ""): Promise<void> {
  const body = await expectJson(res, status);
  expect(body).toMatchObject({ error_code: code, error_msg: expect.stringContaining(message), errors: [{ errorCode: code }] });
}

/** Asserts an API-gateway error (contract §6.1 (d)). */
export async function expectGatewayError(res: Response, status: number, code: string, message = ""): Promise<void> {
  const body = await expectJson(res, status);
  expect(body).toMatchObject({ error_code: code, error_msg: expect.stringContaining(message), request_id: res.headers.get("x-request-id") });
}

/** A password-token request body (contract §4.3) scoped to a region's project. */
export function passwordAuth(user: { domain: string; name: string; password: string }, region: string) {
  return {
    auth: {
      identity: { methods: ["password"], password: { user: { domain: { name: user.domain }, name: user.name, password: user.password } } },
      scope: { project: { name: region } },
    },
  };
}

export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json;charset=utf8" }, body: JSON.stringify(body) });
}

/** A kept-alive socket the simulator closed while this process was busy fails on reuse before the request is read. */
function isStaleSocket(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return error instanceof TypeError && (cause?.code === "ECONNRESET" || cause?.code === "EPIPE" || cause?.code === "UND_ERR_SOCKET");
}

async function adminCall(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const send = () => fetch(`${sim.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  // Sent again once on a fresh socket: the simulator never read the first one.
  const res = await send().catch((error: unknown) => (isStaleSocket(error) ? send() : Promise.reject(error)));
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /__sim/${path} answered HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** The admin API, typed. */
export const simAdmin = {
  setFaults: (sim: RunningSimulator, faults: FaultConfigInput) => adminCall(sim, "PUT", "faults", faults),
  reset: (sim: RunningSimulator) => adminCall(sim, "POST", "reset"),
  resetStats: (sim: RunningSimulator) => adminCall(sim, "DELETE", "stats"),
  // The simulator's own answer, so its type is known.
  stats: async (sim: RunningSimulator) => (await adminCall(sim, "GET", "stats")) as StatsView,
  putTag: (sim: RunningSimulator, tag: { region: string; namespace: string; repository: string; tag: string; digest?: string; createNamespace?: boolean }) =>
    adminCall(sim, "POST", "tags", tag),
  /** A repository with `tags` generated tags (see `POST /__sim/repositories`). */
  createRepository: async (sim: RunningSimulator, repo: CreateRepositoryInput) => (await adminCall(sim, "POST", "repositories", repo)) as GeneratedRepository,
};
