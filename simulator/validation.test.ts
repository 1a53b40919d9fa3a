import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpMethod } from "@/lib/swr/signing";
import { MAX_PAGE_SIZE } from "./query";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectSwrError } from "./testing";

const REGION = SEED.regions.source;
const NGINX = "/v2/manage/namespaces/team-a/repos/nginx";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 20 });
});
afterAll(() => sim.close());

const INVALID = "SVCSTG.SWR.4000014";
const UNSUPPORTED = "SVCSTG.SWR.4000187";

describe("names in the path", () => {
  it.each([
    ["upper case", "Team-A"],
    ["a leading digit", "1team"],
    ["a trailing hyphen", "team-"],
    ["separators next to each other", "a._b"],
    ["three underscores", "a___b"],
    ["65 characters", "a".repeat(65)],
  ])("rejects a namespace with %s", async (_, ns) => {
    await expectSwrError(await callSwr(sim, REGION, `/v2/manage/namespaces/${ns}`), 400, INVALID, `invalid namespace name "${ns}"`);
  });

  it.each([
    ["upper case", "Nginx"],
    ["a leading hyphen", "-nginx"],
    ["two slashes in a row", "apps$$web"],
    ["a trailing slash", "apps$"],
    ["129 characters", "r".repeat(129)],
  ])("rejects a repository with %s", async (_, repo) => {
    await expectSwrError(await callSwr(sim, REGION, `/v2/manage/namespaces/team-a/repos/${repo}/tags`), 400, INVALID, "invalid repository name");
  });

  it.each([
    ["a namespace of 64 characters", `/v2/manage/namespaces/${"a".repeat(64)}`, "SVCSTG.SWR.4040183", "namespace"],
    ["two underscores", "/v2/manage/namespaces/a__b", "SVCSTG.SWR.4040183", "namespace a__b does not exist in region cn-north-4"],
    ["a repository of 128 characters", `/v2/manage/namespaces/team-a/repos/${"r".repeat(128)}`, "SVCSTG.SWR.4040010", "repository"],
  ])("accepts %s as a name (and answers 404 as it does not exist)", async (_, path, code, message) => {
    await expectSwrError(await callSwr(sim, REGION, path), 404, code, message);
  });
});

describe("missing resources, routes and methods", () => {
  it.each<[string, string, HttpMethod, number, string, string]>([
    ["a missing namespace", "/v2/manage/namespaces/team-b/repos/nginx", "GET", 404, "SVCSTG.SWR.4040183", "namespace team-b does not exist in region ap-southeast-1"],
    ["a missing repository", "/v2/manage/namespaces/team-a/repos/nginx/tags", "GET", 404, "SVCSTG.SWR.4040010", "repository team-a/nginx does not exist in region ap-southeast-1"],
    ["a repository name sent with a slash", "/v2/manage/namespaces/team-a/repos/apps/web/tags", "GET", 404, "SVCSTG.SWR.4040184", "no API at"],
    ["an unknown route", "/v2/manage/things", "GET", 404, "SVCSTG.SWR.4040184", "no API at /v2/manage/things"],
    ["an unknown API version", "/v9", "GET", 404, "SVCSTG.SWR.4040184", "API version v9"],
    ["a wrong method", "/v2/manage/namespaces", "DELETE", 405, "SVCSTG.SWR.4050185", "allowed: GET"],
  ])("answers %s", async (_, path, method, status, code, message) => {
    await expectSwrError(await callSwr(sim, SEED.regions.overseas, path, { method }), status, code, message);
  });

  it("names the allowed methods in Allow", async () => {
    const res = await callSwr(sim, REGION, `${NGINX}/sync_repo`, { method: "PUT" });
    expect(res.headers.get("allow")).toBe("GET, POST, DELETE");
  });
});

