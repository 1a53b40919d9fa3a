// The demo's past month: finished sync jobs between the simulator's repositories, written as the engine leaves them
// (job, tasks with their times, digests and errors, the job's counters), so `npm run demo` opens on an overview
// with history to chart. Only `npm run demo` writes them; each is marked by its request hash and keyed per day,
// so a restart adds the days that passed since and never a second copy of one.
import { english } from "@/i18n/english";
import { type Message, msg } from "@/i18n/message";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { countTasks, deriveJobStatus, type JobStatus, type TaskState } from "@/lib/jobs/states";
import { addDays, dayIn, startOfDay, UTC } from "@/lib/time-zone";
import { seededRandom } from "@/simulator/prng";

/** The request hash every demo history job carries: how the demo tells its own rows from real ones. */
export const DEMO_HISTORY_HASH = "demo-history";
export const DEMO_HISTORY_DAYS = 30;
const KEY_PREFIX = "demo-history-";
const SECOND = 1_000;
const HOUR = 3_600_000;

const SOURCE_REGION = "cn-north-4";
/** Repositories of the simulator's seed in cn-north-4, with the tags they hold there. */
const REPOSITORIES = [
  { namespace: "team-a", name: "nginx", tags: ["1.25.3", "1.25.4", "1.26.0", "alpine", "latest"] },
  { namespace: "team-a", name: "redis", tags: ["7.0.15", "7.2.4", "7.2.5", "latest"] },
  { namespace: "team-a", name: "apps/web", tags: ["1.0.0", "1.1.0", "1.2.0", "latest"] },
  { namespace: "team-a", name: "apps/api", tags: ["2.0.0", "2.1.0", "2.1.1", "latest"] },
  { namespace: "platform", name: "prometheus", tags: ["v2.51.0", "v2.52.0", "latest"] },
  { namespace: "platform", name: "grafana", tags: ["10.4.1", "latest"] },
] as const;
/** Targets weighted as a team might use them: the mirror region most. */
const TARGETS = ["cn-east-3", "cn-east-3", "ap-southeast-1", "ap-southeast-1", "cn-south-1"] as const;

/** Failure codes and messages as the engine writes them (lib/sync/messages.ts), weighted by how often each shows up. */
const FAILURES: readonly { code: string; weight: number; msg: (namespace: string, region: string) => Message }[] = [
  { code: "swr_failed", weight: 5, msg: (namespace, region) => msg("taskErrors.recordFailed", { namespace, region, status: "failed" }) },
  { code: "no_progress", weight: 3, msg: () => msg("taskErrors.noProgress", { wait: msg("taskErrors.minutes", { minutes: 10 }) }) },
  { code: "digest_mismatch", weight: 2, msg: () => msg("taskErrors.digestMismatch", { target: "sha256:7d3f0c2e1b9a…", source: "sha256:4a1c9e8b7f20…" }) },
  { code: "swr_timeout", weight: 1, msg: (namespace, region) => msg("taskErrors.recordTimeout", { namespace, region, status: "timeout" }) },
];

export interface DemoTask {
  tag: string;
  status: TaskState;
  submittedAt: Date | null;
  finishedAt: Date;
  error: { code: string; message: string; msg: Message } | null;
}

export interface DemoJob {
  key: string;
  createdAt: Date;
  createdBy: string;
  sourceNamespace: string;
  repository: string;
  targetRegion: string;
  status: JobStatus;
  finishedAt: Date;
  tasks: DemoTask[];
}

function hashOf(text: string): number {
  let h = 2_166_136_261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return h >>> 0;
}

/** A made-up but well-formed digest per tag; a succeeded tag's target holds the same image. */
function digestsOf(repository: string, task: DemoTask): { sourceDigest: string; targetDigest: string | null } {
  const digest = `sha256:${hashOf(`${repository}:${task.tag}`).toString(16).padStart(8, "0").repeat(8)}`;
  return { sourceDigest: digest, targetDigest: task.status === "succeeded" ? digest : null };
}

