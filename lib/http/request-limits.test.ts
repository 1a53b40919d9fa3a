import { describe, expect, it } from "vitest";
import { english } from "@/i18n/english";
import { AppError } from "@/lib/errors";
import { MAX_TAGS_PER_JOB } from "@/lib/jobs/limits";
import { JOB_BODY_LIMIT } from "@/lib/jobs/schemas";
import { NGINX_ROUTE } from "@/test/fixtures";
import { findUnsafeString, MAX_BODY_LIMIT, readBodyBytes, requestTargetProblem } from "./request-limits";

const at = (target: string) => requestTargetProblem(`http://localhost:3000${target}`);

describe("requestTargetProblem", () => {
  it.each([
    ["/api/jobs/%", "addressMalformed", /percent-escape/],
    ["/api/jobs/%zz", "addressMalformed", /percent-escape/],
    ["/api/jobs/%ED%A0%80", "addressMalformed", /percent-escape/],
    ["/api/jobs/%zz/retry", "addressMalformed", /percent-escape/],
    ["/api/users/%C0%AF", "addressMalformed", /percent-escape/],
    ["/api/jobs/a%00b", "addressControl", /control characters/],
    ["/api/jobs/a%1Fb", "addressControl", /control characters/],
    [`/api/jobs/${"a".repeat(1025)}`, "addressPartTooLong", /longer than 1,024/],
    ["/api/jobs?user=%zz", "queryMalformed", /query/],
    ["/api/jobs?user=%00", "queryControl", /control characters/],
    ["/jobs?user=a%00b", "queryControl", /control characters/],
    ["/api/jobs?from=%E2%82", "queryMalformed", /query/],
    [`/api/jobs?q=${"a".repeat(20_000)}`, "addressTooLong", /longer than 16,384/],
    ["/jobs/%", "addressMalformed", /percent-escape/],
  ])("%s is refused", (target, key, english_) => {
    const problem = at(target);
    expect(problem?.key).toBe(`errors.request.${key}`);
    expect(english(problem!)).toMatch(english_);
  });

  it.each(["/api/jobs", "/api/jobs/cm123?since=4", "/api/tags?q=v1%2E2&tag=a&tag=b", "/repositories/cn-north-4/team-a/apps/web%2Fx", "/api/jobs/%E2%9C%93"])(
    "%s passes",
    (target) => {
      expect(at(target)).toBeNull();
    },
  );
});

describe("readBodyBytes", () => {
  function endless(chunkBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
    let pulls = 0;
    const chunk = new Uint8Array(chunkBytes);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
    });
    return { stream, pulled: () => pulls };
  }

  it("stops reading a stream once it passes the limit (413), without a Content-Length", async () => {
    const { stream, pulled } = endless(64 * 1024);
    const request = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readBodyBytes(request, 1024 * 1024)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(pulled()).toBeLessThanOrEqual(1024 / 64 + 3);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, pulled } = endless(1);
    const request = new Request("http://x/", { method: "POST", body: stream, duplex: "half", headers: { "content-length": "20000000" } } as RequestInit);
    await expect(readBodyBytes(request, 1024 * 1024)).rejects.toBeInstanceOf(AppError);
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("returns a body under the limit whole", async () => {
    const request = new Request("http://x/", { method: "POST", body: "a".repeat(1000) });
    expect((await readBodyBytes(request, 1000)).byteLength).toBe(1000);
  });
});

describe("body limits", () => {
  it("lets POST /api/jobs carry the largest tag list: 50,000 tags of 128 characters, pretty-printed", () => {
    const tags = Array.from({ length: MAX_TAGS_PER_JOB }, (_, i) => `${i}`.padStart(128, "t"));
    const body = JSON.stringify({ ...NGINX_ROUTE, override: false, tags }, null, 2);
    expect(new TextEncoder().encode(body).byteLength).toBeLessThanOrEqual(JOB_BODY_LIMIT);
    expect(JOB_BODY_LIMIT).toBeLessThanOrEqual(MAX_BODY_LIMIT);
  });
});

describe("findUnsafeString", () => {
  it.each([
    [{ a: "ok", b: ["x", { c: "a\u0000b" }] }, "b.1.c"],
    [{ "k\u0001": 1 }, "k\u0001"],
    [["\ud800"], "0"],
    ["\u007f", "_"],
    [{ a: "tab\tinside" }, "a"],
    [{ a: "ok", b: 1, c: null, d: ["😀"] }, null],
  ])("%j → %s", (input, path) => {
    expect(findUnsafeString(input)).toBe(path);
  });
});
