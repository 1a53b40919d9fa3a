import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createSwrClient } from "./client";
import { type SwrClientConfig } from "./config";
import { canonicalRequest, parseAuthorization, payloadHash, signature, stringToSign } from "./signing";
import { startStub, type StubReply, type StubRequest, type StubServer } from "@/test/swr/stub-server";
import { swrRejection } from "@/test/swr/rejection";

// The transport over real HTTP against a scripted server: retries, timeouts, errors, signing on the wire.

const AK = "HWTESTAKID0000000001";
const SK = "hwTestSecretKey00000000000000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const REGION = "cn-north-4";
const NOW = new Date("2024-03-15T08:30:00Z");

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(reply: (req: StubRequest, i: number) => StubReply, config: Partial<SwrClientConfig> = {}) {
  stub = await startStub(reply);
  const sleeps: number[] = [];
  const client = createSwrClient({
    credentials: { kind: "aksk", ak: AK, sk: SK },
    swrEndpointTemplate: `${stub.url}/{region}`,
    projectIds: { [REGION]: PROJECT },
    timeoutMs: 2_000,
    sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
    random: () => 0.5,
    now: () => NOW,
    ...config,
  });
  return { client, sleeps, requests: stub.requests };
}

const VERSIONS = { versions: [{ id: "v2", status: "CURRENT", version: "2.26" }] };
const ok = (json: unknown = VERSIONS, headers?: Record<string, string>): StubReply => ({ json, headers });
const failing = (status: number, headers?: Record<string, string>): StubReply => ({ status, json: { error_code: `E${status}`, error_msg: "no" }, headers });

