import type { Db } from "@/lib/db/create-client";
import type { Prisma, SyncTask } from "@/prisma/generated/postgres/client";
import type { TaskFields } from "./decide";
import { recomputeJob } from "./job-summary";
import { assertTransition, isTerminal, TASK_STATES, type TaskState } from "./states";

// The engine's reads and writes of tasks: claims through leases, and state changes that only the lease holder can make.

export type { SyncTask };

export const ACTIVE_STATES = ["queued", "retrying", "submitted", "syncing", "verifying"] as const satisfies readonly TaskState[];

/** swrStatus while a sync_images call for the tag may be in flight: whoever holds the task next checks SWR first. */
export const SUBMITTING = "submitting";

// Interactive transactions wait behind other engines' writes on a busy database.
const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 };

/** The row's state; a value this code does not know is a bug elsewhere, so it stops the work on that job. */
export function taskStateOf(task: Pick<SyncTask, "id" | "status">): TaskState {
  const state = TASK_STATES.find((s) => s === task.status);
  if (!state) throw new Error(`task ${task.id} has an unknown status "${task.status}"`);
  return state;
}

/** Tasks with work to do now whose lease is free or expired. */
function dueWhere(now: Date): Prisma.SyncTaskWhereInput {
  return {
    status: { in: [...ACTIVE_STATES] },
    AND: [
      { OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
      { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    ],
  };
}

/** Jobs with due, unclaimed tasks, the longest-waiting first. */
export async function findDueJobIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const groups = await db.syncTask.groupBy({
    by: ["jobId"],
    where: dueWhere(now),
    _min: { progressAt: true },
    orderBy: { _min: { progressAt: "asc" } },
    take: limit,
  });
  return groups.map((g) => g.jobId);
}

/**
 * Claims every due task of a job in one conditional update: a row is taken only while its lease is
 * free or expired, which the database re-checks under the row lock, so two engines never hold the
 * same task. The lease's expiry time identifies this claim's rows.
 */
export async function claimJobTasks(db: Db, jobId: string, owner: string, now: Date, leaseMs: number): Promise<SyncTask[]> {
  const leaseExpiresAt = new Date(now.getTime() + leaseMs);
  const { count } = await db.syncTask.updateMany({ where: { jobId, ...dueWhere(now) }, data: { leaseOwner: owner, leaseExpiresAt } });
  if (count === 0) return [];
  return db.syncTask.findMany({ where: { jobId, leaseOwner: owner, leaseExpiresAt }, orderBy: { tag: "asc" } });
}

/** Extends the leases this engine holds on a job's tasks. */
export async function renewLeases(db: Db, jobId: string, owner: string, until: Date): Promise<number> {
  const { count } = await db.syncTask.updateMany({ where: { jobId, leaseOwner: owner }, data: { leaseExpiresAt: until } });
  return count;
}

/** Lets go of tasks, each due again at its next check time (none for finished tasks). */
export async function releaseTasks(db: Db, owner: string, nextChecks: ReadonlyMap<string, Date | null>): Promise<void> {
  const groups = new Map<number | null, string[]>();
  for (const [id, at] of nextChecks) {
    const key = at ? at.getTime() : null;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  for (const [at, ids] of groups) {
    await db.syncTask.updateMany({
      where: { id: { in: ids }, leaseOwner: owner },
      data: { leaseOwner: null, leaseExpiresAt: null, nextCheckAt: at === null ? null : new Date(at) },
    });
  }
}

export interface SubmissionMark {
  task: SyncTask;
  data: { swrPriorJobId: string | null; submittedAt: Date; submitTries: number };
}

/**
 * Marks claimed tasks, in one transaction, before their sync_images call; returns the ones this
 * engine still held. A crash after the call leaves the mark, so the next holder checks SWR first.
 */
export async function markSubmitting(db: Db, owner: string, marks: readonly SubmissionMark[]): Promise<SubmissionMark[]> {
  return db.$transaction(async (tx) => {
    const held: SubmissionMark[] = [];
    for (const m of marks) {
      const { count } = await tx.syncTask.updateMany({
        where: { id: m.task.id, status: m.task.status, leaseOwner: owner },
        data: { ...m.data, swrStatus: SUBMITTING },
      });
      if (count === 1) held.push(m);
    }
    return held;
  }, TX_OPTIONS);
}

export interface TaskChange {
  task: SyncTask;
  /** Transitions in order; empty to only update fields. */
  path: TaskState[];
  fields: TaskFields & { submittedAt?: Date | null; swrPriorJobId?: string | null };
  /** SWR's status moved: counts as progress although the state stays. */
  progressed?: boolean;
}

/** The fields of a change that differ from the row, so unchanged tasks cost no write. */
function changedFields(c: TaskChange): Record<string, unknown> {
  const row: Record<string, unknown> = { ...c.task };
  return Object.fromEntries(Object.entries(c.fields).filter(([k, v]) => v !== undefined && !sameValue(row[k], v)));
}

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Applies changes to one job's tasks in one transaction, each only while this engine still holds the
 * task in the state it read, then re-derives the job. The job row is locked first, so concurrent
 * writers of the same job recompute its summary one after the other from committed tasks.
 * Returns the tasks that changed state, with their new state.
 */
export async function applyChanges(db: Db, jobId: string, owner: string, changes: readonly TaskChange[], now: Date): Promise<Map<string, TaskState>> {
  const moved = new Map<string, TaskState>();
  const work = changes.filter((c) => c.path.length > 0 || c.progressed || Object.keys(changedFields(c)).length > 0);
  if (work.length === 0) return moved;
  await db.$transaction(async (tx) => {
    const moving = work.some((c) => c.path.length > 0);
    if (moving) await tx.syncJob.update({ where: { id: jobId }, data: { updatedAt: now } });
    for (const c of work) {
      let from = taskStateOf(c.task);
      const fields = changedFields(c);
      if (c.path.length === 0) {
        await tx.syncTask.updateMany({
          where: { id: c.task.id, status: from, leaseOwner: owner },
          data: { ...fields, ...(c.progressed ? { progressAt: now } : {}) },
        });
        continue;
      }
      for (const [i, to] of c.path.entries()) {
        assertTransition(from, to);
        const last = i === c.path.length - 1;
        const { count } = await tx.syncTask.updateMany({
          where: { id: c.task.id, status: from, leaseOwner: owner },
          data: { status: to, progressAt: now, finishedAt: isTerminal(to) ? now : null, ...(last ? fields : {}) },
        });
        // Lost the lease or someone else moved it: leave the task to them.
        if (count === 0) break;
        from = to;
        moved.set(c.task.id, to);
      }
    }
    if (moving) await recomputeJob(tx, jobId, now);
  }, TX_OPTIONS);
  return moved;
}
