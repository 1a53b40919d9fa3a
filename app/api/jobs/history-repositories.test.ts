import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { JobPage } from "@/lib/jobs/dto";
import { refreshJobSummary } from "@/lib/jobs/summary";
import { actAs, callRoute, createTestUser, insertJob, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET as exportCsv } from "./export.csv/route";
import { GET as listJobs } from "./route";

vi.mock("@/lib/auth/session-cookie");

// The history's repository filter on jobs over several repositories: a job matches when any of its repositories
// contains the text, not only its first one (which the job row names); its tasks name the others.

setUpApiTests();

const ids: Record<string, string> = {};

beforeAll(async () => {
  const operator = await createTestUser("operator");
  const job = async (name: string, repositories: string[], hour: number) => {
    const [first = "", ...others] = repositories;
    const { id } = await insertJob({ createdById: operator.id, createdAt: new Date(Date.UTC(2024, 4, 1, hour)), sourceRepository: first, tasks: { latest: "succeeded" } });
    for (const repository of others) {
      await db().syncTask.create({ data: { jobId: id, repository, targetRegion: "ap-southeast-1", targetNamespace: "team-a", tag: "latest", status: "succeeded", sourceDigest: "sha256:latest" } });
    }
    await db().syncJob.update({ where: { id }, data: { repositoryCount: repositories.length } });
    await db().$transaction((tx) => refreshJobSummary(tx, id));
    ids[name] = id;
  };
  await job("multi", ["alpine", "tools/my_cli"], 3);
  // `_` is a LIKE wildcard: a search for `my_cli` must not find `myxcli`.
  await job("single", ["tools/myxcli"], 2);
  await job("nginx", ["nginx"], 1);
  actAs(await createTestUser("viewer"));
});

const listed = async (repository: string) => {
  const { status, body } = await jsonOf(await callRoute(listJobs, `/api/jobs?repository=${encodeURIComponent(repository)}`));
  expect(status).toBe(200);
  return (body as JobPage).items.map((j) => j.id);
};

describe("GET /api/jobs?repository= over jobs of several repositories", () => {
  it.each([
    ["my_cli", ["multi"]],
    ["MY_CLI", ["multi"]],
    ["alpine", ["multi"]],
    ["tools/", ["multi", "single"]],
    // Both repositories of the job match; it is listed once.
    ["i", ["multi", "single", "nginx"]],
    ["nginx", ["nginx"]],
    ["%", []],
  ])("%j finds %j, newest first", async (repository, names) => {
    expect(await listed(repository)).toEqual(names.map((n) => ids[n]));
  });

  it("the multi-repository job found by its second repository says how many it has", async () => {
    const { body } = await jsonOf(await callRoute(listJobs, "/api/jobs?repository=my_cli"));
    expect((body as JobPage).items[0]).toMatchObject({ id: ids.multi, sourceRepository: "alpine", repositoryCount: 2 });
  });

  it("the CSV export filters alike", async () => {
    const res = await callRoute(exportCsv, "/api/jobs/export.csv?repository=my_cli");
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(ids.multi);
    expect(csv).not.toContain(ids.single);
    expect(csv).not.toContain(ids.nginx);
  });
});
