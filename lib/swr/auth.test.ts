import { afterEach, describe, expect, it } from "vitest";
import { createSwrClient } from "./client";
import { startStub, type StubReply, type StubRequest, type StubServer } from "@/test/swr/stub-server";
import { swrRejection } from "@/test/swr/rejection";

// Project-ID lookup (§4.2) and IAM token sign-in (§4.3) against scripted IAM and SWR endpoints.

const AK = "HWEXAMPLEAKID0000001";
const SK = "hwExampleSecretKey0000000000000000000001";
const NOW = new Date("2024-03-15T08:30:00Z");
const VERSIONS = { versions: [{ id: "v2", status: "CURRENT" }] };

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const isIam = (r: StubRequest) => r.path.startsWith("/iam/");

async function start(reply: (req: StubRequest) => StubReply) {
  stub = await startStub(reply);
  return { url: stub.url, requests: stub.requests };
}

describe("IAM project ID lookup", () => {
  function akskClient(url: string, projectIds: Record<string, string> = {}) {
    return createSwrClient({
      credentials: { kind: "aksk", ak: AK, sk: SK },
      swrEndpointTemplate: `${url}/swr/{region}`,
      iamEndpointTemplate: `${url}/iam`,
      projectIds,
      sleep: () => Promise.resolve(),
    });
  }

  it("looks the project up once per region and sends it as X-Project-Id", async () => {
    const { url, requests } = await start((r) =>
      isIam(r) ? { json: { projects: [{ id: `p-${new URLSearchParams(r.rawQuery).get("name")}`, name: "x" }] } } : { json: VERSIONS },
    );
    const client = akskClient(url);
    await Promise.all([client.listApiVersions("cn-north-4"), client.listApiVersions("cn-north-4")]);
    await client.listApiVersions("ap-southeast-1");
    const iam = requests.filter(isIam);
    expect(iam.map((r) => r.rawQuery)).toEqual(["name=cn-north-4", "name=ap-southeast-1"]);
    expect(iam[0]?.body).toBe("");
    expect(iam[0]?.headers["x-project-id"]).toBeUndefined();
    expect(iam[0]?.headers.authorization).toContain("SignedHeaders=content-type;host;x-sdk-date,");
    expect(requests.filter((r) => !isIam(r)).map((r) => r.headers["x-project-id"])).toEqual(["p-cn-north-4", "p-cn-north-4", "p-ap-southeast-1"]);
  });

  it("uses SWR_PROJECT_IDS without asking IAM", async () => {
    const { url, requests } = await start(() => ({ json: VERSIONS }));
    await akskClient(url, { "cn-north-4": "configured" }).listApiVersions("cn-north-4");
    expect(requests.map((r) => [r.path, r.headers["x-project-id"]])).toEqual([["/swr/cn-north-4/", "configured"]]);
  });

  it.each([
    ["no project", []],
    ["two projects", [{ id: "a", name: "cn-north-4" }, { id: "b", name: "cn-north-4" }]],
  ])("refuses %s and never creates one", async (_what, projects) => {
    const { url, requests } = await start((r) => (isIam(r) ? { json: { projects } } : { json: VERSIONS }));
    const err = await swrRejection(akskClient(url).listApiVersions("cn-north-4"));
    expect(err.message).toMatch(/^IAM has no single project for region cn-north-4/);
    expect(requests.every((r) => r.method === "GET" && isIam(r))).toBe(true);
  });

  it("signs the lookup exactly like vector 5 (recommended variant, no body)", async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const client = createSwrClient({
      credentials: { kind: "aksk", ak: AK, sk: SK },
      now: () => NOW,
      fetch: (input, init) => {
        seen.push({ url: String(input), init });
        const body = String(input).includes("/v3/projects") ? { projects: [{ id: "pid", name: "cn-north-4" }] } : VERSIONS;
        return Promise.resolve(Response.json(body));
      },
    });
    await client.listApiVersions("cn-north-4");
    const [lookup, call] = seen;
    expect(lookup?.url).toBe("https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4");
    expect(lookup?.init?.body).toBeUndefined();
    expect(new Headers(lookup?.init?.headers).get("authorization")).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=13c9a5ea52dad26ca1f7a6029273db24048d74016c7fdf0a6ba9a7df4fe3498f`,
    );
    expect(call?.url).toBe("https://swr-api.cn-north-4.myhuaweicloud.com/");
  });
});

describe("IAM token sign-in", () => {
  const HOUR = 3_600_000;

  async function tokenSetup(opts: { lifetimeMs?: number; rejectToken?: string } = {}) {
    let issued = 0;
    const { url, requests } = await start((r) => {
      if (isIam(r)) {
        issued++;
        return {
          status: 201,
          headers: { "X-Subject-Token": `tok-${issued}` },
          json: { token: { expires_at: new Date(NOW.getTime() + (opts.lifetimeMs ?? 24 * HOUR)).toISOString(), project: { id: "pid-1", name: "cn-north-4" } } },
        };
      }
      return r.headers["x-auth-token"] === opts.rejectToken
        ? { status: 401, json: { error_code: "APIGW.0301", error_msg: "The token must be updated" } }
        : { json: VERSIONS };
    });
    const client = createSwrClient({
      credentials: { kind: "password", domain: "acme", user: "ops", password: "pa55-w0rd-secret" },
      swrEndpointTemplate: `${url}/swr/{region}`,
      iamEndpointTemplate: `${url}/iam`,
      now: () => NOW,
      sleep: () => Promise.resolve(),
    });
    return { client, requests };
  }

  it("signs in once per region with a project-scoped password body and sends X-Auth-Token", async () => {
    const { client, requests } = await tokenSetup();
    await client.listApiVersions("cn-north-4");
    await client.listApiVersions("cn-north-4");
    const [signIn, ...calls] = requests;
    expect(signIn).toMatchObject({ method: "POST", path: "/iam/v3/auth/tokens", rawQuery: "nocatalog=true" });
    expect(signIn?.headers["content-type"]).toBe("application/json;charset=utf8");
    expect(JSON.parse(signIn?.body ?? "")).toEqual({
      auth: {
        identity: { methods: ["password"], password: { user: { domain: { name: "acme" }, name: "ops", password: "pa55-w0rd-secret" } } },
        scope: { project: { name: "cn-north-4" } },
      },
    });
    expect(calls.map((r) => [r.headers["x-auth-token"], r.headers.authorization])).toEqual([
      ["tok-1", undefined],
      ["tok-1", undefined],
    ]);
  });

  it("refreshes a token that expires within the margin", async () => {
    const { client, requests } = await tokenSetup({ lifetimeMs: HOUR / 2 });
    await client.listApiVersions("cn-north-4");
    await client.listApiVersions("cn-north-4");
    expect(requests.filter((r) => !isIam(r)).map((r) => r.headers["x-auth-token"])).toEqual(["tok-1", "tok-2"]);
  });

  it("drops a token SWR refuses and retries once with a new one", async () => {
    const { client, requests } = await tokenSetup({ rejectToken: "tok-1" });
    await expect(client.listApiVersions("cn-north-4")).resolves.toHaveLength(1);
    expect(requests.map((r) => (isIam(r) ? "sign-in" : r.headers["x-auth-token"]))).toEqual(["sign-in", "tok-1", "sign-in", "tok-2"]);
  });

  it("reports refused passwords in words and without the password", async () => {
    const { url } = await start(() => ({ status: 401, json: { error: { code: 401, message: "pa55-w0rd-secret is wrong" } } }));
    const client = createSwrClient({
      credentials: { kind: "password", domain: "acme", user: "ops", password: "pa55-w0rd-secret" },
      swrEndpointTemplate: `${url}/swr/{region}`,
      iamEndpointTemplate: `${url}/iam`,
    });
    const err = await swrRejection(client.listApiVersions("cn-north-4"));
    expect(err.message).toBe("IAM rejected the credentials (check SWR_IAM_DOMAIN, SWR_IAM_USER and SWR_IAM_PASSWORD).");
    expect(JSON.stringify(err)).not.toContain("pa55-w0rd-secret");
  });
});