describe("list parameters", () => {
  it.each<[string, string, Record<string, string>, string, string]>([
    ["limit 0", "/v2/manage/repos", { limit: "0", offset: "0" }, INVALID, "invalid limit"],
    ["limit 1001 on tags", `${NGINX}/tags`, { limit: "1001", offset: "0" }, INVALID, "from 1 to 1000 (the maximum page size)"],
    ["limit 1001 on repositories", "/v2/manage/repos", { limit: "1001", offset: "0" }, INVALID, "from 1 to 1000 (the maximum page size)"],
    ["limit 1001 in a repository filter", "/v2/manage/repos", { filter: "limit::1001|offset::0" }, INVALID, "from 1 to 1000"],
    ["ShowSyncJob with limit 1001", `${NGINX}/sync_job`, { filter: "limit::1001|offset::0" }, INVALID, "from 1 to 1000 (the maximum page size)"],
    ["ShowSyncJob with limit 0", `${NGINX}/sync_job`, { filter: "limit::0|offset::0|order::asc" }, INVALID, 'invalid limit "0"'],
    ["a non-numeric limit", `${NGINX}/tags`, { limit: "ten" }, INVALID, "invalid limit"],
    ["a negative offset", "/v2/manage/repos", { limit: "10", offset: "-1" }, INVALID, "invalid offset"],
    ["an unknown repository order column", "/v2/manage/repos", { order_column: "num_images" }, "SVCSTG.SWR.4001096", "invalid order_column"],
    ["an unknown tag order column", `${NGINX}/tags`, { order_column: "size" }, "SVCSTG.SWR.4001096", "updated_at, tag"],
    ["an unknown order type", `${NGINX}/tags`, { order_type: "up" }, INVALID, "invalid order_type"],
    ["a non-boolean is_public", "/v2/manage/repos", { is_public: "yes" }, INVALID, "invalid is_public"],
    ["a malformed filter", "/v2/manage/repos", { filter: "namespace=team-a" }, INVALID, "invalid filter"],
    ["an unknown namespace mode", "/v2/manage/namespaces", { filter: "mode::all" }, INVALID, "invalid mode"],
    ["ShowSyncJob without filter", `${NGINX}/sync_job`, {}, INVALID, "filter query parameter is required"],
    ["ShowSyncJob without offset", `${NGINX}/sync_job`, { filter: "limit::10" }, INVALID, "limit and offset are mandatory"],
    ["ShowSyncJob without limit", `${NGINX}/sync_job`, { filter: "offset::0|order::desc" }, INVALID, "limit and offset are mandatory"],
    ["ShowSyncJob with an unknown order", `${NGINX}/sync_job`, { filter: "limit::10|offset::0|order::newest" }, INVALID, "invalid order"],
  ])("rejects %s", async (_, path, query, code, message) => {
    await expectSwrError(await callSwr(sim, REGION, path, { query }), 400, code, message);
  });
});

describe("the maximum page size", () => {
  it.each<[string, string, Record<string, string>]>([
    ["ListReposDetails", "/v2/manage/repos", { limit: String(MAX_PAGE_SIZE), offset: "0" }],
    ["ListRepositoryTags", `${NGINX}/tags`, { limit: String(MAX_PAGE_SIZE), offset: "0" }],
    ["ShowSyncJob", `${NGINX}/sync_job`, { filter: `limit::${MAX_PAGE_SIZE}|offset::0` }],
  ])("is accepted by %s", async (_, path, query) => {
    expect((await callSwr(sim, REGION, path, { query })).status).toBe(200);
  });
});

