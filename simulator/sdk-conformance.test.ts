import { createRequire } from "node:module";
import { BasicCredentials, Region } from "@huaweicloud/huaweicloud-sdk-core";
import {
  CreateImageSyncRepoRequest,
  CreateImageSyncRepoRequestBody,
  CreateManualImageSyncRepoRequest,
  CreateManualImageSyncRepoRequestBody,
  DeleteImageSyncRepoRequest,
  DeleteImageSyncRepoRequestBody,
  ListApiVersionsRequest,
  ListImageAutoSyncReposDetailsRequest,
  ListNamespacesRequest,
  ListReposDetailsRequest,
  ListRepositoryTagsRequest,
  ShowApiVersionRequest,
  ShowNamespaceRequest,
  ShowRepositoryRequest,
  ShowSyncJobRequest,
  SwrClient,
} from "@huaweicloud/huaweicloud-sdk-swr";
import type * as Log4js from "log4js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectIdOf } from "./regions";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";

// The official Node SDK, pointed at the simulator: its signatures must verify and its parsing must work.

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@huaweicloud/huaweicloud-sdk-core"));
// The SDK logs every failed request through its own log4js; keep test output clean.
(sdkRequire("log4js") as typeof Log4js).configure({ appenders: { out: { type: "stdout" } }, categories: { default: { appenders: ["out"], level: "off" } } });

const REGION = SEED.regions.source;
const { teamA } = SEED.namespaces;
let sim: RunningSimulator;
let client: SwrClient;

/** The elements of an array answer, without the extra properties the SDK hangs on the array. */
const elements = (answer: unknown): unknown => (Array.isArray(answer) ? [...answer] : answer);

const sdkClient = (credentials: BasicCredentials, region = REGION) =>
  SwrClient.newBuilder().withCredential(credentials).withEndpoint(`${sim.url}/${region}`).build();

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 20 });
  client = sdkClient(new BasicCredentials().withAk(sim.credentials.ak).withSk(sim.credentials.sk).withProjectId(projectIdOf(REGION)));
});
afterAll(() => sim.close());

describe("the official SWR SDK against the simulator", () => {
  it("lists and shows API versions", async () => {
    expect(await client.listApiVersions(new ListApiVersionsRequest())).toMatchObject({ httpStatusCode: 200, versions: [{ id: "v2", status: "CURRENT" }] });
    expect(await client.showApiVersion(new ShowApiVersionRequest().withApiVersion("v2"))).toMatchObject({ version: { id: "v2", min_version: "2.0" } });
  });

  it("lists namespaces with the filter and shows one", async () => {
    const listed: unknown = await client.listNamespaces(new ListNamespacesRequest().withFilter("namespace::team|mode::visible"));
    expect(listed).toMatchObject({ namespaces: [{ name: "team-a", auth: 7 }, { name: "team-b" }] });
    const shown: unknown = await client.showNamespace(new ShowNamespaceRequest().withNamespace(teamA));
    expect(shown).toMatchObject({ name: teamA, auth: 7, creator_name: sim.iamUser.name });
  });

  it("pages repositories and reads Content-Range", async () => {
    const repos: unknown = await client.listReposDetails(
      new ListReposDetailsRequest().withNamespace(teamA).withLimit("10").withOffset("0").withOrderColumn("name").withOrderType("asc"),
    );
    expect(elements(repos)).toMatchObject([{ name: "apps/api" }, { name: "apps/web", namespace: teamA }, { name: "ci-builds", num_images: 5000 }, { name: "nginx" }, { name: "redis" }]);
    expect(repos).toHaveProperty("Content-Range", "0-5/5");
  });

  it("shows a repository whose name contains a slash", async () => {
    const repo: unknown = await client.showRepository(new ShowRepositoryRequest().withNamespace(teamA).withRepository("apps$web"));
    expect(repo).toMatchObject({ name: "apps/web", num_images: 4, path: `swr.${REGION}.myhuaweicloud.com/team-a/apps/web` });
  });

  it("lists tags with the wire key Tag", async () => {
    const tags: unknown = await client.listRepositoryTags(
      new ListRepositoryTagsRequest().withNamespace(teamA).withRepository("nginx").withLimit("2").withOffset("0").withOrderColumn("tag").withOrderType("asc"),
    );
    expect(elements(tags)).toMatchObject([{ Tag: "1.25.3", digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }, { Tag: "1.25.4" }]);
    expect(tags).toHaveProperty("Content-Range", "0-2/5");
  });

  it("triggers a manual sync and watches its job record to success", async () => {
    const body = new CreateManualImageSyncRepoRequestBody(["1.26.0"], teamA, SEED.regions.south).withOverride(false);
    const accepted: unknown = await client.createManualImageSyncRepo(new CreateManualImageSyncRepoRequest().withNamespace(teamA).withRepository("nginx").withBody(body));
    expect(accepted).toEqual(Object.assign([], { httpStatusCode: 200 }));
    const request = new ShowSyncJobRequest().withNamespace(teamA).withRepository("nginx").withFilter("limit::10|offset::0|order::desc");
    await expect.poll(async () => elements(await client.showSyncJob(request)), { timeout: 5_000, interval: 20 }).toMatchObject([
      { tag: "1.26.0", remoteRegionId: SEED.regions.south, remoteNamespace: teamA, status: "success", syncOperatorName: sim.iamUser.name },
    ]);
  });

  it("creates, lists and deletes an automatic sync rule", async () => {
    const target = { namespace: teamA, repository: "apps$web" };
    await client.createImageSyncRepo(
      new CreateImageSyncRepoRequest().withNamespace(target.namespace).withRepository(target.repository).withBody(
        new CreateImageSyncRepoRequestBody(SEED.regions.overseas, SEED.namespaces.teamABackup).withSyncAuto(true),
      ),
    );
    const list = () => client.listImageAutoSyncReposDetails(new ListImageAutoSyncReposDetailsRequest().withNamespace(target.namespace).withRepository(target.repository));
    expect(elements(await list())).toMatchObject([{ repoName: "apps/web", remoteRegionId: SEED.regions.overseas, remoteNamespace: SEED.namespaces.teamABackup, syncAuto: true }]);
    await client.deleteImageSyncRepo(
      new DeleteImageSyncRepoRequest().withNamespace(target.namespace).withRepository(target.repository).withBody(
        new DeleteImageSyncRepoRequestBody(SEED.regions.overseas, SEED.namespaces.teamABackup),
      ),
    );
    expect(elements(await list())).toEqual([]);
  });

  it("finds the region's project through IAM when given a region instead of a project ID", async () => {
    const region = SEED.regions.mirror;
    const credentials = new BasicCredentials().withAk(sim.credentials.ak).withSk(sim.credentials.sk).withIamEndpoint(`${sim.url}/${region}`);
    const regional = SwrClient.newBuilder().withCredential(credentials).withRegion(new Region(region, `${sim.url}/${region}`)).build();
    expect(await regional.showNamespace(new ShowNamespaceRequest().withNamespace(teamA))).toMatchObject({ name: teamA });
    expect(credentials.getPathParams()).toEqual({ project_id: projectIdOf(region) });
  });

  it("surfaces a 401 when the secret key is wrong", async () => {
    const wrong = sdkClient(new BasicCredentials().withAk(sim.credentials.ak).withSk("not-the-secret").withProjectId(projectIdOf(REGION)));
    await expect(wrong.listNamespaces(new ListNamespacesRequest())).rejects.toMatchObject({ httpStatusCode: 401, errorCode: "APIGW.0301" });
  });
});
