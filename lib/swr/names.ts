import { z } from "zod";
import { NAMESPACE_RE, REGION_ID_RE, REPOSITORY_RE, TAG_RE } from "./name-rules";

// SWR name rules (contract §3.2) as zod schemas, for the client and the API's inputs; the browser's forms check with
// the predicates of name-rules.ts.

export const namespaceNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(64, { message: "must be at most 64 characters", abort: true })
  .regex(
    NAMESPACE_RE,
    "must start with a lowercase letter, end with a letter or digit, and use only a-z 0-9 . _ - (no two separators in a row except __)",
  );

export const repositoryNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, { message: "must be at most 128 characters", abort: true })
  .regex(
    REPOSITORY_RE,
    "must start and end with a lowercase letter or digit and use only a-z 0-9 . / _ - (no two separators in a row except __)",
  );

export const tagNameSchema = z
  .string()
  .max(128, { message: "must be 1–128 characters", abort: true })
  .regex(TAG_RE, "must be 1–128 characters of A-Z a-z 0-9 _ . - and not start with . or -");

export const regionIdSchema = z
  .string()
  .max(64, { message: "must be a region ID such as cn-north-4", abort: true })
  .trim()
  .regex(REGION_ID_RE, "must be a region ID such as cn-north-4");

/** A repository name as a path segment: every `/` becomes `$` (contract §3.3). */
export function repositoryPathSegment(repository: string): string {
  return repository.replaceAll("/", "$");
}
