import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { logContext, requestIdOf, withLogContext } from "./context";
import { createLogger, REDACTED } from "./logger";

// The logger's own guarantees: JSON lines, secrets censored wherever the usual keys put them, context on every line.

function capture(level: "debug" | "info" = "debug") {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level, format: "json" }, sink), lines, raw };
}

const SECRET = "s3cr3t-value-that-must-not-appear";

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO time and the level's name", () => {
    const { log, lines } = capture();
    log.info({ jobs: 2 }, "hello");
    expect(lines[0]).toMatchObject({ level: "info", msg: "hello", jobs: 2, pid: process.pid });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it.each([
    ["an AK and SK", { ak: SECRET, sk: SECRET }],
    ["the environment's secrets", { env: { NEXTAUTH_SECRET: SECRET, SWR_SK: SECRET, SWR_IAM_PASSWORD: SECRET, DATABASE_URL: SECRET } }],
    ["a password and its hash", { user: { email: "a@example.com", password: SECRET, passwordHash: SECRET } }],
    ["tokens", { token: SECRET, detail: { sessionToken: SECRET, securityToken: SECRET, csrfToken: SECRET } }],
    ["request headers", { req: { headers: { authorization: `Bearer ${SECRET}`, cookie: `next-auth.session-token=${SECRET}` } } }],
    ["SWR's auth headers", { call: { headers: { "X-Auth-Token": SECRET, "x-subject-token": SECRET, "X-Security-Token": SECRET } } }],
    ["response headers", { headers: { "set-cookie": SECRET, Authorization: SECRET } }],
  ])("censors %s", (_, fields) => {
    const { log, raw } = capture();
    log.info(fields, "line");
    expect(raw.join("")).not.toContain(SECRET);
    expect(raw.join("")).toContain(REDACTED);
  });

  it("keeps ordinary fields", () => {
    const { log, lines } = capture();
    log.info({ user: { email: "a@example.com", role: "admin" }, headers: { "content-type": "application/json" } }, "line");
    expect(lines[0]).toMatchObject({ user: { email: "a@example.com", role: "admin" }, headers: { "content-type": "application/json" } });
  });

  it("serializes errors under err with their message and stack", () => {
    const { log, lines } = capture();
    log.error({ err: new Error("boom") }, "failed");
    expect(lines[0]).toMatchObject({ level: "error", err: { type: "Error", message: "boom" } });
    expect((lines[0]!.err as { stack: string }).stack).toContain("logger.test.ts");
  });

  it("drops lines below its level", () => {
    const { log, lines } = capture("info");
    log.debug("hidden");
    log.info("shown");
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
  });
});

describe("log context", () => {
  it("adds the request id and job id to every line inside, across awaits and timers, and nothing outside", async () => {
    const { log, lines } = capture();
    log.info("before");
    await withLogContext({ requestId: "req-12345678" }, async () => {
      log.info("start");
      await sleep(1);
      await new Promise<void>((resolve) => setTimeout(() => (log.info("timer"), resolve()), 1));
      await withLogContext({ jobId: "job-1" }, async () => log.child({ component: "sync" }).info("nested"));
      expect(logContext()).toEqual({ requestId: "req-12345678" });
    });
    log.info("after");
    expect(lines.map((l) => [l.msg, l.requestId, l.jobId])).toEqual([
      ["before", undefined, undefined],
      ["start", "req-12345678", undefined],
      ["timer", "req-12345678", undefined],
      ["nested", "req-12345678", "job-1"],
      ["after", undefined, undefined],
    ]);
  });

  it("keeps two concurrent requests apart", async () => {
    const { log, lines } = capture();
    const one = (id: string, ms: number) =>
      withLogContext({ requestId: id }, async () => {
        await sleep(ms);
        log.info(id);
      });
    await Promise.all([one("request-a-1", 5), one("request-b-1", 1)]);
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["request-b-1", "request-b-1"],
      ["request-a-1", "request-a-1"],
    ]);
  });
});

describe("requestIdOf", () => {
  const headers = (id?: string) => new Headers(id === undefined ? {} : { "x-request-id": id });
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it.each(["0f8fad5b-d9cb-469f-a165-70867728950e", "01HZX3J8K2M4N6P8Q0R2S4T6V8", "Root=1-67891233-abcdef012345678912345678", "trace.id_1:2"])(
    "keeps a sane incoming id: %s",
    (id) => expect(requestIdOf(headers(id))).toBe(id),
  );

  it.each([
    ["none", undefined],
    ["empty", ""],
    ["too short", "abc"],
    ["too long", "a".repeat(129)],
    ["spaces", "has some spaces"],
    ["a forged log field", 'x","level":"fatal'],
    ["a tab", "abcdefgh\tfake"],
    ["non-ASCII", "ééééééééé"],
  ])("makes a new one for %s", (_, id) => expect(requestIdOf(headers(id))).toMatch(UUID));
});
