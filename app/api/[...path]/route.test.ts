import { NO_STORE } from "@/test/api-headers";
import { describe, expect, it } from "vitest";
import { GET, POST } from "./route";

describe("an address under /api that no route serves", () => {
  it.each([
    ["GET", GET, "/api/nope"],
    ["POST", POST, "/api/jobs/x/y/z"],
  ])("%s answers 404 in the error shape with the API's headers, without a session", async (method, handler, target) => {
    const res = await handler(new Request(`http://localhost:3000${target}`, { method }));
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toMatch(NO_STORE);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await res.json()).toEqual({
      error: {
        code: "not_found",
        key: "errors.request.noSuchRoute",
        message: "There is no API route at this address; /api/openapi.json lists them all.",
      },
    });
  });
});
