import { createHash } from "node:crypto";
import type { JobRequest, TagSelector } from "./schemas";

/**
 * SHA-256 of the request in one spelling (repositories, targets and tags sorted): the same job asked for twice
 * hashes the same, whichever form or order it came in (Idempotency-Key, and the no-key rule of POST /api/jobs).
 */
export function hashJobRequest(input: JobRequest): string {
  const selection = (r: { tags?: string[]; tagSelector?: TagSelector }) => (r.tags ? [...r.tags].sort() : (r.tagSelector ?? null));
  const normalised = [
    input.source.region,
    input.source.namespace,
    [...input.repositories].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r) => [r.name, selection(r)]),
    input.targets.map((t) => `${t.region}/${t.namespace}`).sort(),
    input.override,
  ];
  return createHash("sha256").update(JSON.stringify(normalised)).digest("hex");
}
