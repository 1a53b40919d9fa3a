import "server-only";
import { readRepository, type SwrCaller } from "./caller";
import { decode } from "./decode";
import { parseErrorBody } from "./error-body";
import { SwrError } from "./errors";
import {
  type AutoSyncRuleInput,
  autoSyncRuleInputSchema,
  type AutoSyncTarget,
  autoSyncTargetSchema,
  type ListSyncJobsOptions,
  listSyncJobsOptionsSchema,
  type ManualSyncInput,
  manualSyncInputSchema,
} from "./options";
import { type Page, toPage } from "./pagination";
import { filterParam, repositoryPath } from "./paths";
import { regionLabel, staticSyncTargets, type SwrRegion } from "./regions";
import {
  type AutoSyncRule,
  autoSyncRulesBodySchema,
  manualSyncBodySchema,
  type SyncJob,
  syncJobsBodySchema,
  syncRegionsBodySchema,
} from "./wire";

// Sync operations: manual sync, job records, auto-sync rules, sync targets (contract §8.7–§8.12).

const RULE_NOT_FOUND_CODE = "SVCSTG.SWR.4001158";

export interface ManualSyncReceipt {
  submittedTags: string[];
  /** SWR's 200 body, whose meaning (done or failed tags) is unknown: record it, never act on it (§11 #1). */
  reportedTags?: string[];
  requestId?: string;
  /** SWR's `Date` header: compare job records against this rather than our clock. */
  serverTime?: string;
}

export interface SyncTargets {
  regions: SwrRegion[];
  /** `swr` when ListSyncRegions answered, `static` for the built-in list minus the source. */
  source: "swr" | "static";
  /** Why the static list was used. */
  fallbackReason?: string;
}

export function syncOperations(swr: SwrCaller) {
  async function createManualSync(region: string, namespace: string, repository: string, input: ManualSyncInput): Promise<ManualSyncReceipt> {
    const operation = "CreateManualImageSyncRepo";
    const body = manualSyncInputSchema
      .refine((b) => b.remoteRegionId !== region, { path: ["remoteRegionId"], message: "must differ from the source region" })
      .parse(input);
    const result = await swr.call({
      operation,
      region,
      method: "POST",
      path: repositoryPath(namespace, repository, "/sync_images"),
      body,
      resource: { namespace, repository, targetNamespace: body.remoteNamespace, targetRegion: body.remoteRegionId },
    });
    const tags = manualSyncBodySchema.safeParse(result.body);
    if (!tags.success) {
      // An object here is an error body that came with a 2xx (§8.7); one without a code is tolerated.
      const { code, message } = parseErrorBody(JSON.stringify(result.body));
      if (code || message) {
        throw new SwrError({ kind: "http", operation, region, status: 400, code, swrMessage: message, requestId: result.requestId });
      }
    }
    return {
      submittedTags: body.imageTag,
      reportedTags: tags.success ? (tags.data ?? undefined) : undefined,
      requestId: result.requestId,
      serverTime: result.date,
    };
  }

  async function listSyncJobs(region: string, namespace: string, repository: string, options: ListSyncJobsOptions = {}): Promise<Page<SyncJob>> {
    const operation = "ShowSyncJob";
    const o = listSyncJobsOptionsSchema.parse(options);
    const filter = filterParam({ limit: o.limit, offset: o.offset, order: o.order });
    const result = await readRepository(swr, { operation, region, namespace, repository, suffix: "/sync_job", query: { filter } });
    return toPage(decode(syncJobsBodySchema, result, { operation, region }), o, result.contentRange);
  }

  async function listAutoSyncRules(region: string, namespace: string, repository: string): Promise<AutoSyncRule[]> {
    const operation = "ListImageAutoSyncReposDetails";
    const result = await readRepository(swr, { operation, region, namespace, repository, suffix: "/sync_repo" });
    return decode(autoSyncRulesBodySchema, result, { operation, region });
  }

  async function createAutoSyncRule(region: string, namespace: string, repository: string, input: AutoSyncRuleInput): Promise<void> {
    const body = autoSyncRuleInputSchema.parse(input);
    await swr.call({
      operation: "CreateImageSyncRepo",
      region,
      method: "POST",
      path: repositoryPath(namespace, repository, "/sync_repo"),
      body,
      resource: { namespace, repository, targetNamespace: body.remoteNamespace, targetRegion: body.remoteRegionId },
    });
  }

  /** Deletes the rule for one target; a rule that is already gone counts as deleted. */
  async function deleteAutoSyncRule(region: string, namespace: string, repository: string, target: AutoSyncTarget): Promise<{ alreadyDeleted: boolean }> {
    const body = autoSyncTargetSchema.parse(target);
    try {
      await swr.call({
        operation: "DeleteImageSyncRepo",
        region,
        method: "DELETE",
        path: repositoryPath(namespace, repository, "/sync_repo"),
        body,
        // Deleting twice leaves the same state, so a lost answer may be asked again.
        idempotent: true,
        resource: { namespace, repository },
      });
      return { alreadyDeleted: false };
    } catch (e) {
      if (e instanceof SwrError && e.code === RULE_NOT_FOUND_CODE) return { alreadyDeleted: true };
      throw e;
    }
  }

  /** Regions a sync from `region` may target: SWR's answer, else the static list minus the source. */
  async function listSyncRegions(region: string): Promise<SyncTargets> {
    const operation = "ListSyncRegions";
    let ids: string[];
    try {
      const result = await swr.call({ operation, region, method: "GET", path: "/v2/manage/regions" });
      ids = decode(syncRegionsBodySchema, result, { operation, region });
    } catch (e) {
      const answered = e instanceof SwrError && (e.kind === "http" || e.kind === "invalid_response");
      if (!answered) throw e;
      return { regions: staticSyncTargets(region), source: "static", fallbackReason: e.message };
    }
    const regions = [...new Set(ids)].filter((id) => id !== region).map((id) => ({ id, label: regionLabel(id) }));
    if (regions.length === 0) {
      return { regions: staticSyncTargets(region), source: "static", fallbackReason: `SWR in ${region} listed no sync regions.` };
    }
    return { regions, source: "swr" };
  }

  return { createManualSync, listSyncJobs, listAutoSyncRules, createAutoSyncRule, deleteAutoSyncRule, listSyncRegions };
}
