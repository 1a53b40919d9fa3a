import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createSwrClient } from "./client";
import { SwrError } from "./errors";
import { startStub, type StubReply, type StubRequest, type StubServer } from "@/test/swr/stub-server";

// Operation-level behaviour against a scripted SWR: fallbacks, defensive parsing, exact matching.

const REGION = "cn-north-4";
let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(reply: (req: StubRequest, i: number) => StubReply) {
  stub = await startStub(reply);
  const client = createSwrClient({
    credentials: { kind: "aksk", ak: "AK000000", sk: "SK000000" },
    swrEndpointTemplate: `${stub.url}/{region}`,
    projectIds: { [REGION]: "pid" },
    sleep: () => Promise.resolve(),
  });
  return { client, requests: stub.requests };
}

const query = (r: StubRequest | undefined) => Object.fromEntries(new URLSearchParams(r?.rawQuery));

describe("listSyncRegions", () => {
  it.each<[string, unknown, { id: string; registryUrl?: string }[]]>([
    ["the documented shape", [{ regionID: "cn-east-3" }, { regionID: "ap-southeast-1" }], [{ id: "cn-east-3" }, { id: "ap-southeast-1" }]],
    [
      "the newer shape with registryURL",
      [{ regionID: "cn-east-3", registryURL: "swr.cn-east-3.myhuaweicloud.com" }],
      [{ id: "cn-east-3", registryUrl: "swr.cn-east-3.myhuaweicloud.com" }],
    ],
    [
      "both shapes mixed, skipping items without a usable region ID",
      [{ regionID: "cn-east-3" }, { registryURL: "swr.x.example" }, { regionID: null }, { regionID: "../etc" }, { regionID: "cn-south-1", registryURL: "" }],
      [{ id: "cn-east-3" }, { id: "cn-south-1" }],
    ],
  ])("reads %s", async (_what, json, expected) => {
    const { client, requests } = await setup(() => ({ json }));
    expect(await client.listSyncRegions(REGION)).toEqual(expected);
    expect(requests[0]).toMatchObject({ method: "GET", path: "/cn-north-4/v2/manage/regions" });
  });

  it("refuses an answer that is not a list", async () => {
    const { client } = await setup(() => ({ json: { regions: "all" } }));
    await expect(client.listSyncRegions(REGION)).rejects.toMatchObject({ kind: "invalid_response" });
  });
});

describe("listSyncTargets", () => {
  const DOCUMENTED_BUT_SOURCE = ["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"];

  it("uses SWR's answer without the source region", async () => {
    const { client } = await setup(() => ({
      json: [{ regionID: "cn-north-4" }, { regionID: "ap-southeast-1", registryURL: "swr.ap-southeast-1.myhuaweicloud.com" }, { regionID: "cn-north-208" }],
    }));
    expect(await client.listSyncTargets(REGION)).toEqual({
      origin: "swr",
      regions: [
        { id: "ap-southeast-1", label: "CN-Hong Kong" },
        { id: "cn-north-208", label: "cn-north-208" },
      ],
    });
  });

  it.each<[string, StubReply]>([
    ["404", { status: 404, json: { error_code: "SVCSTG.SWR.4040000", error_msg: "not found" } }],
    ["500", { status: 500, json: {} }],
    ["403", { status: 403, json: {} }],
    ["an empty list", { json: [] }],
    ["only the source", { json: [{ regionID: REGION }] }],
    ["only items without a region ID", { json: [{ registryURL: "swr.x.example" }] }],
    ["an unreadable body", { json: { regions: "all" } }],
  ])("falls back to the documented sync regions minus the source on %s", async (_what, reply) => {
    const { client } = await setup(() => reply);
    const result = await client.listSyncTargets(REGION);
    expect(result.origin).toBe("documented");
    expect(result.fallbackReason).toBeTruthy();
    expect(result.regions.map((r) => r.id)).toEqual(DOCUMENTED_BUT_SOURCE);
  });

  it("passes a network failure on instead of pretending SWR answered", async () => {
    const { client } = await setup(() => "destroy");
    await expect(client.listSyncTargets(REGION)).rejects.toMatchObject({ kind: expect.not.stringMatching(/^(http|invalid_response)$/) });
  });
});

describe("createManualSync", () => {
  const input = { imageTag: ["latest"], remoteNamespace: "backup", remoteRegionId: "ap-southeast-1" };

  it.each<[string, Exclude<StubReply, string>, string[] | undefined]>([
    ["an empty array", { json: [] }, []],
    ["an array of tags", { json: ["latest"] }, ["latest"]],
    ["no body", { text: "" }, undefined],
    ["an object without error fields", { json: {} }, undefined],
  ])("accepts %s as submitted, recording but not judging it", async (_what, reply, reported) => {
    const { client } = await setup(() => ({ ...reply, headers: { Date: "Fri, 15 Mar 2024 08:30:00 GMT", "X-Request-Id": "rid" } }));
    expect(await client.createManualSync(REGION, "team-a", "nginx", input)).toEqual({
      submittedTags: ["latest"],
      reportedTags: reported,
      requestId: "rid",
      serverTime: "Fri, 15 Mar 2024 08:30:00 GMT",
    });
  });

  it("treats an error object that came with 200 as an error", async () => {
    const { client } = await setup(() => ({ json: { errorCode: "SVCSTG.SWR.4000014", errorMessage: "tag missing" } }));
    await expect(client.createManualSync(REGION, "team-a", "nginx", input)).rejects.toMatchObject({
      code: "SVCSTG.SWR.4000014",
      message: "SWR rejected the request: tag missing.",
    });
  });

  it.each([
    ["the same region as target", { ...input, remoteRegionId: REGION }],
    ["no tags", { ...input, imageTag: [] }],
    ["an invalid tag", { ...input, imageTag: ["-bad"] }],
    ["an invalid target namespace", { ...input, remoteNamespace: "Bad" }],
  ])("rejects %s before calling SWR", async (_what, bad) => {
    const { client, requests } = await setup(() => ({ json: [] }));
    await expect(client.createManualSync(REGION, "team-a", "nginx", bad)).rejects.toBeInstanceOf(ZodError);
    expect(requests).toHaveLength(0);
  });
});