/** The jobs of one UTC day, the same on every run (seeded by the day); today's only up to an hour before `now`. */
export function planDemoDay(day: string, now: Date): DemoJob[] {
  const random = seededRandom(hashOf(day));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const dayStart = startOfDay(day, UTC).getTime();
  const jobs: DemoJob[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(dayStart + (7 + random() * 14) * HOUR);
    const repository = pick(REPOSITORIES);
    const targetRegion = pick(TARGETS);
    const tags = repository.tags.slice(0, 1 + Math.floor(random() * repository.tags.length));
    const roll = random();
    const outcome = roll < 0.72 ? "succeeded" : roll < 0.84 ? "partially_failed" : roll < 0.92 ? "failed" : "cancelled";
    const failure = () => {
      const total = FAILURES.reduce((n, f) => n + f.weight, 0);
      let r = random() * total;
      const f = FAILURES.find((x) => (r -= x.weight) < 0) ?? FAILURES[0]!;
      const m = f.msg(repository.namespace, targetRegion);
      return { code: f.code, message: english(m), msg: m };
    };
    let clock = createdAt.getTime() + (1 + random() * 3) * SECOND;
    const tasks = tags.map((tag, n): DemoTask => {
      // A tag takes 10 s to a few minutes, now and then much longer.
      let took = (10 + random() ** 3 * 240 + (random() < 0.05 ? 600 : 0)) * SECOND;
      const status: TaskState =
        outcome === "succeeded"
          ? "succeeded"
          : outcome === "failed"
            ? "failed"
            : outcome === "partially_failed"
              ? n === tags.length - 1 || random() < 0.3
                ? "failed"
                : "succeeded"
              : n === 0
                ? "succeeded"
                : "cancelled";
      const error = status === "failed" ? failure() : null;
      // The engine gives up on a tag it cannot find in the target only after its wait (10 minutes by default).
      if (error?.code === "no_progress") took = Math.max(took, 600 * SECOND + random() * 30 * SECOND);
      const submittedAt = status === "cancelled" ? null : new Date(clock);
      const finishedAt = new Date(clock + (status === "cancelled" ? 0 : took));
      clock += (0.5 + random()) * SECOND;
      return { tag, status, submittedAt, finishedAt, error };
    });
    const finishedAt = new Date(Math.max(...tasks.map((t) => t.finishedAt.getTime())) + SECOND);
    if (finishedAt.getTime() > now.getTime() - HOUR) continue;
    const status = deriveJobStatus(countTasks(tasks.map((t) => t.status)), outcome === "cancelled");
    const createdBy = random() < 0.8 ? "operator" : "admin";
    jobs.push({ key: `${KEY_PREFIX}${day}-${i}`, createdAt, createdBy, sourceNamespace: repository.namespace, repository: repository.name, targetRegion, status, finishedAt, tasks });
  }
  return jobs;
}

/** The last `days` UTC days' jobs, oldest first. */
export function planDemoHistory(now: Date, days = DEMO_HISTORY_DAYS): DemoJob[] {
  const today = dayIn(now, UTC);
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1)).flatMap((day) => planDemoDay(day, now));
}

/** Writes the demo's past jobs that the database at `url` does not hold yet; answers how many it wrote. */
export async function seedDemoHistory(url: string, now = new Date()): Promise<{ created: number }> {
  const client = createPrismaClient(url);
  try {
    const users = await client.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true } });
    const userId = (role: string) => users.find((u) => u.email === DEMO_USERS.find((d) => d.role === role)?.email)?.id;
    const existing = await client.syncJob.findMany({ where: { requestHash: DEMO_HISTORY_HASH }, select: { idempotencyKey: true } });
    const have = new Set(existing.map((j) => j.idempotencyKey));
    let created = 0;
    for (const job of planDemoHistory(now)) {
      const createdById = userId(job.createdBy) ?? userId("operator");
      if (have.has(job.key) || !createdById) continue;
      const counts = countTasks(job.tasks.map((t) => t.status));
      const target = { region: job.targetRegion, namespace: job.sourceNamespace };
      await client.syncJob.create({
        data: {
          sourceRegion: SOURCE_REGION,
          sourceNamespace: job.sourceNamespace,
          sourceRepository: job.repository,
          targetRegion: target.region,
          targetNamespace: target.namespace,
          targets: JSON.stringify([target]),
          createdById,
          idempotencyKey: job.key,
          requestHash: DEMO_HISTORY_HASH,
          status: job.status,
          total: job.tasks.length,
          succeeded: counts.succeeded,
          failed: counts.failed,
          cancelled: counts.cancelled,
          cancelledAt: counts.cancelled > 0 ? job.tasks.find((t) => t.status === "cancelled")?.finishedAt : null,
          cancelledById: counts.cancelled > 0 ? createdById : null,
          createdAt: job.createdAt,
          attemptStartedAt: job.createdAt,
          progressAt: job.finishedAt,
          finishedAt: job.finishedAt,
          updatedAt: job.finishedAt,
          tasks: {
            createMany: {
              data: job.tasks.map((t) => ({
                ...digestsOf(job.repository, t),
                repository: job.repository,
                targetRegion: target.region,
                targetNamespace: target.namespace,
                tag: t.tag,
                status: t.status,
                submittedAt: t.submittedAt,
                submitTries: t.submittedAt ? 1 : 0,
                finishedAt: t.finishedAt,
                createdAt: job.createdAt,
                updatedAt: t.finishedAt,
                lastErrorCode: t.error?.code ?? null,
                lastErrorMessage: t.error?.message ?? null,
                lastErrorMsg: t.error ? JSON.stringify(t.error.msg) : null,
              })),
            },
          },
        },
      });
      created++;
    }
    return { created };
  } finally {
    await client.$disconnect();
  }
}
