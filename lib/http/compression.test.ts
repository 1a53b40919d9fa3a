import { describe, expect, it } from "vitest";
import { COMPRESS_MIN_BYTES, jsonAnswer, uncompressedWhenSmall } from "./compression";

const json = (size: number, init?: ResponseInit) => Response.json({ pad: "x".repeat(size - '{"pad":""}'.length) }, init);

describe("uncompressedWhenSmall", () => {
  it("marks a JSON answer under the threshold no-transform, keeping status, headers and body", async () => {
    const before = json(COMPRESS_MIN_BYTES - 1, { status: 404, headers: { "Cache-Control": "no-store", "X-Request-Id": "r1" } });
    const after = await uncompressedWhenSmall(before);
    expect(after.status).toBe(404);
    expect(after.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(after.headers.get("x-request-id")).toBe("r1");
    expect((await after.text()).length).toBe(COMPRESS_MIN_BYTES - 1);
  });

  it("leaves a JSON answer of the threshold or more to the server's compression", async () => {
    const after = await uncompressedWhenSmall(json(COMPRESS_MIN_BYTES, { headers: { "Cache-Control": "no-store" } }));
    expect(after.headers.get("cache-control")).toBe("no-store");
    expect((await after.text()).length).toBe(COMPRESS_MIN_BYTES);
  });

  it("says no-transform alone when the answer had no Cache-Control", async () => {
    expect((await uncompressedWhenSmall(json(20))).headers.get("cache-control")).toBe("no-transform");
  });

  it("does not touch answers that are not JSON or have no body", async () => {
    const csv = new Response("a,b\n", { headers: { "Content-Type": "text/csv" } });
    expect(await uncompressedWhenSmall(csv)).toBe(csv);
    const empty = new Response(null, { status: 204 });
    expect(await uncompressedWhenSmall(empty)).toBe(empty);
  });

  it("marks a jsonAnswer() by the size it kept, without reading or rebuilding it", async () => {
    const small = jsonAnswer({ pad: "é".repeat(400) }, { status: 201, headers: { "Cache-Control": "no-store" } });
    // Under the threshold in characters, over it in bytes (é is two bytes in UTF-8): the size is counted in bytes.
    const large = jsonAnswer({ pad: "é".repeat(600) });
    const tiny = jsonAnswer({ ok: true });
    expect(await uncompressedWhenSmall(small)).toBe(small);
    expect(small.bodyUsed).toBe(false);
    expect(small.status).toBe(201);
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await small.json()).toEqual({ pad: "é".repeat(400) });
    expect(await uncompressedWhenSmall(large)).toBe(large);
    expect(large.headers.get("cache-control")).toBeNull();
    expect(await uncompressedWhenSmall(tiny)).toBe(tiny);
    expect(tiny.headers.get("cache-control")).toBe("no-transform");
  });

  it("keeps a content type the caller gave jsonAnswer()", () => {
    expect(jsonAnswer({}, { headers: { "Content-Type": "application/json; charset=utf-8" } }).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
  });
});
