import "server-only";
import { eachLimited } from "@/lib/collections";
import { planClassOf, PLAN_CLASSES, type PlanClass } from "@/lib/compare/classify";
import { digestsOf, walkTargetTags } from "@/lib/compare/walk";
import { type Message, msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { isSwrError, type SwrClient } from "@/lib/swr";
import type { JobPlanDetail, PlannedTaskRef } from "./dto";
import type { JobRequest, JobTarget } from "./schemas";
import { repositoryFields, selectTags, type SelectedTags } from "./tag-selection";

// A request's plan, before anything is written: which tags of which repositories go to which targets, and
// what each would do there, from one walk of each source repository and one of each target repository.
// new: not in the target; identical: already there with the same digest (no SWR call); overwrite: differs and
// override is on; keep: differs and override is off (left as it is).

export type PlanSwr = Pick<SwrClient, "listTags" | "showNamespace" | "listAllTags">;

/** One task of the plan: a tag of a repository, for a target. */
export interface PlannedTask {
  repository: string;
  targetRegion: string;
  targetNamespace: string;
  tag: string;
  sourceDigest: string | null;
  /** The tag's digest in the target when the plan was made; null when it was not there (or SWR gave none). */
  targetDigest: string | null;
  planClass: PlanClass;
}

/** Namespace permission needed to write (SWR: 7 manage, 3 edit, 1 read). */
const EDIT_PERMISSION = 3;
/** SWR reads of one plan at a time: enough to walk 50 repositories × 3 targets quickly, few enough for SWR's rate limits. */
const READS_AT_ONCE = 4;
/** Tags read of each target repository. */
const TARGET_TAGS = 200_000;
/** How many tasks of each class the plan names; its counts cover them all. */
const PLAN_SAMPLE = 100;
/** How many tag names the plan lists (the sync panel's preview). */
const TAG_SAMPLE = 200;

function unprocessable(field: string, message: Message): AppError {
  return new AppError("unprocessable", message, { [field]: [message] });
}

const targetField = (request: JobRequest, index: number) => (request.single ? "targetNamespace" : `targets.${index}.namespace`);

/** The target namespace exists in the target region (else 404) and these credentials may write to it (else 422). */
export async function checkTargetNamespace(target: JobTarget, swr: Pick<SwrClient, "showNamespace">, field = "targetNamespace"): Promise<void> {
  const { region, namespace } = target;
  let auth: number;
  try {
    auth = (await swr.showNamespace(region, namespace)).auth;
  } catch (error) {
    if (isSwrError(error) && error.status === 404) {
      const message = msg("swrErrors.namespaceMissing", { namespace, region });
      throw new AppError("not_found", message, { [field]: [message] });
    }
    throw error;
  }
  // 0 means SWR did not say; only a known read-only permission is refused here.
  if (auth > 0 && auth < EDIT_PERMISSION) {
    throw unprocessable(field, msg("jobErrors.namespaceReadOnly", { namespace, region }));
  }
}

/** The first failure in the order given, or the values. */
function firstFailure<T>(results: readonly PromiseSettledResult<T>[]): T[] {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function settleEach<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = new Array(items.length);
  await eachLimited([...items.keys()], limit, async (i) => {
    try {
      out[i] = { status: "fulfilled", value: await fn(items[i]!, i) };
    } catch (reason) {
      out[i] = { status: "rejected", reason };
    }
  });
  return out;
}

/**
 * Every task of the request with its class. Source problems are reported before target ones; 400 when the
 * tasks (tags × targets) are more than `maxTasks`.
 */
export async function planTasks(request: JobRequest, swr: PlanSwr, maxTasks: number): Promise<PlannedTask[]> {
  const { source, repositories, targets } = request;
  const [selected, checked] = await Promise.all([
    settleEach(repositories, READS_AT_ONCE, (repo, i) => selectTags(source, repo, swr, maxTasks, repositoryFields(request.single, i))),
    settleEach(targets, READS_AT_ONCE, (target, i) => checkTargetNamespace(target, swr, targetField(request, i))),
  ]);
  const sources: SelectedTags[] = firstFailure(selected);
  firstFailure(checked);
  const total = sources.reduce((n, s) => n + s.tags.length, 0) * targets.length;
  if (total > maxTasks) {
    const what = msg("jobErrors.tooManyTasks", { count: total, maximum: maxTasks });
    throw new AppError("validation_failed", what, { [request.single ? "tags" : "repositories"]: [what] });
  }
  const pairs = repositories.flatMap((repo, r) => targets.map((target) => ({ repo, selected: sources[r]!, target })));
  const walks = firstFailure(await settleEach(pairs, READS_AT_ONCE, async (p) => digestsOf(await walkTargetTags(swr, { ...p.target, repository: p.repo.name }, TARGET_TAGS))));
  const tasks: PlannedTask[] = [];
  for (const [i, { repo, selected: s, target }] of pairs.entries()) {
    const there = walks[i]!;
    for (const tag of s.tags) {
      const sourceDigest = s.digests.get(tag) ?? null;
      const targetDigest = there.get(tag);
      tasks.push({
        repository: repo.name,
        targetRegion: target.region,
        targetNamespace: target.namespace,
        tag,
        sourceDigest,
        targetDigest: targetDigest || null,
        planClass: planClassOf(sourceDigest, targetDigest, request.override),
      });
    }
  }
  return tasks;
}

const emptyClasses = (): Record<PlanClass, number> => ({ new: 0, identical: 0, overwrite: 0, keep: 0 });

/** What the sync panel shows before Sync: counts per class, per repository and target, and the first tasks of each class. */
export function describePlan(tasks: readonly PlannedTask[]): JobPlanDetail {
  const classes = emptyClasses();
  const samples: Record<PlanClass, PlannedTaskRef[]> = { new: [], identical: [], overwrite: [], keep: [] };
  const groups = new Map<string, JobPlanDetail["groups"][number]>();
  const tagNames = new Set<string>();
  for (const t of tasks) {
    classes[t.planClass]++;
    if (samples[t.planClass].length < PLAN_SAMPLE) samples[t.planClass].push({ repository: t.repository, tag: t.tag, targetRegion: t.targetRegion, targetNamespace: t.targetNamespace });
    const key = JSON.stringify([t.repository, t.targetRegion, t.targetNamespace]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { repository: t.repository, targetRegion: t.targetRegion, targetNamespace: t.targetNamespace, ...emptyClasses() }));
    g[t.planClass]++;
    if (tagNames.size <= TAG_SAMPLE) tagNames.add(t.tag);
  }
  const tags = [...tagNames].slice(0, TAG_SAMPLE);
  return { count: tasks.length, tags, truncated: new Set(tasks.map((t) => t.tag)).size > tags.length, classes, samples, groups: [...groups.values()] };
}

export { PLAN_CLASSES };
