import type { CompareScopeDto, RepositoryComparisonDto } from "@/lib/compare/dto";
import { type CompareScope, targetParam } from "@/lib/compare/scope";
import { apiUrl, getJson } from "@/lib/query/api-client";

// The compare API as the compare page calls it (docs/api.md "Compare").

const placeParams = (c: CompareScope) => ({
  region: c.region,
  namespace: c.namespace,
  target: c.targets.map((t) => targetParam(t, c.namespace)),
});

export function fetchCompareScope(c: CompareScope, signal?: AbortSignal): Promise<CompareScopeDto> {
  return getJson<CompareScopeDto>(apiUrl("/api/compare/repositories", { ...placeParams(c), repository: c.repository }), signal);
}

export function fetchRepositoryComparison(c: CompareScope, repository: string, signal?: AbortSignal): Promise<RepositoryComparisonDto> {
  return getJson<RepositoryComparisonDto>(apiUrl("/api/compare", { ...placeParams(c), repository }), signal);
}
