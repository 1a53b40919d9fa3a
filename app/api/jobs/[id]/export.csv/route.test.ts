import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createJob } from "@/lib/jobs/store";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { GET } from "./route";

vi.mock("@/lib/auth/session-cookie");

// GET /api/jobs/{id}/export.csv: every task matching the tasks list's filters as CSV, page after page, times in the
// reader's zone, a failed tag's error as the job page shows it in the reader's language.

setUpApiTests();

/** More tasks than one page of the export (1,000), so that it has to go on after the first. */
const TAGS = Array.from({ length: 1_205 }, (_, i) => `v${String(i + 1).padStart(5, "0")}`);
const FAILED = "v00007";
const SUBMITTED_AT = new Date("2026-05-01T15:30:00Z");
let jobId = "";

beforeAll(async () => {
  const user = await createTestUser("operator");
  const created = await createJob({
    sourceRegion: "cn-north-4",
    sourceNamespace: "team-a",
    repositories: ["nginx"],
    targets: [{ region: "ap-southeast-1", namespace: "team-a" }],
    override: false,
    tagSelector: { all: true },
    createdById: user.id,
    tasks: TAGS.map((tag) => ({
      repository: "nginx",
      targetRegion: "ap-southeast-1",
      targetNamespace: "team-a",
      tag,
      sourceDigest: `sha256:${tag}`,
      targetDigest: null,
      planClass: "new" as const,
    })),
    requestHash: "tasks-csv-test",
  });
  if (created.kind !== "created") throw new Error(`the job was not created: ${created.kind}`);
  jobId = created.id;
  const failure = { key: "taskErrors.recordFailed", params: { namespace: "team-a", region: "ap-southeast-1", status: "failed" } };
  await db().syncTask.updateMany({
    where: { jobId, tag: FAILED },
    data: {
      status: "failed",
      attempts: 2,
      submittedAt: SUBMITTED_AT,
      finishedAt: new Date(SUBMITTED_AT.getTime() + 90_000),
      lastErrorCode: "swr_failed",
      lastErrorMessage: "SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed (status “failed”).",
      lastErrorMsg: JSON.stringify(failure),
    },
  });
  actAs(await createTestUser("viewer"));
});

async function csvOf(query: string, id = jobId) {
  const res = await callRoute(GET, `/api/jobs/${id}/export.csv${query}`, { params: { id } });
  return { res, rows: res.status === 200 ? (await res.text()).split("\r\n").filter((l) => l !== "") : [] };
}

describe("GET /api/jobs/{id}/export.csv", () => {
  it("streams every task in the tasks list's order, past the first page, as a download", async () => {
    const { res, rows } = await csvOf("?tz=Asia%2FShanghai");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="sync-job-${jobId}-tags-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(rows[0]).toBe(
      "repository,targetRegion,targetNamespace,tag,status,plan,attempts,sourceDigest,targetDigest,submittedAt,finishedAt,timeZone,errorCode,error",
    );
    expect(rows.slice(1).map((r) => r.split(",")[3])).toEqual(TAGS);
    expect(rows[2]).toBe("nginx,ap-southeast-1,team-a,v00002,queued,new,1,sha256:v00002,,,,Asia/Shanghai,,");
  });

  it("gives times in the reader's zone and a failed tag's error in their language", async () => {
    const failedRow = async (query: string) => (await csvOf(query)).rows.find((r) => r.includes(`,${FAILED},`));
    expect(await failedRow("?status=failed&tz=Asia%2FShanghai&lang=zh-CN")).toBe(
      `nginx,ap-southeast-1,team-a,${FAILED},failed,new,2,sha256:${FAILED},,2026-05-01T23:30:00+08:00,2026-05-01T23:31:30+08:00,Asia/Shanghai,swr_failed,SWR 报告同步到 ap-southeast-1 的命名空间“team-a”失败（状态“failed”）。`,
    );
    expect(await failedRow("?status=failed")).toBe(
      `nginx,ap-southeast-1,team-a,${FAILED},failed,new,2,sha256:${FAILED},,2026-05-01T15:30:00+00:00,2026-05-01T15:31:30+00:00,UTC,swr_failed,SWR reports that the sync to namespace “team-a” in ap-southeast-1 failed (status “failed”).`,
    );
  });

  it.each([
    ["?status=failed", [FAILED]],
    ["?q=v0120", ["v01200", "v01201", "v01202", "v01203", "v01204", "v01205"]],
    ["?status=succeeded", []],
    ["?repository=redis", []],
  ])("%s exports only the tasks the tags list would show", async (query, tags) => {
    const { rows } = await csvOf(query);
    expect(rows.slice(1).map((r) => r.split(",")[3])).toEqual(tags);
  });

  it.each([
    ["?tz=Mars%2FOlympus", "tz"],
    ["?lang=fr", "lang"],
    ["?status=done", "status"],
    ["?target=cn-east-3", "target"],
  ])("refuses %s with 400 naming %s, in JSON", async (query, field) => {
    const res = await jsonOf((await csvOf(query)).res);
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed", fields: { [field]: expect.any(Array) } } } });
  });

  it("answers 404 in JSON for a job that does not exist", async () => {
    const res = await jsonOf((await csvOf("", "no-such-job")).res);
    expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("answers 401 without a session", async () => {
    actAs(null);
    try {
      expect((await csvOf("")).res.status).toBe(401);
    } finally {
      actAs(await createTestUser("viewer"));
    }
  });
});
