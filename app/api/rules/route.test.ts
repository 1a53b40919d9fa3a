import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { CreatedRuleAnswer, RulesAnswer, RuleStatusesAnswer } from "@/lib/rules/dto";
import { getSwrClient } from "@/lib/swr";
import { simAdmin } from "@/simulator/testing";
import { actAs, callRoute, createTestUser, jsonOf, rowCounts, setUpApiTests } from "@/test/api-routes";
import { GET as statusRoute } from "./status/route";
import { DELETE, GET, POST } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The automatic sync rules API against a real database and the SWR simulator over HTTP.

const env = setUpApiTests({ simulator: true });

const NGINX = { region: "cn-north-4", namespace: "team-a", repository: "nginx" };
const TO_EAST = { ...NGINX, targetRegion: "cn-east-3", targetNamespace: "team-a" };
const TO_HONG_KONG = { ...NGINX, targetRegion: "ap-southeast-1", targetNamespace: "team-a" };
const API_TO_EAST = {
  region: "cn-north-4",
  namespace: "team-a",
  repository: "apps/api",
  targetRegion: "cn-east-3",
  targetNamespace: "team-a",
};

let admin: SessionUser;

beforeAll(async () => {
  admin = await createTestUser("admin");
});

const list = (query: Record<string, string>) => callRoute(GET, `/api/rules?${new URLSearchParams(query)}`);
const statuses = (query: Record<string, string>) =>
  callRoute(statusRoute, `/api/rules/status?${new URLSearchParams(query)}`);
const create = (body: unknown) => callRoute(POST, "/api/rules", { body });
const remove = (body: unknown) => callRoute(DELETE, "/api/rules", { method: "DELETE", body });
const swrRules = (ref = NGINX) => getSwrClient().listAutoSyncRules(ref.region, ref.namespace, ref.repository);
const auditOf = (action: string) =>
  db().auditEvent.findMany({ where: { action }, orderBy: [{ at: "asc" }, { id: "asc" }] });
/** Every tag of cn-north-4 team-b/busybox, with the same images, in ap-southeast-1 team-a-backup (as a finished sync leaves it). */
async function copyBusyboxToBackup() {
  for (const tag of ["1.36", "latest"]) {
    const digest = (await getSwrClient().findTag("cn-north-4", "team-b", "busybox", tag))?.digest;
    await simAdmin.putTag(env.sim, {
      region: "ap-southeast-1",
      namespace: "team-a-backup",
      repository: "busybox",
      tag,
      digest,
    });
  }
}
/** The events of `action` a test adds: the database lives as long as the file. */
async function auditFrom(action: string) {
  const before = (await auditOf(action)).length;
  return async () => (await auditOf(action)).slice(before);
}

