// SWR's name rules (contract §3.2) as plain patterns and predicates: free of zod, so forms in the browser check names
// with the same rules the zod schemas of names.ts apply (without shipping zod to the browser).

export const NAMESPACE_MAX = 64;
export const REPOSITORY_MAX = 128;
export const NAMESPACE_RE = /^[a-z](?:[a-z0-9]|[._-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;
export const REPOSITORY_RE = /^[a-z0-9](?:[a-z0-9]|[./_-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;
// The contract gives no tag rule; this is the Docker distribution grammar SWR stores tags under.
export const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A region ID such as `cn-north-4`; the contract treats the region table as the default offering, not an allow-list. */
export const REGION_ID_RE = /^[a-z]{2}-[a-z]+-\d+$/;
const REGION_ID_MAX = 64;

export const isNamespaceName = (name: string): boolean => name.length <= NAMESPACE_MAX && NAMESPACE_RE.test(name);
export const isRepositoryName = (name: string): boolean => name.length <= REPOSITORY_MAX && REPOSITORY_RE.test(name);

/** The region ID as the API takes it (at most 64 characters, then trimmed), or null when it is not one. */
export function regionIdOf(text: string): string | null {
  if (text.length > REGION_ID_MAX) return null;
  const id = text.trim();
  return REGION_ID_RE.test(id) ? id : null;
}
