import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/errors";
import { decodeCursor } from "@/lib/db/cursor";
import { createJobSchema, jobFiltersSchema, jobIdParamsSchema } from "@/lib/jobs/schemas";
import { namespaceNameSchema, regionIdSchema, repositoryNameSchema, tagNameSchema } from "@/lib/swr/names";
import { emailSchema } from "@/lib/users/schemas";
import { NGINX_ROUTE } from "@/test/fixtures";

// Inputs one database refuses and the other stores are refused by validation, the same on both; lengths before rules.

const cursor = (at: string) => Buffer.from(JSON.stringify({ at, id: "x" })).toString("base64url");

describe("dates outside years 1–9999", () => {
  it.each(["0000-01-01", "0000-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00", "10000-01-01"])("from=%s is refused", (from) => {
    expect(jobFiltersSchema.safeParse({ from }).success).toBe(false);
  });

  it("takes the last day of year 9999 as an end bound, stopping at its last instant", () => {
    expect(jobFiltersSchema.parse({ to: "9999-12-31" }).to?.toISOString()).toBe("9999-12-31T23:59:59.999Z");
    expect(jobFiltersSchema.parse({ from: "0001-01-01" }).from?.toISOString()).toBe("0001-01-01T00:00:00.000Z");
  });

  it("refuses a cursor at year 0", () => {
    expect(() => decodeCursor(cursor("0000-01-01T00:00:00Z"))).toThrow(/not valid/);
    expect(decodeCursor(cursor("2024-01-01T00:00:00Z")).id).toBe("x");
  });
});

describe("length before any rule", () => {
  const huge = "a".repeat(8 * 1024 * 1024);
  it.each([
    ["namespace", namespaceNameSchema],
    ["repository", repositoryNameSchema],
    ["tag", tagNameSchema],
    ["region", regionIdSchema],
    ["email", emailSchema],
  ] as const)("an 8 MiB %s answers one length message, quickly", (_, schema) => {
    const started = performance.now();
    const result = schema.safeParse(huge);
    expect(result.error?.issues).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a job with an 8 MiB namespace (it overflowed the regex's stack)", () => {
    const result = createJobSchema.safeParse({ ...NGINX_ROUTE, sourceNamespace: huge, tags: ["latest"], override: false });
    expect(Object.keys(zodFieldErrors(result.error!))).toContain("sourceNamespace");
  });

  it.each(["a.b", "../x", "a b", "a/b"])("refuses job ID %j before a lookup", (id) => {
    expect(jobIdParamsSchema.safeParse({ id }).success).toBe(false);
  });
});
