import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { GET } from "./route";

describe("GET /api/openapi.json", () => {
  it("sends the document as JSON to anyone, never cached", async () => {
    const res = await GET(new Request("http://localhost:3000/api/openapi.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await res.json()).toStrictEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