describe("retries of idempotent calls", () => {
  it.each<[string, StubReply[], number[]]>([
    ["500 twice, then success, with jittered backoff", [failing(500), failing(502), ok()], [250, 500]],
    ["429 with Retry-After in seconds", [failing(429, { "Retry-After": "2" }), ok()], [2_000]],
    ["503 with Retry-After as an HTTP date", [failing(503, { "Retry-After": "Fri, 15 Mar 2024 08:30:05 GMT" }), ok()], [5_000]],
    ["429 with a huge Retry-After, capped", [failing(429, { "Retry-After": "3600" }), ok()], [30_000]],
    ["a dropped connection", ["destroy", ok()], [250]],
  ])("%s", async (_what, replies, delays) => {
    const { client, sleeps, requests } = await setup((_req, i) => replies[i] ?? failing(500));
    await expect(client.listApiVersions(REGION)).resolves.toHaveLength(1);
    expect(requests).toHaveLength(replies.length);
    expect(sleeps).toEqual(delays);
  });

  it("gives up after 3 attempts and says so plainly", async () => {
    const { client, sleeps, requests } = await setup(() => failing(500, { "X-Request-Id": "rid-500" }));
    const err = await swrRejection(client.listApiVersions(REGION));
    expect(requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(err).toMatchObject({ status: 500, retryable: true, requestId: "rid-500", message: "SWR internal error in cn-north-4; try again later." });
  });

  it("keeps SWR's Retry-After on the error for callers that schedule their own retry", async () => {
    const { client } = await setup(() => failing(429, { "Retry-After": "7" }), { maxAttempts: 1 });
    expect((await swrRejection(client.listApiVersions(REGION))).retryAfterMs).toBe(7_000);
  });

  it("honours a smaller SWR_MAX_ATTEMPTS", async () => {
    const { client, requests } = await setup(() => failing(500), { maxAttempts: 1 });
    await swrRejection(client.listApiVersions(REGION));
    expect(requests).toHaveLength(1);
  });

  it.each([400, 404, 403])("does not retry a GET answered %i", async (status) => {
    const { client, requests } = await setup(() => failing(status));
    expect((await swrRejection(client.showNamespace(REGION, "team-a"))).status).toBe(status);
    expect(requests).toHaveLength(1);
  });

  it.each([500, 503, 429])("never retries the manual-sync POST, even on %i", async (status) => {
    const { client, requests, sleeps } = await setup(() => failing(status));
    const sync = client.createManualSync(REGION, "team-a", "nginx", { imageTag: ["latest"], remoteNamespace: "backup", remoteRegionId: "ap-southeast-1" });
    expect((await swrRejection(sync)).status).toBe(status);
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries the DELETE of an auto-sync rule", async () => {
    const { client, requests } = await setup((_r, i) => (i === 0 ? failing(500) : ok({})));
    await client.deleteAutoSyncRule(REGION, "team-a", "nginx", { remoteNamespace: "backup", remoteRegionId: "ap-southeast-1" });
    expect(requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("times out each attempt and reports the wait", async () => {
    const { client, requests } = await setup(() => "hang", { timeoutMs: 200 });
    const err = await swrRejection(client.listApiVersions(REGION));
    expect(err).toMatchObject({ kind: "timeout", retryable: true, message: "SWR in cn-north-4 did not answer within 0.2 s; try again later." });
    expect(requests).toHaveLength(3);
  });

  it("names the host it could not reach", async () => {
    const closed = await startStub(() => ok());
    await closed.close();
    const { client } = await setup(() => ok(), { swrEndpointTemplate: `${closed.url}/{region}`, maxAttempts: 1 });
    const err = await swrRejection(client.listApiVersions(REGION));
    expect(err.kind).toBe("network");
    expect(err.message).toBe(
      `Could not reach SWR at ${new URL(closed.url).host} (ECONNREFUSED); check the endpoint setting and this server's network.`,
    );
  });
});

describe("hedged attempts", () => {
  const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const hedging = (extra: Partial<SwrClientConfig> = {}) => {
    const lines: { msg: string; line: Record<string, unknown> }[] = [];
    const debug = (line: Record<string, unknown>, msg: string) => void lines.push({ msg, line });
    const log = { debug, warn: () => undefined } as unknown as SwrClientConfig["log"];
    return { config: { sleep: realSleep, hedgeAfterMs: 50, timeoutMs: 10_000, log, ...extra }, lines };
  };

  it("sends a read still out after hedgeAfterMs once more, takes the answer and cancels the hung request", async () => {
    const { config, lines } = hedging();
    const { client, requests } = await setup((_r, i) => (i === 0 ? "hang" : ok()), config);
    await expect(client.listApiVersions(REGION)).resolves.toHaveLength(1);
    expect(requests).toHaveLength(2);
    // Both signed afresh, as any attempt is.
    expect(requests[1]!.headers.authorization).toBeDefined();
    expect(lines.map((l) => l.msg)).toEqual(["SWR call", "SWR call cancelled: the other of its hedged pair answered first"]);
    expect(lines[0]!.line).toMatchObject({ attempt: 1, hedge: true, status: 200 });
  });

  it("sends nothing more when the answer comes first", async () => {
    const { config } = hedging({ hedgeAfterMs: 2_000 });
    const { client, requests } = await setup(() => ok(), config);
    await expect(client.listApiVersions(REGION)).resolves.toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it("goes on to the next attempt when the hedge fails in a way worth retrying, cancelling the hung request", async () => {
    const { config, lines } = hedging();
    // The first hangs, the hedge fails at once with a 500; the retry's request answers.
    const { client, requests } = await setup((_r, i) => (i === 0 ? "hang" : i === 1 ? failing(500) : ok()), config);
    await expect(client.listApiVersions(REGION)).resolves.toHaveLength(1);
    expect(requests).toHaveLength(3);
    expect(lines.map((l) => [l.msg, l.line.attempt])).toEqual([
      ["SWR call failed", 1],
      ["SWR call cancelled: the other of its hedged pair answered first", 1],
      ["SWR call", 2],
    ]);
  });

  it("never sends a sync_images call twice: it is not idempotent", async () => {
    const { config } = hedging({ timeoutMs: 300 });
    const { client, requests } = await setup(() => "hang", config);
    const err = await swrRejection(
      client.createManualSync(REGION, "team-a", "nginx", { imageTag: ["1.25"], override: false, remoteNamespace: "team-a", remoteRegionId: "cn-east-3" }),
    );
    expect(err.kind).toBe("timeout");
    expect(requests).toHaveLength(1);
  });

  it("ends each attempt at the time-out when both requests hang", async () => {
    const { config } = hedging({ timeoutMs: 200, maxAttempts: 2 });
    const { client, requests } = await setup(() => "hang", config);
    const err = await swrRejection(client.listApiVersions(REGION));
    expect(err).toMatchObject({ kind: "timeout", message: "SWR in cn-north-4 did not answer within 0.2 s; try again later." });
    expect(requests).toHaveLength(4);
  });
});

describe("error bodies over the wire", () => {
  it.each<[string, StubReply, { code?: string; swrMessage?: string; requestId?: string }]>([
    ["(a)", { status: 403, json: { errors: [{ errorCode: "SVCSTG.SWR.4030170", errorMessage: "Insufficient permissions" }], error_code: "SVCSTG.SWR.4030170", error_msg: "Insufficient permissions" }, headers: { "X-Request-Id": "rid-a" } }, { code: "SVCSTG.SWR.4030170", swrMessage: "Insufficient permissions", requestId: "rid-a" }],
    ["(b)", { status: 400, json: { errorCode: "SVCSTG.SWR.4000014", errorMessage: "Invalid parameter", detail: "" } }, { code: "SVCSTG.SWR.4000014", swrMessage: "Invalid parameter" }],
    ["(c)", { status: 404, json: [{ errorCode: "SVCSTG.SWR.4040010", errorMessage: "repo not found", detail: "" }] }, { code: "SVCSTG.SWR.4040010", swrMessage: "repo not found" }],
    ["(d)", { status: 401, json: { error_msg: "Incorrect IAM authentication information", error_code: "APIGW.0301", request_id: "rid-d" } }, { code: "APIGW.0301", requestId: "rid-d" }],
    ["(e)", { status: 401, json: { error: { code: 401, message: "The token must be updated", title: "Unauthorized" } } }, { code: "401", swrMessage: "The token must be updated" }],
  ])("shape %s", async (_what, reply, expected) => {
    const { client } = await setup(() => reply);
    expect(await swrRejection(client.showRepository(REGION, "team-a", "apps/web"))).toMatchObject(expected);
  });

  it("keeps secrets out of messages, JSON and inspection", async () => {
    const echo = `bad signature for Access=${AK}, Signature=${"f".repeat(64)} computed with ${SK}`;
    const { client } = await setup(() => ({ status: 401, json: { error_code: "APIGW.0301", error_msg: echo } }));
    const err = await swrRejection(client.listNamespaces(REGION));
    expect(err.message).toBe("SWR rejected the credentials (check SWR_AK/SWR_SK or the server clock).");
    for (const text of [err.message, JSON.stringify(err), inspect(err), String(err.stack)]) {
      expect(text).not.toContain(SK);
      expect(text).not.toContain(AK);
      expect(text).not.toContain("f".repeat(64));
    }
  });

  it("does not expose credentials through the client object", async () => {
    const { client } = await setup(() => ok());
    expect(Object.keys(client)).not.toContain("credentials");
    for (const text of [JSON.stringify(client), inspect(client, { depth: 5, showHidden: true })]) expect(text).not.toContain(SK);
  });
});

describe("requests on the wire", () => {
  /** Re-derives the signature from what the server received, as SWR's gateway would. */
  function verify(req: StubRequest) {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) throw new Error("no Authorization header");
    const headerValue = (name: string) => String(req.headers[name]);
    const signedHeaders = Object.fromEntries(auth.signedHeaders.map((h) => [h, headerValue(h)]));
    const query: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(req.rawQuery)) (query[k] ??= []).push(v);
    const { request } = canonicalRequest({ method: req.method, path: decodeURI(req.path), query, signedHeaders, payloadHash: payloadHash(req.body) });
    return { auth, expected: signature(SK, stringToSign(headerValue("x-sdk-date"), request)) };
  }

  it("sends `$` in the path, an encoded filter, and a signature the server can verify", async () => {
    const { client, requests } = await setup(() => ok([], { "Content-Range": "0-0/0" }));
    await client.listSyncJobs(REGION, "team-a", "apps/web", { limit: 10 });
    const [req] = requests;
    expect(req?.path).toBe("/cn-north-4/v2/manage/namespaces/team-a/repos/apps$web/sync_job");
    expect(req?.rawQuery).toBe("filter=limit%3A%3A10%7Coffset%3A%3A0%7Corder%3A%3Adesc");
    expect(req?.headers["x-project-id"]).toBe(PROJECT);
    expect(req?.headers["x-sdk-date"]).toBe("20240315T083000Z");
    const { auth, expected } = verify(req!);
    expect(auth.signedHeaders).toEqual(["content-type", "host", "x-project-id", "x-sdk-date"]);
    expect(auth.signature).toBe(expected);
  });

  it("signs the JSON body it sends and the security token", async () => {
    const { client, requests } = await setup(() => ok([]), { credentials: { kind: "aksk", ak: AK, sk: SK, securityToken: "sts-token-1" } });
    await client.createManualSync(REGION, "team-a", "nginx", { imageTag: ["1.25.3", "latest"], remoteNamespace: "team-a-backup", remoteRegionId: "ap-southeast-1" });
    const [req] = requests;
    expect(req?.body).toBe('{"imageTag":["1.25.3","latest"],"override":false,"remoteNamespace":"team-a-backup","remoteRegionId":"ap-southeast-1"}');
    expect(req?.headers["content-type"]).toBe("application/json");
    const { auth, expected } = verify(req!);
    expect(auth.signedHeaders).toContain("x-security-token");
    expect(auth.signature).toBe(expected);
  });

  it("returns Content-Range as a page", async () => {
    const { client } = await setup(() => ok([{ Tag: "a" }, { Tag: "b" }], { "Content-Range": "0-2/40" }));
    expect(await client.listTags(REGION, "team-a", "nginx", { limit: 2 })).toMatchObject({ total: 40, offset: 0, limit: 2 });
  });
});
