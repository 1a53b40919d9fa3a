import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { getSwrClient } from "@/lib/swr";
import { SEED } from "@/simulator/seed";
import type { OperationName } from "@/simulator/operations";
import { simAdmin } from "@/simulator/testing";
import { planTasks } from "@/lib/jobs/plan";
import { POST } from "./route";
import { NGINX_ROUTE } from "@/test/fixtures";

vi.mock("@/lib/auth/session-cookie");

// POST /api/jobs against a real database and the SWR simulator over HTTP.

const env = setUpApiTests({ simulator: true });

const good = {
  ...NGINX_ROUTE,
  tags: ["latest", "1.25.3"],
  override: false,
};

let operator: SessionUser;

beforeAll(async () => {
  operator = await createTestUser("operator");
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  callRoute(POST, "/api/jobs", { body, headers });

async function lastAudit() {
  return db().auditEvent.findFirst({
    where: { action: "sync_start" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
}

describe("POST /api/jobs", () => {
  it("writes the job with one queued task per tag, each with its source digest, and answers 201 with the detail", async () => {
    actAs(operator);
    const { status, body } = await jsonOf(await post(good));
    expect(status).toBe(201);
    const { job } = body as { job: { id: string } };
    expect(job).toMatchObject({
      status: "queued",
      sourceRegion: "cn-north-4",
      sourceRepository: "nginx",
      targetRegion: "ap-southeast-1",
      override: false,
      attempt: 1,
      live: true,
      createdBy: { email: operator.email },
      counts: { total: 2, queued: 2, active: 0, succeeded: 0, failed: 0 },
    });
    const swr = getSwrClient();
    const expected = await Promise.all(
      ["1.25.3", "latest"].map((t) => swr.findTag("cn-north-4", "team-a", "nginx", t)),
    );
    const tasks = (await db().syncTask.findMany({ where: { jobId: job.id }, orderBy: { tag: "asc" } }));
    expect(tasks.map((t) => [t.tag, t.status, t.sourceDigest])).toEqual([
      ["1.25.3", "queued", expected[0]?.digest],
      ["latest", "queued", expected[1]?.digest],
    ]);
    expect(await lastAudit()).toMatchObject({ actorId: operator.id, outcome: "success", target: job.id });
  });

  it("walks a 5,000-tag repository in pages of 1,000 and stops once every tag is found", async () => {
    actAs(operator);
    await simAdmin.resetStats(env.sim);
    const { bigRepository: big } = SEED;
    const res = await post({
      ...good,
      sourceRepository: big.repository,
      tags: ["build-00001", "build-02500"],
    });
    expect(res.status).toBe(201);
    const stats = await simAdmin.stats(env.sim);
    expect(stats.regions["cn-north-4"]?.operations.ListRepositoryTags).toBe(3);
  });

  describe("without an Idempotency-Key", () => {
    it("the same request while its job still runs answers that job (200, existing) instead of starting another", async () => {
      actAs(operator);
      const body = { ...good, tags: ["alpine", "latest"] };
      const first = await jsonOf(await post(body));
      expect(first.status).toBe(201);
      const id = (first.body as { job: { id: string } }).job.id;
      const before = await rowCounts();
      const again = await Promise.all(Array.from({ length: 4 }, () => post({ ...body, tags: [...body.tags].reverse() })).map(async (r) => jsonOf(await r)));
      for (const a of again) expect({ status: a.status, body: a.body }).toMatchObject({ status: 200, body: { existing: true, job: { id } } });
      expect(await rowCounts()).toEqual(before);

      // Once that job has settled, the same request is a new sync.
      await db().syncJob.update({ where: { id }, data: { status: "succeeded" } });
      const later = await jsonOf(await post(body));
      expect(later.status).toBe(201);
      expect((later.body as { job: { id: string } }).job.id).not.toBe(id);
    });

    it("identical requests arriving together start one job", async () => {
      actAs(operator);
      const body = { ...good, tags: ["1.25.3", "alpine"], override: true };
      const answers = await Promise.all(Array.from({ length: 5 }, async () => jsonOf(await post(body))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => (a.body as { job: { id: string } }).job.id)).size).toBe(1);
    });
  });

  describe("Idempotency-Key", () => {
    it("answers the same key and body with the same job (200), in any tag order", async () => {
      actAs(operator);
      const headers = { "Idempotency-Key": "same-key-0001" };
      const first = await jsonOf(await post(good, headers));
      const before = await rowCounts();
      const again = await jsonOf(await post({ ...good, tags: [...good.tags].reverse() }, headers));
      expect([first.status, again.status]).toEqual([201, 200]);
      // The same job; only the version of the answer moves on.
      const { version: _v1, ...firstJob } = (first.body as { job: { version: string } }).job;
      const { version: _v2, ...againJob } = (again.body as { job: { version: string } }).job;
      expect(againJob).toEqual(firstJob);
      expect(await rowCounts()).toEqual(before);
    });

    it("refuses the same key with another body (422) and writes no job", async () => {
      actAs(operator);
      const headers = { "Idempotency-Key": "same-key-0002" };
      const first = await jsonOf(await post(good, headers));
      const before = await rowCounts();
      const other = await jsonOf(await post({ ...good, override: true }, headers));
      const firstId = (first.body as { job: { id: string } }).job.id;
      expect(other).toMatchObject({ status: 422, body: { error: { code: "idempotency_mismatch", key: "jobErrors.idempotencyKeyReused", params: { id: firstId } } } });
      expect((other.body as { error: { message: string } }).error.message).toContain(
        (first.body as { job: { id: string } }).job.id,
      );
      expect(await rowCounts()).toMatchObject({ jobs: before.jobs, tasks: before.tasks });
    });

    it("lets two users use the same key independently", async () => {
      const other = await createTestUser("operator");
      const headers = { "Idempotency-Key": "shared-key-0003" };
      actAs(operator);
      const a = await jsonOf(await post(good, headers));
      actAs(other);
      const b = await jsonOf(await post({ ...good, override: true }, headers));
      expect([a.status, b.status]).toEqual([201, 201]);
    });

    it("creates exactly one job for concurrent duplicates", async () => {
      actAs(operator);
      const before = await rowCounts();
      const headers = { "Idempotency-Key": "concurrent-key-0004" };
      const answers = await Promise.all(Array.from({ length: 5 }, () => post(good, headers).then(jsonOf)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => (a.body as { job: { id: string } }).job.id)).size).toBe(1);
      expect(await rowCounts()).toMatchObject({ jobs: before.jobs + 1, tasks: before.tasks + 2 });
    });

    it.each([
      ["too short", "short"],
      ["too long", "k".repeat(129)],
      ["not printable ASCII", "schlüssel-1234"],
    ])("answers 400 for a key that is %s", async (_, key) => {
      actAs(operator);
      const before = await rowCounts();
      const res = await jsonOf(await post(good, { "Idempotency-Key": key }));
      expect(res).toMatchObject({
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            key: "jobErrors.idempotencyKeyInvalid",
            params: { header: "Idempotency-Key" },
            message: "The Idempotency-Key header is not valid.",
            fields: { "Idempotency-Key": ["Must be 8–128 printable ASCII characters."] },
            fieldMessages: { "Idempotency-Key": [{ key: "jobErrors.idempotencyKeyShape" }] },
          },
        },
      });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe("pre-checks refuse before anything is written", () => {
    // The English, and the message as key and params.
    it.each<[string, Record<string, unknown>, string, string, object]>([
      [
        "a tag missing from the source",
        { tags: ["latest", "nope-1", "nope-2"] },
        "tags",
        "These 2 tags do not exist in “team-a/nginx” in cn-north-4: nope-1, nope-2.",
        {
          key: "jobErrors.tagsMissing",
          params: { count: 2, region: "cn-north-4", repository: "team-a/nginx", names: { key: "jobErrors.nameList", params: { names: "nope-1, nope-2", more: 0 } } },
        },
      ],
      [
        "a missing source repository",
        { sourceRepository: "gone" },
        "sourceRepository",
        "Repository “team-a/gone” does not exist in cn-north-4.",
        { key: "swrErrors.repositoryMissing", params: { repository: "team-a/gone", region: "cn-north-4" } },
      ],
      [
        "a missing target namespace",
        {
          sourceNamespace: "team-b",
          sourceRepository: "postgres",
          tags: ["16.2"],
          targetNamespace: "team-b",
        },
        "targetNamespace",
        "Namespace “team-b” does not exist in ap-southeast-1.",
        { key: "swrErrors.namespaceMissing", params: { namespace: "team-b", region: "ap-southeast-1" } },
      ],
      [
        "a read-only target namespace",
        {
          sourceRegion: "ap-southeast-1",
          sourceNamespace: "mirrors",
          sourceRepository: "library/ubuntu",
          tags: ["22.04"],
          targetRegion: "cn-north-4",
          targetNamespace: "mirrors",
        },
        "targetNamespace",
        "Namespace “mirrors” in cn-north-4 is read-only for SWR Sync's credentials; syncing into it needs edit permission.",
        { key: "jobErrors.namespaceReadOnly", params: { namespace: "mirrors", region: "cn-north-4" } },
      ],
    ])("%s ⇒ refused", async (_, change, field, message, m) => {
      actAs(operator);
      const before = await rowCounts();
      const res = await jsonOf(await post({ ...good, ...change }));
      const [status, code] = /does not exist in/.test(message) && field !== "tags" ? [404, "not_found"] : [422, "unprocessable"];
      expect(res).toEqual({ status, body: { error: { code, message, ...m, fields: { [field]: [message] }, fieldMessages: { [field]: [m] } } } });
      expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
      expect(await lastAudit()).toMatchObject({ outcome: "failure", actorEmail: operator.email });
      // The reason as a message, for the audit log to read in the reader's language.
      expect(JSON.parse((await lastAudit())?.detail ?? "{}")).toMatchObject({ code, reason: m });
    });
  });

  describe("SWR failures map to the guard's errors and write no job", () => {
    it.each<[number, OperationName, number, string, RegExp]>([
      [401, "ListRepositoryTags", 502, "swr_unavailable", /rejected the credentials/],
      [500, "ListRepositoryTags", 502, "swr_unavailable", /internal error in cn-north-4/],
      [503, "ShowNamespace", 502, "swr_unavailable", /internal error in ap-southeast-1/],
      [404, "ShowNamespace", 404, "not_found", /^Namespace “team-a” does not exist in ap-southeast-1\.$/],
      [429, "ShowNamespace", 429, "rate_limited", /throttling/],
    ])("SWR %i on %s ⇒ %i %s", async (swrStatus, operation, status, code, message) => {
      // A user of their own: the same request of a user whose job still runs would answer that job.
      actAs(await createTestUser("operator"));
      await simAdmin.setFaults(env.sim, {
        rules: [{ kind: "error", status: swrStatus, operations: [operation] }],
      });
      const before = await rowCounts();
      const res = await jsonOf(await post(good));
      expect(res).toMatchObject({
        status,
        body: { error: { code, message: expect.stringMatching(message) } },
      });
      expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
    });
  });

  describe("the guard", () => {
    // Only the refusal of a signed-in user's role is audited (access_denied); nothing else is written.
    it.each([
      ["anonymous", null, {}, 401, "unauthenticated", 0],
      ["a viewer", "viewer", {}, 403, "forbidden", 1],
      ["another origin", "operator", { origin: "https://evil.example.com" }, 403, "forbidden", 0],
      [
        "a form post",
        "operator",
        { "content-type": "application/x-www-form-urlencoded" },
        415,
        "unsupported_media_type",
        0,
      ],
    ] as const)("refuses %s", async (_, role, headers, status, code, audited) => {
      actAs(role && (await createTestUser(role)));
      const before = await rowCounts();
      const res = await jsonOf(await post(good, headers));
      expect(res).toMatchObject({ status, body: { error: { code } } });
      expect(await rowCounts()).toEqual({ ...before, audit: before.audit + audited });
    });

    it("answers 400 with field messages for a bad body and writes nothing", async () => {
      actAs(operator);
      const before = await rowCounts();
      const res = await jsonOf(await post({ ...good, tags: [], override: "yes" }));
      expect(res).toMatchObject({
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            fields: { tags: ["Pick at least one tag."], override: ["Must be true or false."] },
            fieldMessages: { tags: [{ key: "jobErrors.pickTags" }], override: [{ key: "errors.validation.type_boolean" }] },
          },
        },
      });
      expect(await rowCounts()).toEqual(before);
    });
  });
});

describe("POST /api/jobs over several repositories and targets", () => {
  const multi = {
    source: { region: "cn-north-4", namespace: "team-a" },
    repositories: [{ name: "nginx", tagSelector: { all: true } }, { name: "redis", tags: ["7.2.4", "latest"] }],
    targets: [
      { region: "cn-east-3", namespace: "team-a" },
      { region: "ap-southeast-1", namespace: "team-a" },
    ],
    override: false,
  };

  it("writes one task per repository, tag and target, settling identical and kept tags at once", async () => {
    actAs(await createTestUser("operator"));
    const { status, body } = await jsonOf(await post(multi));
    expect(status).toBe(201);
    const { job } = body as { job: { id: string } };
    expect(job).toMatchObject({
      sourceRepository: "nginx",
      targetRegion: "cn-east-3",
      repositoryCount: 2,
      targetCount: 2,
      targets: multi.targets,
      // nginx 5 + redis 2 tags, to two targets; cn-east-3 has nginx 1.25.3 as in the source and another `latest`, and
      // every redis tag as in the source; ap-southeast-1 has redis 7.2.4 as in the source.
      counts: { total: 14, queued: 9, skipped: 4, kept: 1 },
    });
    const tasks = await db().syncTask.findMany({ where: { jobId: job.id } });
    const settled = tasks.filter((t) => t.status !== "queued").map((t) => `${t.repository}:${t.tag}→${t.targetRegion} ${t.status} (${t.planClass})`).sort();
    expect(settled).toEqual([
      "nginx:1.25.3→cn-east-3 skipped_identical (identical)",
      "nginx:latest→cn-east-3 kept (keep)",
      "redis:7.2.4→ap-southeast-1 skipped_identical (identical)",
      "redis:7.2.4→cn-east-3 skipped_identical (identical)",
      "redis:latest→cn-east-3 skipped_identical (identical)",
    ]);
    // The plan's view of the target is kept on the tags it settled: the page can show both digests.
    const kept = tasks.find((t) => t.status === "kept");
    expect(kept?.targetDigest).toMatch(/^sha256:/);
    expect(kept?.targetDigest).not.toBe(kept?.sourceDigest);
    expect(tasks.filter((t) => t.status === "queued").every((t) => t.targetDigest === null)).toBe(true);
    expect(JSON.parse((await lastAudit())?.detail ?? "{}")).toMatchObject({ source: "cn-north-4 team-a (2 repositories)", target: "cn-east-3 team-a, ap-southeast-1 team-a", tags: 14 });
  });

  it("with override on, a differing tag is planned as an overwrite and queued", async () => {
    actAs(await createTestUser("operator"));
    const { body } = await jsonOf(await post({ ...multi, repositories: [{ name: "nginx", tags: ["latest"] }], targets: [multi.targets[0]], override: true }));
    const tasks = await db().syncTask.findMany({ where: { jobId: (body as { job: { id: string } }).job.id } });
    expect(tasks.map((t) => [t.status, t.planClass])).toEqual([["queued", "overwrite"]]);
  });

  it("answers the same job for the same request in another order (one request hash)", async () => {
    actAs(await createTestUser("operator"));
    const first = await jsonOf(await post(multi, { "Idempotency-Key": "multi-order-key-1" }));
    const again = await jsonOf(
      await post({ ...multi, repositories: [...multi.repositories].reverse(), targets: [...multi.targets].reverse() }, { "Idempotency-Key": "multi-order-key-1" }),
    );
    expect(again.status).toBe(200);
    expect((again.body as { job: { id: string } }).job.id).toBe((first.body as { job: { id: string } }).job.id);
  });

  // The field, its message's key and the English.
  it.each<[string, Record<string, unknown>, number, string, string, RegExp]>([
    ["11 targets", { targets: Array.from({ length: 11 }, (_, i) => ({ region: "cn-east-3", namespace: `ns-${i}` })) }, 400, "targets", "jobErrors.tooManyTargets", /^Pick at most 10 targets per job\.$/],
    ["the source region as a target", { targets: [{ region: "cn-north-4", namespace: "team-b" }] }, 400, "targets.0.region", "jobErrors.targetIsSource", /^Must differ from the source region/],
    ["a target twice", { targets: [multi.targets[0], multi.targets[0]] }, 400, "targets", "jobErrors.repeatedTargets", /repeated: cn-east-3\/team-a\.$/],
    ["a repository twice", { repositories: [{ name: "nginx", tags: ["latest"] }, { name: "nginx", tags: ["1.25.3"] }] }, 400, "repositories", "jobErrors.repeatedRepositories", /repeated: nginx\.$/],
    ["a repository without tags or selector", { repositories: [{ name: "nginx" }] }, 400, "repositories.0.tags", "jobErrors.tagsOrSelector", /either tags/],
    ["a repository that does not exist", { repositories: [{ name: "nginx", tags: ["latest"] }, { name: "gone", tagSelector: { all: true } }] }, 404, "repositories.1.name", "swrErrors.repositoryMissing", /^Repository “team-a\/gone” does not exist in cn-north-4\.$/],
    ["an unknown target namespace", { targets: [multi.targets[0], { region: "ap-southeast-1", namespace: "nobody-here" }] }, 404, "targets.1.namespace", "swrErrors.namespaceMissing", /^Namespace “nobody-here” does not exist in ap-southeast-1\.$/],
    ["an unknown source namespace", { source: { region: "cn-north-4", namespace: "nobody-here" } }, 404, "repositories.0.name", "swrErrors.namespaceMissing", /^Namespace “nobody-here” does not exist in cn-north-4\.$/],
  ])("refuses %s, naming it, and writes nothing", async (_, change, status, field, key, message) => {
    actAs(await createTestUser("operator"));
    const before = await rowCounts();
    const res = await jsonOf(await post({ ...multi, ...change }));
    expect(res.status).toBe(status);
    const { error } = res.body as { error: { fields: Record<string, string[]>; fieldMessages: Record<string, { key: string }[]> } };
    expect(error.fields[field]?.join(" ")).toMatch(message);
    expect(error.fieldMessages[field]?.[0]?.key).toBe(key);
    const after = await rowCounts();
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it("refuses more tasks than SYNC_MAX_TAGS_PER_JOB in all (tags × targets), counting both targets", async () => {
    const { bigRepository: big } = SEED;
    const request = { ...multi, repositories: [{ name: big.repository, tagSelector: { all: true as const } }], single: false };
    // 5,000 tags to two targets: 10,000 tasks.
    await expect(planTasks(request, getSwrClient(), 9_999)).rejects.toMatchObject({
      code: "validation_failed",
      msg: { key: "jobErrors.tooManyTasks", params: { count: 10_000, maximum: 9_999 } },
      message: expect.stringMatching(/makes 10,000 tasks \(tags × targets\); one job holds at most 9,999/),
    });
    expect(await planTasks(request, getSwrClient(), 10_000)).toHaveLength(10_000);
  });
});
