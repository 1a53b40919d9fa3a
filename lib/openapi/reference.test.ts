import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { OPERATIONS } from "./operations";
import { apiReference, schemaRefName } from "./reference";

// The reference page's reading of the document: each operation once under its tag, error answers resolved, access named.

const reference = apiReference(openApiDocument());
const all = reference.tags.flatMap((t) => t.operations);

describe("apiReference", () => {
  it("lists every operation once, under its tag", () => {
    expect(all.map((op) => op.id).sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
    for (const tag of reference.tags)
      for (const op of tag.operations) expect(OPERATIONS.find((o) => o.id === op.id)?.tag).toBe(tag.name);
  });

  it("shows POST /api/jobs with its role, body schema, examples and resolved error answers", () => {
    const start = all.find((op) => op.method === "POST" && op.path === "/api/jobs");
    expect(start).toMatchObject({ summary: "Start a sync job", access: { kind: "role", role: "operator" } });
    expect(schemaRefName(start!.requestBody!.schema!)).toBe("CreateJobRequest");
    expect(start!.requestBody!.examples.map((e) => e.name)).toEqual(["tags", "pattern", "all", "namespace"]);
    const unauthenticated = start!.responses.find((r) => r.status === "401");
    expect(unauthenticated?.description).toMatch(/unauthenticated/);
    expect(unauthenticated?.shared).toBe("Unauthenticated");
    expect(schemaRefName(unauthenticated!.content!.schema!)).toBe("Error");
    const shared = reference.errors.find((e) => e.name === "Unauthenticated");
    expect(shared?.content?.examples[0]?.value).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("names access without a role", () => {
    expect(all.find((op) => op.path === "/api/openapi.json")?.access).toEqual({ kind: "public" });
    expect(all.find((op) => op.path === "/api/metrics")?.access).toEqual({ kind: "metricsToken" });
  });

  it("lists the named schemas and the security schemes", () => {
    expect(reference.schemas.map((s) => s.name)).toEqual(
      expect.arrayContaining(["JobDetail", "CreateJobRequest", "Error"]),
    );
    expect(reference.securitySchemes.map((s) => s.name)).toEqual([
      "sessionCookie",
      "bearerAuth",
      "metricsToken",
    ]);
  });
});
