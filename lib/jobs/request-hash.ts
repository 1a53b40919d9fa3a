import { createHash } from "node:crypto";
import type { CreateJobInput } from "./schemas";

/** SHA-256 of the request with its tags sorted: the same job asked for twice hashes the same (Idempotency-Key). */
export function hashJobRequest(input: CreateJobInput): string {
  const normalised = [
    input.sourceRegion,
    input.sourceNamespace,
    input.sourceRepository,
    input.targetRegion,
    input.targetNamespace,
    input.override,
    input.tags ? [...input.tags].sort() : null,
    input.tagSelector ?? null,
  ];
  return createHash("sha256").update(JSON.stringify(normalised)).digest("hex");
}
