import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "@/lib/swr/signing";
import { DEMO_IAM_USER } from "./identity";
import { projectIdOf } from "./regions";
import { SEED } from "./seed";
import { startSimulator, type RunningSimulator } from "./server";
import { callSwr, expectGatewayError, expectJson, expectSwrError, passwordAuth, postJson, type SwrCall } from "./testing";

const REGION = SEED.regions.source;
const NAMESPACES = "/v2/manage/namespaces";
let sim: RunningSimulator;
let clockOffsetMs = 0;

beforeAll(async () => {
  sim = await startSimulator({ syncDelayMs: 20, now: () => new Date(Date.now() + clockOffsetMs) });
});
afterAll(() => sim.close());
afterEach(() => {
  clockOffsetMs = 0;
});

describe("AK/SK signatures", () => {
  it("accepts a correctly signed request and marks every answer as the simulator's", async () => {
    const res = await callSwr(sim, REGION, NAMESPACES, { query: { namespace: "team" } });
    expect(res.headers.get("server")).toBe("swr-simulator");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(await expectJson(res)).toMatchObject({ namespaces: [{ name: "team-a" }, { name: "team-b" }] });
  });

  it("accepts a request without X-Project-Id", async () => {
    expect((await callSwr(sim, REGION, NAMESPACES, { projectId: false })).status).toBe(200);
  });

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  it.each<[string, SwrCall, string, string]>([
    ["no Authorization header", { tamper: { headers: (h) => void delete h.Authorization } }, "APIGW.0301", "neither an Authorization"],
    ["an unknown access key", { credentials: { ak: "UNKNOWNACCESSKEY0001", sk: "x" } }, "APIGW.0301", "unknown access key UNKNOWNACCESSKEY0001"],
    ["a wrong secret key", { credentials: { ak: "SIMDEMOACCESSKEY0001", sk: "wrong" } }, "APIGW.0301", "signature"],
    ["a malformed Authorization header", { tamper: { headers: (h) => void (h.Authorization = "Basic abc") } }, "APIGW.0301", "malformed Authorization"],
    ["no X-Sdk-Date header", { tamper: { headers: (h) => void delete h["X-Sdk-Date"] } }, "APIGW.0301", "X-Sdk-Date header is missing"],
    ["a malformed X-Sdk-Date", { tamper: { headers: (h) => void (h["X-Sdk-Date"] = "2024-03-15T08:30:00Z") } }, "APIGW.0301", "malformed X-Sdk-Date"],
    ["a date 20 minutes behind", { now: minutesAgo(20) }, "APIGW.0303", "by more than 15 minutes"],
    ["a date 20 minutes ahead", { now: minutesAgo(-20) }, "APIGW.0303", "server time"],
    [
      "SignedHeaders without host",
      { tamper: { headers: (h) => void (h.Authorization = h.Authorization!.replace(/SignedHeaders=[^,]+/, "SignedHeaders=x-sdk-date")) } },
      "APIGW.0301",
      "must include host",
    ],
    [
      "SignedHeaders without x-sdk-date",
      { tamper: { headers: (h) => void (h.Authorization = h.Authorization!.replace(/SignedHeaders=[^,]+/, "SignedHeaders=content-type;host")) } },
      "APIGW.0301",
      "must include x-sdk-date",
    ],
    ["a signed header that was not sent", { headers: { "X-Extra": "1" }, tamper: { headers: (h) => void delete h["X-Extra"] } }, "APIGW.0301", "x-extra was not sent"],
    ["a changed signed header", { tamper: { headers: (h) => void (h["Content-Type"] = "application/json;charset=utf-8") } }, "APIGW.0301", "signature"],
    ["a changed query", { query: { namespace: "team-a" }, tamper: { query: { namespace: "team-b" } } }, "APIGW.0301", "signature"],
  ])("rejects %s with 401", async (_, call, code, message) => {
    await expectGatewayError(await callSwr(sim, REGION, NAMESPACES, call), 401, code, message);
  });

  it("rejects a changed body with 401", async () => {
    const body = { remoteRegionId: SEED.regions.overseas, remoteNamespace: SEED.namespaces.teamABackup };
    const res = await callSwr(sim, REGION, "/v2/manage/namespaces/team-a/repos/nginx/sync_repo", { method: "POST", body, tamper: { body: JSON.stringify({ ...body, syncAuto: true }) } });
    await expectGatewayError(res, 401, "APIGW.0301", "signature");
  });

  it("verifies the path including the region prefix", async () => {
    const headers = signRequest({ method: "GET", host: new URL(sim.url).host, path: NAMESPACES, headers: { "Content-Type": "application/json" }, ...sim.credentials });
    await expectGatewayError(await fetch(`${sim.url}/${REGION}${NAMESPACES}`, { headers }), 401, "APIGW.0301", "signature");
  });

  it("rejects an X-Project-Id of another region with 403", async () => {
    const res = await callSwr(sim, REGION, NAMESPACES, { projectId: projectIdOf(SEED.regions.overseas) });
    await expectGatewayError(res, 403, "APIGW.0302", `not the project of region ${REGION}`);
  });
});

