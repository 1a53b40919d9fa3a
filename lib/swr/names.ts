import { z } from "zod";
import { NAMESPACE_RE, REGION_ID_RE, REPOSITORY_RE, TAG_RE } from "./name-rules";

// SWR name rules (contract §3.2) as zod schemas, for the client and the API's inputs; the browser's forms check with
// the predicates of name-rules.ts. Messages are catalog keys (errors.names.*), rendered in the reader's language.

export const namespaceNameSchema = z
  .string()
  .min(1, "errors.names.empty")
  .max(64, { abort: true })
  .regex(NAMESPACE_RE, "errors.names.namespace");

export const repositoryNameSchema = z
  .string()
  .min(1, "errors.names.empty")
  .max(128, { abort: true })
  .regex(REPOSITORY_RE, "errors.names.repository");

export const tagNameSchema = z
  .string()
  .max(128, { message: "errors.names.tag", abort: true })
  .regex(TAG_RE, "errors.names.tag");

export const regionIdSchema = z
  .string()
  .max(64, { message: "errors.names.regionId", abort: true })
  .trim()
  .regex(REGION_ID_RE, "errors.names.regionId");

/** A repository name as a path segment: every `/` becomes `$` (contract §3.3). */
export function repositoryPathSegment(repository: string): string {
  return repository.replaceAll("/", "$");
}
