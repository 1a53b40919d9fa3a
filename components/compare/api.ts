import { compareScopeDtoSchema, repositoryComparisonDtoSchema, type CompareScopeDto, type RepositoryComparisonDto } from "@/lib/compare/dto";
import { type CompareScopeQuery, targetParam } from "@/lib/compare/schemas";
import { apiUrl, getJson } from "@/lib/query/api-client";

// The compare API as the compare page calls it (docs/api.md "Compare").

const placeParams = (c: CompareScopeQuery) => ({
  region: c.region,
  namespace: c.namespace,
  target: c.targets.map((t) => targetParam(t, c.namespace)),
});

export function fetchCompareScope(c: CompareScopeQuery, signal?: AbortSignal): Promise<CompareScopeDto> {
  return getJson(apiUrl("/api/compare/repositories", { ...placeParams(c), repository: c.repository }), compareScopeDtoSchema, signal);
}

export function fetchRepositoryComparison(c: CompareScopeQuery, repository: string, signal?: AbortSignal): Promise<RepositoryComparisonDto> {
  return getJson(apiUrl("/api/compare", { ...placeParams(c), repository }), repositoryComparisonDtoSchema, signal);
}
