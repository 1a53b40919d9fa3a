"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobKeys } from "@/components/jobs/query-keys";
import { ApiError, apiErrorOf } from "@/lib/query/api-client";
import { browserKeyDeps, forgetIdempotencyKey, idempotencyKeyFor } from "./idempotency-key";
import { createdJobId, normalizeSyncRequest, type SyncRequest } from "./sync-request";

export interface StartedJob {
  id: string;
  /** The server answered 200: this request had already created the job (double click, reload, other tab). */
  reused: boolean;
}

/** ApiError code for a success answer without a job in it; the panel words it for the reader. */
export const UNREADABLE_ANSWER = "unreadable_answer";

// A refusal of the request itself means no job exists, so the next attempt may use a new key; 429 and 5xx may have.
const refusedOutright = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

async function postJob(request: SyncRequest): Promise<StartedJob> {
  const body = normalizeSyncRequest(request);
  const deps = browserKeyDeps();
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": idempotencyKeyFor(body, deps) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    if (refusedOutright(response.status)) forgetIdempotencyKey(body, deps);
    throw await apiErrorOf(response);
  }
  const id = createdJobId(await response.json().catch(() => null));
  if (id === null) throw new ApiError(response.status, UNREADABLE_ANSWER, "");
  return { id, reused: response.status === 200 };
}

/** POST /api/jobs with an Idempotency-Key derived from the body. */
export function useSubmitSync() {
  const client = useQueryClient();
  // The overview's counts and the history were read before this job existed.
  return useMutation({ mutationFn: postJob, onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }) });
}
