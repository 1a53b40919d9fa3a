import { namespaceNameSchema, repositoryNameSchema, repositoryPathSegment } from "./names";

// SWR resource paths (contract §8); names are validated here, so no invalid name reaches a URL.

export const namespacePath = (namespace: string) => `/v2/manage/namespaces/${namespaceNameSchema.parse(namespace)}`;

export const repositoryPath = (namespace: string, repository: string, suffix = "") =>
  `${namespacePath(namespace)}/repos/${repositoryPathSegment(repositoryNameSchema.parse(repository))}${suffix}`;

/** The `filter` mini-language (§3.4): `key::value` pairs joined by `|`, encoded later as one value. */
export function filterParam(pairs: Record<string, string | number | undefined>): string | undefined {
  const parts = Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}::${v}`);
  return parts.length ? parts.join("|") : undefined;
}
