import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "./audit";

describe("auditQuerySchema", () => {
  it.each([
    [{}, { limit: 50 }],
    [{ action: "", outcome: "", cursor: "" }, { limit: 50 }],
    [{ action: "sign_in", outcome: "failure", limit: "10" }, { action: "sign_in", outcome: "failure", limit: 10 }],
  ])("accepts %j", (input, parsed) => {
    expect(auditQuerySchema.parse(input)).toEqual(parsed);
  });

  it.each([
    [{ action: "drop_tables" }, "action"],
    [{ outcome: "maybe" }, "outcome"],
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ cursor: "x".repeat(201) }, "cursor"],
  ])("rejects %j naming %s", (input, field) => {
    const result = auditQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});
