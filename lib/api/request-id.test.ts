import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { actAs, APP_ORIGIN, callRoute } from "@/test/api-routes";
import { logger } from "@/lib/log";
import { route } from "./handler";

vi.mock("@/lib/auth/session-cookie");
vi.mock("@/lib/env", () => ({ env: () => ({ NEXTAUTH_URL: APP_ORIGIN, LOG_LEVEL: "debug", LOG_FORMAT: "json" }) }));

// Request ids: every answer names its request, and every log line written while serving it carries the same id.

const viewer = { id: "u1", email: "v@example.com", name: null, role: "viewer" as const };

const logsAndAnswers = route({ role: "viewer" }, async () => {
  logger("test").info("inside the handler");
  await new Promise((resolve) => setTimeout(resolve, 1));
  logger("test").warn("after an await");
  return Response.json({ ok: true });
});
const fails = route({ role: "viewer" }, async () => {
  throw new Error("kaput: the database went away");
});

let stdout: MockInstance<typeof process.stdout.write>;
const lines = () =>
  stdout.mock.calls
    .flatMap(([chunk]) => String(chunk).split("\n"))
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeEach(() => {
  actAs(viewer);
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => stdout.mockRestore());

describe("request ids", () => {
  it("answers with a new X-Request-Id and puts it on every line of the request", async () => {
    const res = await callRoute(logsAndAnswers, "/api/x?q=1");
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().map((l) => [l.msg, l.requestId])).toEqual([
      ["inside the handler", id],
      ["after an await", id],
      ["request answered", id],
    ]);
    expect(lines().at(-1)).toMatchObject({ component: "http", method: "GET", path: "/api/x", status: 200, level: "debug" });
  });

  it("keeps the caller's sane X-Request-Id", async () => {
    const res = await callRoute(logsAndAnswers, "/api/x", { headers: { "x-request-id": "lb-0f8fad5b-d9cb-469f" } });
    expect(res.headers.get("x-request-id")).toBe("lb-0f8fad5b-d9cb-469f");
    expect(lines().every((l) => l.requestId === "lb-0f8fad5b-d9cb-469f")).toBe(true);
  });

  it("replaces a bad incoming X-Request-Id instead of logging it", async () => {
    const forged = 'x" level=fatal msg=forged';
    const res = await callRoute(logsAndAnswers, "/api/x", { headers: { "x-request-id": forged } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().every((l) => l.requestId === id)).toBe(true);
    expect(stdout.mock.calls.join("")).not.toContain("forged");
  });

  it("gives refusals an id too, and logs them at info", async () => {
    actAs(null);
    const res = await callRoute(logsAndAnswers, "/api/x");
    expect(res.status).toBe(401);
    expect(lines()).toEqual([expect.objectContaining({ msg: "request answered", status: 401, level: "info", requestId: res.headers.get("x-request-id") })]);
  });

  it("logs an unhandled error with its stack under the request's id, and answers 500 without its details", async () => {
    const res = await callRoute(fails, "/api/x", { body: { a: 1 } });
    const id = res.headers.get("x-request-id");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("kaput");
    const [error, answered] = lines();
    expect(error).toMatchObject({ level: "error", component: "api", requestId: id, msg: "unhandled error in route handler", err: { message: "kaput: the database went away" } });
    expect((error!.err as { stack: string }).stack).toContain("request-id.test.ts");
    expect(answered).toMatchObject({ msg: "request answered", method: "POST", status: 500, level: "error", requestId: id });
  });
});
