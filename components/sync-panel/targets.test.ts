import { describe, expect, it } from "vitest";
import { MAX_TARGETS_PER_JOB } from "@/lib/jobs/limits";
import { addTarget, duplicateTargets, firstTargets, removeTarget, updateTarget } from "./targets";

describe("the sync panel's target rows", () => {
  it("start with one row in the source's namespace and add rows the same way, up to the limit", () => {
    let rows = firstTargets("team-a");
    expect(rows).toEqual([{ key: 0, region: "", namespace: "team-a" }]);
    for (let i = 0; i < MAX_TARGETS_PER_JOB + 2; i++) rows = addTarget(rows, "team-a");
    expect(rows).toHaveLength(MAX_TARGETS_PER_JOB);
    expect(new Set(rows.map((r) => r.key)).size).toBe(MAX_TARGETS_PER_JOB);
  });

  it("remove a row by key but never the only one", () => {
    const two = addTarget(firstTargets("team-a"), "team-a");
    expect(removeTarget(two, 0).map((r) => r.key)).toEqual([1]);
    expect(removeTarget(removeTarget(two, 0), 1)).toHaveLength(1);
  });

  it("tell a row naming the same region and namespace as an earlier one, ignoring spaces and rows without a region", () => {
    let rows = addTarget(addTarget(addTarget(firstTargets("team-a"), "team-a"), "team-a"), "team-a");
    rows = updateTarget(rows, 0, { region: "cn-east-3" });
    rows = updateTarget(rows, 1, { region: "cn-east-3", namespace: " team-a " });
    rows = updateTarget(rows, 2, { region: "cn-east-3", namespace: "team-b" });
    expect([...duplicateTargets(rows)]).toEqual([1]);
  });
});
