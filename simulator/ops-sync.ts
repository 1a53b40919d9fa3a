import { z } from "zod";
import { parseBody } from "./body";
import type { OpHandler, OpRequest } from "./context";
import { CODES, invalidParameter, namespaceNotFound, swrError } from "./errors";
import { single } from "./http";
import { requireRepo } from "./lookup";
import type { Namespace } from "./model";
import { assertNamespaceName } from "./names";
import { parseFilter, parseOrderType, parsePage, rangeHeaders } from "./query";
import { isServedRegion, isSyncRegion, SYNC_REGIONS } from "./regions";
import { formatTime } from "./time";
import { syncJobWire, syncRuleWire } from "./wire";

// Manual sync, its job records and automatic-sync rules (contract §8.7–8.11).

const manualSyncSchema = z.object({
  imageTag: z
    .array(z.string({ error: "each tag must be a string" }).min(1, { error: "tags must not be empty strings" }), {
      error: "imageTag must be an array of tag names",
    })
    .min(1, { error: "imageTag must name at least one tag" }),
  override: z.boolean().default(false),
  remoteNamespace: z.string({ error: "remoteNamespace is required" }),
  remoteRegionId: z.string({ error: "remoteRegionId is required" }),
});

const targetSchema = {
  remoteRegionId: z.string({ error: "remoteRegionId is required" }),
  remoteNamespace: z.string({ error: "remoteNamespace is required" }),
};
const createRuleSchema = z.object({ ...targetSchema, syncAuto: z.boolean().default(false), override: z.boolean().default(false) });
const deleteRuleSchema = z.object(targetSchema);

/** A sync (manual or a rule) goes between two different regions, both among the sync regions. */
function requireSyncRegions(r: OpRequest, remoteRegionId: string): void {
  if (!isServedRegion(remoteRegionId)) throw invalidParameter(`remoteRegionId "${remoteRegionId}" is not a region that images can be synced to`);
  if (remoteRegionId === r.region) throw invalidParameter(`remoteRegionId must differ from the source region ${r.region}`);
  for (const [direction, region] of [["from", r.region], ["to", remoteRegionId]] as const) {
    if (!isSyncRegion(region)) {
      throw swrError(400, CODES.syncRegionUnsupported, `image synchronization ${direction} region ${region} is not supported; supported regions: ${SYNC_REGIONS.join(", ")}`);
    }
  }
}

/** The target namespace in the target region; the caller needs write permission (auth ≥ 3) there. */
function requireTargetNamespace(r: OpRequest, remoteRegionId: string, remoteNamespace: string): Namespace {
  assertNamespaceName(remoteNamespace, "remoteNamespace");
  const target = r.sim.store.namespace(remoteRegionId, remoteNamespace);
  if (!target) throw namespaceNotFound(remoteNamespace, remoteRegionId);
  if (target.auth < 3) {
    throw swrError(403, CODES.forbidden, `Insufficient permissions: writing to namespace ${remoteNamespace} in region ${remoteRegionId} needs edit permission`);
  }
  return target;
}

// POST …/sync_images — CreateManualImageSyncRepo: accepts, answers [] and syncs one job per tag in the background
export const createManualImageSyncRepo: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const body = parseBody(manualSyncSchema, r.body);
  requireSyncRegions(r, body.remoteRegionId);
  const tags = [...new Set(body.imageTag)];
  const missing = tags.filter((tag) => !r.sim.store.tag(repo, tag));
  if (missing.length > 0) {
    throw invalidParameter(`image tag(s) not found in ${ns.name}/${repo.name} in region ${r.region}: ${missing.join(", ")}`);
  }
  requireTargetNamespace(r, body.remoteRegionId, body.remoteNamespace);
  const operator = r.caller?.user ?? r.sim.keyOwner;
  for (const tag of tags) {
    r.sim.engine.enqueue(
      { region: r.region, namespace: ns.name, repoName: repo.name, tag, remoteRegionId: body.remoteRegionId, remoteNamespace: body.remoteNamespace, override: body.override },
      operator,
    );
  }
  return { status: 200, body: [] };
};

const SYNC_JOB_FILTER = "filter=limit::{n}|offset::{m}[|order::desc|asc]";

// GET …/sync_job — ShowSyncJob: newest first unless order::asc; records are kept sorted, so a page costs O(log n + limit)
export const showSyncJob: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const raw = single(r.query, "filter");
  if (raw === undefined) throw invalidParameter(`the filter query parameter is required: ${SYNC_JOB_FILTER}`);
  const filter = parseFilter(raw);
  if (filter.limit === undefined || filter.offset === undefined) throw invalidParameter(`limit and offset are mandatory in ${SYNC_JOB_FILTER}`);
  const page = parsePage(filter.limit, filter.offset);
  const order = parseOrderType(filter.order, "order");
  const jobs = r.sim.store.jobsOf(r.region, ns.name, repo.name);
  const items = jobs.page(order, page.offset, page.limit);
  return { status: 200, headers: rangeHeaders(page, items.length, jobs.length), body: items.map(syncJobWire) };
};

const rulesOf = (r: OpRequest, ns: Namespace, repoName: string) =>
  r.sim.store.rules.filter((x) => x.region === r.region && x.namespace === ns.name && x.repoName === repoName);

const ruleTo = (r: OpRequest, ns: Namespace, repoName: string, target: z.output<typeof deleteRuleSchema>) =>
  rulesOf(r, ns, repoName).find((x) => x.remoteRegionId === target.remoteRegionId && x.remoteNamespace === target.remoteNamespace);

// GET …/sync_repo — ListImageAutoSyncReposDetails
export const listImageAutoSyncReposDetails: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  return { status: 200, body: rulesOf(r, ns, repo.name).map(syncRuleWire) };
};

// POST …/sync_repo — CreateImageSyncRepo; a second rule for the same target is refused with 409
export const createImageSyncRepo: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const body = parseBody(createRuleSchema, r.body);
  requireSyncRegions(r, body.remoteRegionId);
  requireTargetNamespace(r, body.remoteRegionId, body.remoteNamespace);
  if (ruleTo(r, ns, repo.name, body)) {
    throw swrError(409, CODES.conflict, `an auto-sync rule from ${ns.name}/${repo.name} to ${body.remoteNamespace} in ${body.remoteRegionId} already exists`);
  }
  const at = formatTime(r.sim.now());
  r.sim.store.addRule({
    region: r.region,
    createdAt: at,
    updatedAt: at,
    domainID: r.sim.account.domainId,
    domainName: r.sim.account.domainName,
    namespace: ns.name,
    repoName: repo.name,
    ...body,
  });
  return { status: 200 };
};

// DELETE …/sync_repo — DeleteImageSyncRepo; a missing rule answers 400 SVCSTG.SWR.4001158 like SWR
export const deleteImageSyncRepo: OpHandler = (r) => {
  const { ns, repo } = requireRepo(r);
  const body = parseBody(deleteRuleSchema, r.body);
  const rule = ruleTo(r, ns, repo.name, body);
  if (!rule) {
    throw swrError(400, CODES.syncRuleNotFound, `no auto-sync rule from ${ns.name}/${repo.name} to ${body.remoteNamespace} in ${body.remoteRegionId}`);
  }
  r.sim.store.removeRule(rule);
  return { status: 200 };
};
