import "server-only";
import type { DbTx } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import type { EventPayload, JobEventPayload } from "./dto";
import { eventsForOutcome, type DeliveryEvent } from "./events";
import { eventsOf } from "./store";

// Job outcomes into the delivery queue, in the transaction that finishes the job: if it rolls back, nothing is queued.
// One delivery per webhook and event occurrence ("<event>:<job>:<attempt>", unique per webhook), so a job
// finishing again after a retry is a new occurrence, and a second writer of the same finish adds nothing.

/** The job's page in the dashboard, when the server knows its own address. */
export function jobPageUrl(jobId: string): string | null {
  const base = env().NEXTAUTH_URL;
  return base ? new URL(`/jobs/${encodeURIComponent(jobId)}`, base).toString() : null;
}

/** Queues one delivery unless this webhook already has one for `eventKey`; true when it queued. */
export async function queueDelivery(
  tx: DbTx,
  d: { webhookId: string; event: DeliveryEvent; eventKey: string; jobId: string | null; payload: EventPayload },
  now: Date,
): Promise<boolean> {
  const existing = await tx.webhookDelivery.findUnique({ where: { webhookId_eventKey: { webhookId: d.webhookId, eventKey: d.eventKey } }, select: { id: true } });
  if (existing) return false;
  await tx.webhookDelivery.create({
    data: { webhookId: d.webhookId, event: d.event, eventKey: d.eventKey, jobId: d.jobId, payload: JSON.stringify(d.payload), nextAttemptAt: now },
  });
  return true;
}

/** Queues the events of a job that has just finished for every enabled webhook that wants them; returns how many. */
export async function enqueueJobOutcome(tx: DbTx, jobId: string, now = new Date()): Promise<number> {
  // Most installations have no webhook: one small read, and the job is not read at all.
  const webhooks = await tx.webhook.findMany({ where: { enabled: true }, select: { id: true, events: true } });
  if (webhooks.length === 0) return 0;
  const job = await tx.syncJob.findUniqueOrThrow({ where: { id: jobId }, include: { createdBy: { select: { email: true } } } });
  const events = eventsForOutcome({ status: job.status, failed: job.failed, kept: job.kept });
  let queued = 0;
  for (const event of events) {
    const payload: JobEventPayload = {
      event,
      occurredAt: (job.finishedAt ?? now).toISOString(),
      job: {
        id: job.id,
        url: jobPageUrl(job.id),
        status: job.status,
        attempt: job.attempt,
        source: { region: job.sourceRegion, namespace: job.sourceNamespace, repository: job.sourceRepository },
        target: { region: job.targetRegion, namespace: job.targetNamespace },
        repositoryCount: job.repositoryCount,
        targets: job.targets ? (JSON.parse(job.targets) as { region: string; namespace: string }[]) : [{ region: job.targetRegion, namespace: job.targetNamespace }],
        counts: { total: job.total, succeeded: job.succeeded, failed: job.failed, cancelled: job.cancelled, kept: job.kept },
        startedBy: job.createdBy.email,
        createdAt: job.createdAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
      },
    };
    for (const w of webhooks.filter((w) => eventsOf(w).includes(event))) {
      const eventKey = `${event}:${job.id}:${job.attempt}`;
      if (await queueDelivery(tx, { webhookId: w.id, event, eventKey, jobId: job.id, payload }, now)) queued++;
    }
  }
  return queued;
}
