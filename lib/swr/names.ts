import { z } from "zod";

// SWR name rules (contract §3.2) as zod schemas, shared by the client and the app's forms.

const NAMESPACE_RE = /^[a-z](?:[a-z0-9]|[._-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;
const REPOSITORY_RE = /^[a-z0-9](?:[a-z0-9]|[./_-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;
// The contract gives no tag rule; this is the Docker distribution grammar SWR stores tags under.
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

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

/** A repository name as a path segment: every `/` becomes `$` (contract §3.3). */
export function repositoryPathSegment(repository: string): string {
  return repository.replaceAll("/", "$");
}