describe("POST /api/rules", () => {
  it("creates the rule in SWR, answers it (201) and records who did it", async () => {
    actAs(admin);
    const events = await auditFrom("sync_rule_create");
    const jobs = await db().syncJob.count();
    const res = await jsonOf(await create({ ...TO_EAST, override: true }));
    expect(res.status).toBe(201);
    const { rule, backfill } = res.body as CreatedRuleAnswer;
    expect(rule).toMatchObject({
      ...TO_EAST,
      override: true,
      syncAuto: true,
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(backfill).toEqual({ status: "not_requested" });
    expect(await swrRules()).toEqual([
      expect.objectContaining({
        remoteRegionId: "cn-east-3",
        remoteNamespace: "team-a",
        override: true,
        syncAuto: true,
      }),
    ]);
    const [event] = await events();
    expect(event).toMatchObject({
      actorId: admin.id,
      outcome: "success",
      target: "cn-north-4 team-a/nginx → cn-east-3 team-a",
    });
    expect(JSON.parse(event?.detail ?? "{}")).toMatchObject({ override: true, backfill: false, id: rule.id });
    expect(await db().syncJob.count()).toBe(jobs);
  });

  it("with backfill, starts one job (override off) for exactly the tags the target lacks", async () => {
    actAs(admin);
    const starts = await auditFrom("sync_start");
    // cn-east-3 has nginx 1.25.3 (same image) and latest (another image): three tags are missing.
    const res = await jsonOf(await create({ ...TO_EAST, override: false, backfill: true }));
    expect(res.status).toBe(201);
    const { backfill } = res.body as CreatedRuleAnswer;
    expect(backfill).toMatchObject({ status: "started", tags: 3, existing: false });
    if (backfill.status !== "started") throw new Error("no job");
    const job = await db().syncJob.findUniqueOrThrow({
      where: { id: backfill.jobId },
      include: { tasks: { orderBy: { tag: "asc" } } },
    });
    expect(job).toMatchObject({
      ...{ sourceRegion: "cn-north-4", sourceNamespace: "team-a", sourceRepository: "nginx" },
      targetRegion: "cn-east-3",
      override: false,
      createdById: admin.id,
    });
    expect(job.tasks.map((t) => t.tag)).toEqual(["1.25.4", "1.26.0", "alpine"]);
    expect((await starts()).map((e) => [e.target, e.outcome])).toEqual([[job.id, "success"]]);
  });

  it("with backfill, treats a target repository that does not exist yet as empty", async () => {
    actAs(admin);
    const { body } = await jsonOf(await create({ ...TO_HONG_KONG, override: false, backfill: true }));
    expect((body as CreatedRuleAnswer).backfill).toMatchObject({ status: "started", tags: 5 });
  });

  it("with backfill, starts nothing when the target already has every tag, and says so", async () => {
    actAs(admin);
    const before = await rowCounts();
    const source = { region: "cn-north-4", namespace: "team-b", repository: "busybox" };
    await copyBusyboxToBackup();
    const res = await jsonOf(
      await create({
        ...source,
        targetRegion: "ap-southeast-1",
        targetNamespace: "team-a-backup",
        override: false,
        backfill: true,
      }),
    );
    expect(res.status).toBe(201);
    expect((res.body as CreatedRuleAnswer).backfill).toEqual({ status: "nothing_missing", sourceTags: 2 });
    expect(await rowCounts()).toMatchObject({ jobs: before.jobs, tasks: before.tasks });
  });

  it("keeps the rule and says why when the backfill job cannot start", async () => {
    actAs(admin);
    const before = await rowCounts();
    const events = await auditFrom("sync_rule_create");
    // Starting a job checks the target namespace with ShowNamespace; nothing else here asks for it.
    await simAdmin.setFaults(env.sim, {
      rules: [{ kind: "error", region: "cn-east-3", operations: ["ShowNamespace"], status: 500, count: 1 }],
    });
    const res = await jsonOf(await create({ ...API_TO_EAST, override: false, backfill: true }));
    expect(res.status).toBe(201);
    // SWR's reason in English and as a message (worded by lib/swr), as an error answer carries it.
    expect((res.body as CreatedRuleAnswer).backfill).toEqual({
      status: "failed",
      error: expect.objectContaining({ code: "swr_unavailable", message: "SWR internal error in cn-east-3; try again later.", key: expect.any(String) }),
    });
    expect(await swrRules(API_TO_EAST)).toHaveLength(1);
    expect(await rowCounts()).toMatchObject({ jobs: before.jobs, tasks: before.tasks });
    expect((await events()).map((e) => e.outcome)).toEqual(["success"]);
  });

  it("refuses a second rule to the same target with a sentence (409), audited as a failure", async () => {
    actAs(admin);
    const events = await auditFrom("sync_rule_create");
    expect((await create({ ...TO_EAST, override: false })).status).toBe(201);
    const again = await jsonOf(await create({ ...TO_EAST, override: true }));
    expect(again).toEqual({
      status: 409,
      body: {
        error: {
          code: "conflict",
          key: "jobErrors.rules.exists",
          params: { repository: "team-a/nginx", region: "cn-north-4", targetNamespace: "team-a", targetRegion: "cn-east-3" },
          message: "An automatic sync rule from “team-a/nginx” in cn-north-4 to “team-a” in cn-east-3 already exists.",
        },
      },
    });
    expect(await swrRules()).toHaveLength(1);
    expect((await events()).map((e) => e.outcome)).toEqual(["success", "failure"]);
  });

  it.each([
    [
      "a target namespace SWR does not have",
      { ...TO_EAST, targetNamespace: "nope" },
      422,
      "unprocessable",
      "Namespace “nope” does not exist in cn-east-3.",
    ],
    [
      "a source repository SWR does not have",
      { ...TO_EAST, repository: "nope" },
      404,
      "not_found",
      "Repository “team-a/nope” does not exist in cn-north-4.",
    ],
  ])("answers %s in words and writes no rule", async (_, body, status, code, message) => {
    actAs(admin);
    const key = code === "not_found" ? "swrErrors.repositoryMissing" : "swrErrors.namespaceMissing";
    expect(await jsonOf(await create({ ...body, override: false }))).toMatchObject({
      status,
      body: { error: { code, message, key } },
    });
    expect(await swrRules()).toEqual([]);
  });

  it.each([
    [
      "refusing our credentials",
      { status: 403, code: "SVCSTG.SWR.4030170", message: "Insufficient permissions" },
      502,
      "swr_unavailable",
      "Insufficient permissions to sync from “team-a” in cn-north-4 to “team-a” in cn-east-3: Insufficient permissions.",
    ],
    [
      "a rule that appeared meanwhile",
      { status: 409, code: "SVCSTG.SWR.4090006", message: "already exists" },
      409,
      "conflict",
      "An automatic sync rule from “team-a/nginx” in cn-north-4 to “team-a” in cn-east-3 already exists.",
    ],
    [
      "being busy",
      { status: 409, code: "SVCSTG.SWR.4090023", message: "system busy" },
      409,
      "conflict",
      "SWR in cn-north-4 is busy with a conflicting operation; try again in a moment.",
    ],
  ])(
    "says in words when SWR answers the creation by %s, and starts no job",
    async (_, fault, status, code, message) => {
      actAs(admin);
      const before = await rowCounts();
      const events = await auditFrom("sync_rule_create");
      await simAdmin.setFaults(env.sim, {
        rules: [{ kind: "error", operations: ["CreateImageSyncRepo"], ...fault }],
      });
      const res = await jsonOf(await create({ ...TO_EAST, override: false, backfill: true }));
      expect(res).toEqual({ status, body: { error: expect.objectContaining({ code, message, key: expect.any(String) }) } });
      expect(await rowCounts()).toMatchObject({ jobs: before.jobs, tasks: before.tasks });
      expect(await events()).toMatchObject([{ outcome: "failure" }]);
    },
  );

  // The field and, where the rules API words it, its message's key (null: the name and region rules' own).
  it.each<[string, Record<string, unknown>, string, string | null]>([
    ["the same region as the source", { ...TO_EAST, targetRegion: "cn-north-4", override: false }, "targetRegion", "jobErrors.rules.targetIsSource"],
    ["a namespace that breaks SWR's rule", { ...TO_EAST, targetNamespace: "Team A", override: false }, "targetNamespace", null],
    ["an unknown region", { ...TO_EAST, targetRegion: "mars-1", override: false }, "targetRegion", null],
    ["no override", TO_EAST, "override", "errors.validation.required"],
    ["a backfill that is not a boolean", { ...TO_EAST, override: false, backfill: "yes" }, "backfill", "errors.validation.type_boolean"],
    ["an unknown field", { ...TO_EAST, override: false, syncAuto: false }, "_", "errors.validation.unknownFields"],
  ])("refuses %s (400, naming the field) and asks SWR nothing", async (_, body, field, key) => {
    actAs(admin);
    await simAdmin.resetStats(env.sim);
    const res = await jsonOf(await create(body));
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
    const { error } = res.body as { error: { fields: object; fieldMessages: Record<string, { key: string }[]> } };
    expect(Object.keys(error.fields)).toContain(field);
    if (key) expect(error.fieldMessages[field]?.map((m) => m.key)).toEqual([key]);
    expect((await simAdmin.stats(env.sim)).total).toBe(0);
  });

  it.each(["viewer", "operator"] as const)("refuses a %s (403) and writes nothing but the refusal's audit event", async (role) => {
    actAs(await createTestUser(role));
    const before = await rowCounts();
    expect(await jsonOf(await create({ ...TO_EAST, override: false, backfill: true }))).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await swrRules()).toEqual([]);
    expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
  });
});

describe("DELETE /api/rules", () => {
  it("deletes the rule in SWR and records it; deleting it again answers that it was already gone", async () => {
    actAs(admin);
    await create({ ...TO_EAST, override: false });
    const deletions = await auditFrom("sync_rule_delete");
    const res = await jsonOf(await remove(TO_EAST));
    expect(res).toEqual({ status: 200, body: { rule: TO_EAST, alreadyDeleted: false } });
    expect(await swrRules()).toEqual([]);
    expect((await jsonOf(await remove(TO_EAST))).body).toEqual({ rule: TO_EAST, alreadyDeleted: true });
    expect(
      (await deletions()).map((e) => [e.actorId, e.outcome, e.target, JSON.parse(e.detail ?? "{}")]),
    ).toEqual([
      [admin.id, "success", "cn-north-4 team-a/nginx → cn-east-3 team-a", { alreadyDeleted: false }],
      [admin.id, "success", "cn-north-4 team-a/nginx → cn-east-3 team-a", { alreadyDeleted: true }],
    ]);
  });

  it.each(["viewer", "operator"] as const)("refuses a %s (403) and leaves the rule", async (role) => {
    actAs(admin);
    await create({ ...TO_EAST, override: false });
    actAs(await createTestUser(role));
    expect(await jsonOf(await remove(TO_EAST))).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await swrRules()).toHaveLength(1);
  });

  it("refuses a body without the target (400 with fields)", async () => {
    actAs(admin);
    const res = await jsonOf(await remove(NGINX));
    expect(res).toMatchObject({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          fields: { targetRegion: expect.any(Array), targetNamespace: expect.any(Array) },
        },
      },
    });
  });
});

