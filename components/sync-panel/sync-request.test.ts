import { describe, expect, it } from "vitest";
import type { SyncSelection } from "@/components/browse/selection";
import { multiJobSchema, singleJobSchema } from "@/lib/jobs/schemas";
import { buildSyncRequest, canonicalSyncRequest, isMultiSyncRequest, normalizeSyncRequest, type SyncRequestInput } from "./sync-request";

// The body the sync panel sends: the one-repository form for one repository to one target, the multi form otherwise,
// and either accepted by the server's own schema.

const source = { region: "cn-north-4", namespace: "team-a" };
const eastTarget = { region: "cn-east-3", namespace: "team-a" };
const overseasTarget = { region: "ap-southeast-1", namespace: "team-a-backup" };
const picked = (...tags: string[]): SyncSelection => ({ kind: "tags", tags: new Set(tags) });
const every: SyncSelection = { kind: "all", count: 5 };

function build(patch: Partial<SyncRequestInput>) {
  return buildSyncRequest({ source, repositories: [{ name: "nginx", selection: picked("latest", "1.25.3") }], targets: [eastTarget], override: false, ...patch });
}

describe("buildSyncRequest", () => {
  it("sends one repository to one target in the one-repository form", () => {
    const body = build({});
    expect(body).toEqual({
      sourceRegion: "cn-north-4",
      sourceNamespace: "team-a",
      sourceRepository: "nginx",
      targetRegion: "cn-east-3",
      targetNamespace: "team-a",
      tags: ["1.25.3", "latest"],
      override: false,
    });
    expect(isMultiSyncRequest(body)).toBe(false);
    expect(singleJobSchema.safeParse(body).success).toBe(true);
  });

  it.each<[string, SyncSelection, object]>([
    ["every tag", every, { tagSelector: { all: true } }],
    ["a pattern", { kind: "pattern", pattern: "1.25.*" }, { tagSelector: { pattern: "1.25.*" } }],
    ["a search", { kind: "search", q: "alp", count: 1 }, { tagSelector: { pattern: "*alp*" } }],
  ])("sends %s of one repository as a selector", (_, selection, expected) => {
    const body = build({ repositories: [{ name: "nginx", selection }] });
    expect(body).toMatchObject({ sourceRepository: "nginx", ...expected });
    expect(body).not.toHaveProperty("tags");
    expect(singleJobSchema.safeParse(body).success).toBe(true);
  });

  it("sends one repository to two targets in the multi form, targets in the order asked", () => {
    const body = build({ targets: [eastTarget, overseasTarget], override: true });
    expect(body).toEqual({
      source,
      repositories: [{ name: "nginx", tags: ["1.25.3", "latest"] }],
      targets: [eastTarget, overseasTarget],
      override: true,
    });
    expect(isMultiSyncRequest(body)).toBe(true);
    expect(multiJobSchema.safeParse(body).success).toBe(true);
  });

  it("sends several repositories to one target in the multi form, each with its own selection", () => {
    const body = build({
      repositories: [
        { name: "nginx", selection: every },
        { name: "apps/web", selection: { kind: "pattern", pattern: "1.*" } },
      ],
    });
    expect(body).toEqual({
      source,
      repositories: [
        { name: "nginx", tagSelector: { all: true } },
        { name: "apps/web", tagSelector: { pattern: "1.*" } },
      ],
      targets: [eastTarget],
      override: false,
    });
    expect(multiJobSchema.safeParse(body).success).toBe(true);
  });
});

describe("normalizeSyncRequest", () => {
  it("spells the one-repository form one way: namespace trimmed, tags unique and sorted", () => {
    const body = normalizeSyncRequest({ ...build({}), targetNamespace: " team-a ", tags: ["latest", "1.25.3", "latest"] });
    expect(body).toMatchObject({ targetNamespace: "team-a", tags: ["1.25.3", "latest"] });
  });

  it("sorts the repositories of the multi form by name and keeps the targets' order", () => {
    const body = normalizeSyncRequest({
      source,
      repositories: [
        { name: "redis", tagSelector: { pattern: " 7.* " } },
        { name: "nginx", tags: ["latest", "1.25.3"] },
      ],
      targets: [overseasTarget, { region: "cn-east-3", namespace: " team-a " }],
      override: false,
    });
    expect(body).toEqual({
      source,
      repositories: [
        { name: "nginx", tags: ["1.25.3", "latest"] },
        { name: "redis", tagSelector: { pattern: "7.*" } },
      ],
      targets: [overseasTarget, eastTarget],
      override: false,
    });
  });

  it("makes two target orders one canonical request", () => {
    const one = build({ targets: [eastTarget, overseasTarget] });
    const other = build({ targets: [overseasTarget, eastTarget] });
    expect(normalizeSyncRequest(one)).not.toEqual(normalizeSyncRequest(other));
    expect(canonicalSyncRequest(one)).toEqual(canonicalSyncRequest(other));
  });
});
