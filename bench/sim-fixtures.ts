// Repositories and namespaces for a scenario, made through the simulator's admin API (/__sim/…).
import { z } from "zod";

export interface RepoSpec {
  region: string;
  namespace: string;
  repository: string;
  tags: number;
}

/** The body of `PUT /__sim/faults` (simulator/README.md, "Faults"), the rules the bench uses. */
export interface SimFaults {
  seed: number;
  rules: (
    | { kind: "error"; status: number; rate: number }
    | { kind: "hang" | "drop"; rate: number }
    | { kind: "latency"; ms: number; rate?: number }
  )[];
}

async function send(simUrl: string, path: string, body: unknown, method = "POST"): Promise<Response> {
  return fetch(`${simUrl}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
}

async function fail(res: Response, what: string): Promise<never> {
  throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
}

/** A namespace in `region`; one that already exists is fine. */
export async function createNamespace(simUrl: string, region: string, namespace: string): Promise<void> {
  const res = await send(simUrl, "/__sim/namespaces", { region, namespace });
  if (res.status !== 201 && res.status !== 409)
    await fail(res, `POST /__sim/namespaces ${region}/${namespace}`);
  await res.arrayBuffer();
}

/** A repository with `tags` generated tags (and its namespace, when missing) in one call. */
export async function createRepository(simUrl: string, spec: RepoSpec): Promise<void> {
  const res = await send(simUrl, "/__sim/repositories", { ...spec, createNamespace: true });
  if (res.status !== 201) await fail(res, `POST /__sim/repositories ${spec.namespace}/${spec.repository}`);
  const made = z.object({ totalTags: z.number() }).parse(await res.json());
  if (made.totalTags !== spec.tags)
    throw new Error(`the simulator made ${made.totalTags} tags, not ${spec.tags}`);
}

/** Replaces the simulator's faults (and restarts its PRNG from `seed`); every SWR call after this may meet them. */
export async function setFaults(simUrl: string, faults: SimFaults): Promise<void> {
  const res = await send(simUrl, "/__sim/faults", faults, "PUT");
  if (res.status !== 200) await fail(res, "PUT /__sim/faults");
  await res.arrayBuffer();
}