describe("GET /api/rules", () => {
  async function seedRules() {
    actAs(admin);
    for (const body of [
      TO_EAST,
      TO_HONG_KONG,
      {
        region: "cn-north-4",
        namespace: "team-a",
        repository: "apps/web",
        targetRegion: "cn-east-3",
        targetNamespace: "team-a",
      },
    ]) {
      expect((await create({ ...body, override: false })).status).toBe(201);
    }
  }

  it("lists one repository's rules, a namespace's and a region's, to a viewer", async () => {
    await seedRules();
    actAs(await createTestUser("viewer"));
    const targets = (answer: unknown) =>
      (answer as RulesAnswer).rules.map(
        (r) => `${r.namespace}/${r.repository} → ${r.targetRegion} ${r.targetNamespace}`,
      );
    const one = await jsonOf(await list(NGINX));
    expect(one.status).toBe(200);
    expect(targets(one.body)).toEqual([
      "team-a/nginx → ap-southeast-1 team-a",
      "team-a/nginx → cn-east-3 team-a",
    ]);
    const namespace = await jsonOf(await list({ region: "cn-north-4", namespace: "team-a" }));
    expect(namespace.body).toMatchObject({ failures: [], truncated: false });
    expect(targets(namespace.body)).toEqual(["team-a/apps/web → cn-east-3 team-a", ...targets(one.body)]);
    expect(targets((await jsonOf(await list({ region: "cn-north-4" }))).body)).toEqual(
      targets(namespace.body),
    );
    expect(targets((await jsonOf(await list({ region: "cn-north-4", namespace: "team-b" }))).body)).toEqual(
      [],
    );
  });

  it("reports a repository whose rules SWR will not give, in words, and lists the rest", async () => {
    await seedRules();
    await simAdmin.setFaults(env.sim, {
      rules: [{ kind: "error", operations: ["ListImageAutoSyncReposDetails"], status: 500, count: 1 }],
    });
    const { status, body } = await jsonOf(await list({ region: "cn-north-4", namespace: "team-a" }));
    expect(status).toBe(200);
    const answer = body as RulesAnswer;
    expect(answer.failures).toEqual([
      expect.objectContaining({
        namespace: "team-a",
        repository: expect.any(String),
        message: "SWR internal error in cn-north-4; try again later.",
        key: expect.any(String),
      }),
    ]);
    expect(answer.rules.some((r) => r.repository === answer.failures[0]?.repository)).toBe(false);
  });

  it.each([
    [
      "a repository SWR does not have",
      { region: "cn-north-4", namespace: "team-a", repository: "nope" },
      404,
      "Repository “team-a/nope” does not exist in cn-north-4.",
    ],
    [
      "a repository without its namespace",
      { region: "cn-north-4", repository: "nginx" },
      400,
      "The query is not valid.",
    ],
    ["an unknown region", { region: "mars-1" }, 400, "The query is not valid."],
  ])("answers %s in words", async (_, query, status, message) => {
    actAs(admin);
    expect(await jsonOf(await list(query))).toMatchObject({ status, body: { error: { message } } });
  });
});