describe("IAM project lookup", () => {
  // The SDK's own lookup (a GET with a `{}` body) is exercised in sdk-conformance.test.ts.
  it("answers exactly one project for the region", async () => {
    const res = await callSwr(sim, SEED.regions.overseas, "/v3/projects", { query: { name: SEED.regions.overseas }, projectId: false });
    const answer = await expectJson(res);
    expect(answer).toMatchObject({ projects: [{ id: projectIdOf(SEED.regions.overseas), name: SEED.regions.overseas, enabled: true }] });
    expect(answer).toHaveProperty("projects.length", 1);
  });

  it("gives every region its own stable project ID", () => {
    expect(projectIdOf(REGION)).toMatch(/^[0-9a-f]{32}$/);
    expect(projectIdOf(REGION)).not.toBe(projectIdOf(SEED.regions.overseas));
  });

  it("answers no project for an unknown name", async () => {
    const res = await callSwr(sim, REGION, "/v3/projects", { query: { name: "xx-nowhere-1" }, projectId: false });
    expect(await expectJson(res)).toMatchObject({ projects: [] });
  });
});

describe("IAM tokens", () => {
  const tokenUrl = (region: string = REGION) => `${sim.url}/${region}/v3/auth/tokens`;
  const issue = async (region: string = REGION) => {
    const res = await postJson(tokenUrl(region), passwordAuth(DEMO_IAM_USER, region));
    const body = await expectJson(res, 201);
    return { token: res.headers.get("x-subject-token") ?? "", body };
  };
  const withToken = (token: string, region: string = REGION) => fetch(`${sim.url}/${region}${NAMESPACES}`, { headers: { "X-Auth-Token": token, "Content-Type": "application/json" } });

  it("issues a project-scoped token in X-Subject-Token that SWR accepts", async () => {
    const { token, body } = await issue();
    expect(token.length).toBeGreaterThan(1000);
    expect(body).toMatchObject({
      token: { methods: ["password"], project: { id: projectIdOf(REGION), name: REGION, domain: { name: DEMO_IAM_USER.domain } }, user: { name: DEMO_IAM_USER.name } },
    });
    expect(await expectJson(await withToken(token))).toMatchObject({ namespaces: expect.arrayContaining([expect.objectContaining({ name: "team-a" })]) });
  });

  it("expires tokens after their lifetime", async () => {
    const { token, body } = await issue();
    expect(body).toHaveProperty("token.expires_at", expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/));
    clockOffsetMs = 24 * 3_600_000 + 1_000;
    await expectGatewayError(await withToken(token), 401, "APIGW.0301", "The token must be updated");
  });

  it("rejects a token of another region's project with 403", async () => {
    const { token } = await issue(SEED.regions.overseas);
    await expectGatewayError(await withToken(token), 403, "APIGW.0302", "scoped to project");
  });

  it("rejects an unknown token with 401", async () => {
    await expectGatewayError(await withToken("MIInot-a-token"), 401, "APIGW.0301", "not a valid token");
  });

  it.each([
    ["a wrong password", { ...DEMO_IAM_USER, password: "nope" }],
    ["an unknown user", { ...DEMO_IAM_USER, name: "someone-else" }],
    ["an unknown account", { ...DEMO_IAM_USER, domain: "other-account" }],
  ])("answers 401 in Keystone's shape for %s", async (_, user) => {
    const res = await postJson(tokenUrl(), passwordAuth(user, REGION));
    expect(await expectJson(res, 401)).toEqual({ error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" } });
  });

  it.each([
    ["a body that is not JSON", "{", 400, "not valid JSON"],
    ["a body without a password method", { auth: { identity: { methods: ["totp"] } } }, 400, "methods"],
    ["a domain scope", { auth: { ...passwordAuth(DEMO_IAM_USER, REGION).auth, scope: { domain: { name: "x" } } } }, 400, "scope.project"],
    ["an unknown project", passwordAuth(DEMO_IAM_USER, "xx-nowhere-1"), 401, "xx-nowhere-1"],
  ])("answers Keystone errors for %s", async (_, body, status, message) => {
    const res = await fetch(tokenUrl(), { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
    expect(await expectJson(res, status)).toMatchObject({ error: { code: status, message: expect.stringContaining(message) } });
  });
});

describe("addressing", () => {
  it.each([
    ["an unknown region", "/xx-nowhere-1/v2/manage/namespaces"],
    ["no region at all", "/v2/manage/namespaces"],
    ["the bare root", "/"],
  ])("answers 404 in SWR's shape for %s", async (_, path) => {
    const res = await fetch(`${sim.url}${path}`);
    expect(res.headers.get("server")).toBe("swr-simulator");
    await expectSwrError(res, 404, "SVCSTG.SWR.4040184", "is not served");
  });
});
