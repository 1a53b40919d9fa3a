import { browserKeyDeps, forgetIdempotencyKeyForJson, idempotencyKeyForJson } from "@/components/sync-panel/idempotency-key";
import { createdJobSchema, type MultiSyncJobRequest } from "@/components/sync-panel/sync-request";
import { compareScopeDtoSchema, repositoryComparisonDtoSchema, type CompareScopeDto, type RepositoryComparisonDto } from "@/lib/compare/dto";
import { type CompareScopeQuery, targetParam } from "@/lib/compare/schemas";
import { ApiError, apiErrorOf, apiUrl, getJson, sendJson } from "@/lib/query/api-client";
import { jobPlanSchema, type JobPlan } from "@/lib/jobs/dto";
import type { MultiJobRequest } from "./sync-request";

// The compare API and the jobs API as the compare page calls them (docs/api.md "Compare", "Jobs").

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

// Checked here to be the jobs API's own multi-repository body.
const asJobBody = (request: MultiJobRequest): MultiSyncJobRequest => request;

export async function planSync(request: MultiJobRequest): Promise<JobPlan["plan"]> {
  return (await sendJson("POST", "/api/jobs/plan", asJobBody(request), jobPlanSchema)).plan;
}

/** ApiError code for a success answer without a job in it. */
export const UNREADABLE_ANSWER = "unreadable_answer";

/** POST /api/jobs with an Idempotency-Key of the request, so a second click or a reload answers the same job. */
export async function startSync(request: MultiJobRequest): Promise<{ id: string }> {
  // buildSyncRequest spells each request one way, so its JSON is the key's input as it stands.
  const json = JSON.stringify(asJobBody(request));
  const deps = browserKeyDeps();
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": idempotencyKeyForJson(json, deps) },
    body: json,
  });
  if (!response.ok) {
    // A refusal of the request itself started nothing: a corrected request may use a new key.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) forgetIdempotencyKeyForJson(json, deps);
    throw await apiErrorOf(response);
  }
  const created = createdJobSchema.safeParse(await response.json().catch(() => null));
  if (!created.success) throw new ApiError(response.status, UNREADABLE_ANSWER, "");
  return { id: created.data.job.id };
}