describe("GET /api/rules/status", () => {
  it("says per rule whether the target has every tag, walking each source repository once", async () => {
    actAs(admin);
    for (const body of [TO_EAST, TO_HONG_KONG]) await create({ ...body, override: false });
    const source = { region: "cn-north-4", namespace: "team-b", repository: "busybox" };
    const toBackup = { ...source, targetRegion: "ap-southeast-1", targetNamespace: "team-a-backup" };
    await create({ ...toBackup, override: false, backfill: false });
    await copyBusyboxToBackup();
    await simAdmin.resetStats(env.sim);
    actAs(await createTestUser("viewer"));
    const { status, body } = await jsonOf(await statuses({ region: "cn-north-4" }));
    expect(status).toBe(200);
    const byTarget = Object.fromEntries(
      (body as RuleStatusesAnswer).rules.map((r) => [`${r.repository} → ${r.targetRegion}`, r.status]),
    );
    expect(byTarget).toEqual({
      "busybox → ap-southeast-1": {
        state: "complete",
        sourceTags: 2,
        missing: 0,
        differs: 0,
        truncated: false,
      },
      "nginx → ap-southeast-1": {
        state: "incomplete",
        sourceTags: 5,
        missing: 5,
        differs: 0,
        truncated: false,
      },
      "nginx → cn-east-3": { state: "incomplete", sourceTags: 5, missing: 3, differs: 1, truncated: false },
    });
    const stats = await simAdmin.stats(env.sim);
    // nginx and busybox once each in the source region, however many targets their rules have.
    expect(stats.regions["cn-north-4"]?.operations.ListRepositoryTags).toBe(2);
  });

  it("makes one rule's status unknown, in words, when its target cannot be read", async () => {
    actAs(admin);
    await create({ ...TO_EAST, override: false });
    await simAdmin.setFaults(env.sim, {
      rules: [{ kind: "error", region: "cn-east-3", operations: ["ListRepositoryTags"], status: 500 }],
    });
    const { body } = await jsonOf(await statuses({ region: "cn-north-4", namespace: "team-a" }));
    expect((body as RuleStatusesAnswer).rules.map((r) => r.status)).toEqual([
      expect.objectContaining({ state: "unknown", message: "SWR internal error in cn-east-3; try again later.", key: expect.any(String) }),
    ]);
  });
});
