import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TaskPage } from "@/lib/jobs/dto";
import { createJob } from "@/lib/jobs/store";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

// GET /api/jobs/{id}/tasks over a job of two repositories and two targets: filters by repository and target,
// alone and with the state and tag filters, and refuses a target that is not `region/namespace`.

setUpApiTests();

const REPOSITORIES = { nginx: ["1.25.3", "latest"], "apps/web": ["1.0.0", "latest"] } as const;
const TARGETS = [
  { region: "cn-east-3", namespace: "team-a" },
  { region: "ap-southeast-1", namespace: "team-a-backup" },
];
let jobId = "";

beforeAll(async () => {
  const user = await createTestUser("operator");
  const tasks = Object.entries(REPOSITORIES).flatMap(([repository, tags]) =>
    TARGETS.flatMap((target) =>
      tags.map((tag) => ({
        repository,
        targetRegion: target.region,
        targetNamespace: target.namespace,
        tag,
        sourceDigest: `sha256:${repository}-${tag}`,
        targetDigest: null,
        // nginx:1.25.3 is already in cn-east-3: settled by the plan as identical.
        planClass: repository === "nginx" && tag === "1.25.3" && target.region === "cn-east-3" ? ("identical" as const) : ("new" as const),
      })),
    ),
  );
  const created = await createJob({
    sourceRegion: "cn-north-4",
    sourceNamespace: "team-a",
    repositories: Object.keys(REPOSITORIES),
    targets: TARGETS,
    override: false,
    tagSelector: { all: true },
    createdById: user.id,
    tasks,
    requestHash: "tasks-filter-test",
  });
  if (created.kind !== "created") throw new Error(`the job was not created: ${created.kind}`);
  jobId = created.id;
  actAs(await createTestUser("viewer"));
});

async function tasksOf(query: string) {
  const res = await jsonOf(await callRoute(GET, `/api/jobs/${jobId}/tasks${query}`, { params: { id: jobId } }));
  return { status: res.status, body: res.body as TaskPage };
}

const row = (t: TaskPage["items"][number]) => `${t.repository}:${t.tag}→${t.targetRegion}/${t.targetNamespace}`;

describe("GET /api/jobs/{id}/tasks filters", () => {
  it.each([
    ["", 8],
    ["?repository=nginx", 4],
    ["?repository=apps%2Fweb", 4],
    ["?target=cn-east-3%2Fteam-a", 4],
    ["?target=ap-southeast-1/team-a-backup", 4],
    ["?repository=nginx&target=cn-east-3/team-a", 2],
    ["?repository=redis", 0],
    ["?target=cn-east-3/team-a-backup", 0],
  ])("%s answers %i tasks, each matching", async (query, total) => {
    const { status, body } = await tasksOf(query);
    expect(status).toBe(200);
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(total);
    const params = new URLSearchParams(query);
    for (const task of body.items) {
      if (params.has("repository")) expect(task.repository).toBe(params.get("repository"));
      if (params.has("target")) expect(`${task.targetRegion}/${task.targetNamespace}`).toBe(params.get("target"));
    }
  });

  it("orders by tag, then repository and target", async () => {
    const { body } = await tasksOf("?target=cn-east-3/team-a");
    expect(body.items.map(row)).toEqual([
      "apps/web:1.0.0→cn-east-3/team-a",
      "nginx:1.25.3→cn-east-3/team-a",
      "apps/web:latest→cn-east-3/team-a",
      "nginx:latest→cn-east-3/team-a",
    ]);
  });

  it("combines with the state and tag filters", async () => {
    const identical = await tasksOf("?status=skipped_identical&repository=nginx");
    expect(identical.body.items.map(row)).toEqual(["nginx:1.25.3→cn-east-3/team-a"]);
    const none = await tasksOf("?status=skipped_identical&target=ap-southeast-1/team-a-backup");
    expect(none.body.total).toBe(0);
    const latest = await tasksOf("?q=lat&target=ap-southeast-1/team-a-backup&limit=1");
    expect(latest.body).toMatchObject({ total: 2, limit: 1 });
    expect(latest.body.items.map(row)).toEqual(["apps/web:latest→ap-southeast-1/team-a-backup"]);
  });

  it.each(["cn-east-3", "cn-east-3/team-a/extra", "not a region/team-a", "cn-east-3/Team-A"])("refuses target=%j with 400 naming the field", async (target) => {
    const res = await jsonOf(await callRoute(GET, `/api/jobs/${jobId}/tasks?target=${encodeURIComponent(target)}`, { params: { id: jobId } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: "validation_failed",
        fields: { target: ["Must be a target as region/namespace, e.g. cn-east-3/team-a."] },
        fieldMessages: { target: [{ key: "jobErrors.taskTargetShape" }] },
      },
    });
  });

  it("refuses a repository name SWR would not allow", async () => {
    const res = await jsonOf(await callRoute(GET, `/api/jobs/${jobId}/tasks?repository=Nginx`, { params: { id: jobId } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "validation_failed", fields: { repository: [expect.any(String)] } } });
  });

  it("answers 404 for a job that does not exist, whatever the filters", async () => {
    const res = await jsonOf(await callRoute(GET, "/api/jobs/nope/tasks?repository=nginx", { params: { id: "nope" } }));
    expect(res.status).toBe(404);
  });
});