describe("CreateManualImageSyncRepo bodies", () => {
  const target = { remoteNamespace: "team-a", remoteRegionId: SEED.regions.mirror };
  it.each<[string, unknown, number, string, string]>([
    ["an empty body", "", 400, INVALID, "request body is missing"],
    ["malformed JSON", '{"imageTag": [', 400, INVALID, "not valid JSON"],
    ["a JSON array", "[]", 400, INVALID, "invalid request body"],
    ["no imageTag", { ...target }, 400, INVALID, "imageTag must be an array of tag names"],
    ["an empty imageTag", { ...target, imageTag: [] }, 400, INVALID, "imageTag must name at least one tag"],
    ["an empty tag", { ...target, imageTag: ["latest", ""] }, 400, INVALID, 'imageTag[1]: tags must not be empty strings (got "")'],
    ["a non-string tag", { ...target, imageTag: ["latest", 125] }, 400, INVALID, "imageTag[1]: each tag must be a string (got 125)"],
    ["a non-boolean override", { ...target, imageTag: ["latest"], override: "yes" }, 400, INVALID, "override"],
    ["tags missing from the source", { ...target, imageTag: ["latest", "9.9.9", "nope"] }, 400, INVALID, "image tag(s) not found in team-a/nginx in region cn-north-4: 9.9.9, nope"],
    ["no remoteRegionId", { imageTag: ["latest"], remoteNamespace: "team-a" }, 400, INVALID, "remoteRegionId is required"],
    ["an unknown remoteRegionId", { ...target, imageTag: ["latest"], remoteRegionId: "xx-nowhere-1" }, 400, INVALID, '"xx-nowhere-1" is not a region'],
    ["the source region as target", { ...target, imageTag: ["latest"], remoteRegionId: REGION }, 400, INVALID, "must differ from the source region cn-north-4"],
    ["an invalid remoteNamespace", { ...target, imageTag: ["latest"], remoteNamespace: "Team_A" }, 400, INVALID, 'invalid remoteNamespace name "Team_A"'],
    [
      "a target namespace missing in the target region",
      { imageTag: ["latest"], remoteNamespace: "team-b", remoteRegionId: SEED.regions.overseas },
      404,
      "SVCSTG.SWR.4040183",
      "namespace team-b does not exist in region ap-southeast-1",
    ],
    ["a read-only target namespace", { imageTag: ["7.2.4"], remoteNamespace: "mirrors", remoteRegionId: REGION }, 403, "SVCSTG.SWR.4030170", "Insufficient permissions"],
    [
      "a target outside the sync regions",
      { ...target, imageTag: ["latest"], remoteRegionId: SEED.regions.noSync },
      400,
      UNSUPPORTED,
      "image synchronization to region cn-southwest-2 is not supported; supported regions: cn-north-1, cn-north-4, cn-east-2, cn-east-3, cn-south-1, ap-southeast-1, ap-southeast-3",
    ],
  ])("rejects %s", async (_, body, status, code, message) => {
    const source = status === 403 ? { region: SEED.regions.overseas, path: "/v2/manage/namespaces/team-a/repos/redis" } : { region: REGION, path: NGINX };
    await expectSwrError(await callSwr(sim, source.region, `${source.path}/sync_images`, { method: "POST", body }), status, code, message);
  });
});

describe("automatic sync rules", () => {
  const rule = { remoteRegionId: SEED.regions.overseas, remoteNamespace: SEED.namespaces.teamABackup };
  const call = (method: HttpMethod, body: unknown) => callSwr(sim, REGION, "/v2/manage/namespaces/team-a/repos/redis/sync_repo", { method, body });

  it("refuses a duplicate rule with 409", async () => {
    expect((await call("POST", rule)).status).toBe(200);
    await expectSwrError(await call("POST", rule), 409, "SVCSTG.SWR.4090186", "already exists");
  });

  it("answers 400 SVCSTG.SWR.4001158 when deleting a missing rule", async () => {
    await expectSwrError(await call("DELETE", { remoteRegionId: SEED.regions.south, remoteNamespace: "team-a" }), 400, "SVCSTG.SWR.4001158", "no auto-sync rule");
  });

  it.each<[string, unknown, number, string, string]>([
    ["a missing target namespace", { remoteRegionId: SEED.regions.south, remoteNamespace: "team-b" }, 404, "SVCSTG.SWR.4040183", "namespace team-b does not exist in region cn-south-1"],
    ["a non-boolean syncAuto", { ...rule, syncAuto: "true" }, 400, INVALID, "syncAuto"],
    ["no remoteNamespace", { remoteRegionId: SEED.regions.south }, 400, INVALID, "remoteNamespace is required"],
    ["a target outside the sync regions", { remoteRegionId: "eu-west-0", remoteNamespace: "team-a" }, 400, UNSUPPORTED, "to region eu-west-0 is not supported"],
  ])("refuses a rule with %s", async (_, body, status, code, message) => {
    await expectSwrError(await call("POST", body), status, code, message);
  });
});

describe("a source outside the sync regions", () => {
  const { noSync } = SEED.regions;
  it.each<[string, string, Record<string, unknown>]>([
    ["a manual sync", "sync_images", { imageTag: ["latest"], remoteRegionId: SEED.regions.source, remoteNamespace: "team-a" }],
    ["an auto-sync rule", "sync_repo", { remoteRegionId: SEED.regions.source, remoteNamespace: "team-a" }],
  ])("refuses %s from it with 400 and starts nothing", async (_, operation, body) => {
    const res = await callSwr(sim, noSync, `${NGINX}/${operation}`, { method: "POST", body });
    await expectSwrError(res, 400, UNSUPPORTED, `image synchronization from region ${noSync} is not supported`);
    expect(await (await callSwr(sim, noSync, `${NGINX}/sync_repo`)).json()).toEqual([]);
    expect(await (await callSwr(sim, noSync, `${NGINX}/sync_job`, { query: { filter: "limit::10|offset::0" } })).json()).toEqual([]);
  });
});