describe("auto-sync rules", () => {
  it("counts SVCSTG.SWR.4001158 as already deleted", async () => {
    const { client, requests } = await setup(() => ({ status: 400, json: { errors: [{ errorCode: "SVCSTG.SWR.4001158", errorMessage: "task not found" }] } }));
    expect(await client.deleteAutoSyncRule(REGION, "team-a", "apps/web", { remoteNamespace: "b", remoteRegionId: "ap-southeast-1" })).toEqual({ alreadyDeleted: true });
    expect(requests[0]).toMatchObject({ method: "DELETE", path: "/cn-north-4/v2/manage/namespaces/team-a/repos/apps$web/sync_repo" });
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ remoteRegionId: "ap-southeast-1", remoteNamespace: "b" });
  });

  it("creates a rule with syncAuto on by default and lists rules", async () => {
    const { client, requests } = await setup((r) => (r.method === "POST" ? { json: {} } : { json: [{ id: 1, synAuto: true, remoteRegionId: "ap-southeast-1" }] }));
    await client.createAutoSyncRule(REGION, "team-a", "nginx", { remoteNamespace: "b", remoteRegionId: "ap-southeast-1" });
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ remoteRegionId: "ap-southeast-1", remoteNamespace: "b", syncAuto: true, override: false });
    expect(await client.listAutoSyncRules(REGION, "team-a", "nginx")).toMatchObject([{ id: 1, syncAuto: true }]);
  });
});

describe("findTag", () => {
  it("compares names exactly although SWR's filter may be fuzzy", async () => {
    const fuzzy = [{ Tag: "1.0.0-rc1", digest: "sha256:a" }, { Tag: "1.0.0", digest: "sha256:b" }];
    const { client, requests } = await setup(() => ({ json: fuzzy, headers: { "Content-Range": "0-2/2" } }));
    expect((await client.findTag(REGION, "team-a", "nginx", "1.0.0"))?.digest).toBe("sha256:b");
    expect(await client.findTag(REGION, "team-a", "nginx", "1.0")).toBeUndefined();
    expect(query(requests[0])).toMatchObject({ tag: "1.0.0", offset: "0" });
  });

  it("returns undefined when the repository does not exist", async () => {
    const { client } = await setup(() => ({ status: 404, json: { errorCode: "SVCSTG.SWR.4040010", errorMessage: "repo not found" } }));
    expect(await client.findTag(REGION, "team-a", "nginx", "latest")).toBeUndefined();
  });

  it("still reports other failures", async () => {
    const { client } = await setup(() => ({ status: 403, json: {} }));
    await expect(client.findTag(REGION, "team-a", "nginx", "latest")).rejects.toBeInstanceOf(SwrError);
  });
});

describe("query building", () => {
  it("sends list parameters with wire names, pairing order_type with order_column", async () => {
    const { client, requests } = await setup((r) => ({ json: r.path.endsWith("/namespaces") ? { namespaces: [] } : [] }));
    await client.listRepos(REGION, { namespace: "team-a", isPublic: false, orderColumn: "name", limit: 20 });
    await client.listTags(REGION, "team-a", "nginx", { orderColumn: "updated_at" });
    await client.listNamespaces(REGION, { namespace: "team-a", mode: "visible" });
    expect(requests.map(query)).toEqual([
      { namespace: "team-a", is_public: "false", order_column: "name", order_type: "desc", limit: "20", offset: "0" },
      { limit: "100", offset: "0", order_column: "updated_at", order_type: "desc" },
      { filter: "namespace::team-a|mode::visible" },
    ]);
  });

  it("retries a repository search with `$` when `/` finds nothing (§11 #10)", async () => {
    const { client, requests } = await setup((r) => ({ json: query(r).name === "apps$web" ? [{ name: "apps/web" }] : [] }));
    expect((await client.listRepos(REGION, { name: "apps/web" })).items.map((r) => r.name)).toEqual(["apps/web"]);
    expect(requests.map((r) => query(r).name)).toEqual(["apps/web", "apps$web"]);
  });
});

describe("probe", () => {
  it.each([
    ["swr-simulator/1.0", "simulator"],
    ["CloudWAF", "huawei-cloud"],
  ])("reads Server %j as %s", async (server, kind) => {
    const { client } = await setup(() => ({ json: { versions: [{ id: "v2", version: "2.26", status: "CURRENT" }] }, headers: { Server: server } }));
    const probe = await client.probe(REGION);
    expect(probe).toMatchObject({ kind, apiVersion: "2.26", endpoint: `${stub?.url}/cn-north-4` });
    expect(probe.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
