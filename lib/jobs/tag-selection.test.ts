import { describe, expect, it } from "vitest";
import type { Page, Tag } from "@/lib/swr";
import { AppError } from "@/lib/errors";
import type { RepositoryRequest } from "./schemas";
import { repositoryFields, selectTags, tagMatcher } from "./tag-selection";

// Which tags a request means, evaluated against the source's tag list (a fake SWR that pages like the real one).

const names = Array.from({ length: 2_500 }, (_, i) => `v1.${Math.floor(i / 100)}.${i % 100}`);
let calls = 0;
const swr = {
  async listTags(_r: string, _n: string, _p: string, o: { offset?: number; limit?: number } = {}): Promise<Page<Tag>> {
    calls++;
    const offset = o.offset ?? 0;
    const limit = o.limit ?? 100;
    const items = names.slice(offset, offset + limit).map((Tag) => ({ Tag, digest: `sha256:${Tag}` }) as Tag);
    return { items, total: names.length, offset, limit, totalKnown: true };
  },
};
const source = { region: "cn-north-4", namespace: "team-a" };
const base = { name: "web" };

describe("selectTags", () => {
  it("all tags: one walk of the source in pages of 1,000, every tag with its digest, by name", async () => {
    calls = 0;
    const got = await selectTags(source, { ...base, tagSelector: { all: true } }, swr, 50_000);
    expect(calls).toBe(3);
    expect(got.tags).toHaveLength(2_500);
    expect(got.tags).toEqual([...names].sort());
    expect(got.digests.get("v1.3.7")).toBe("sha256:v1.3.7");
  });

  it("a list stops walking once every tag is found", async () => {
    calls = 0;
    expect((await selectTags(source, { ...base, tags: ["v1.0.1", "v1.2.3"] }, swr, 50_000)).tags).toEqual(["v1.0.1", "v1.2.3"]);
    expect(calls).toBe(1);
  });

  it.each<[string, Partial<RepositoryRequest>, number, string, object, RegExp]>([
    [
      "more tags than the limit",
      { tagSelector: { all: true } },
      1_000,
      "tagSelector",
      { key: "jobErrors.allTagsTooMany", params: { repository: "team-a/web", count: 2_500, maximum: 1_000 } },
      /^All tags of “team-a\/web” are 2,500 tags; one job holds at most 1,000 \(SYNC_MAX_TAGS_PER_JOB\)/,
    ],
    [
      "a pattern over the limit",
      { tagSelector: { pattern: "v1.1*" } },
      100,
      "tagSelector",
      { key: "jobErrors.patternTooMany", params: { pattern: "v1.1*", repository: "team-a/web", count: 1_100, maximum: 100 } },
      /^The pattern “v1.1\*” selects 1,100 tags of “team-a\/web”; one job holds at most 100/,
    ],
    [
      "a list with missing tags",
      { tags: ["v1.0.1", "v9", "v8"] },
      50_000,
      "tags",
      { key: "jobErrors.tagsMissing", params: { count: 2, region: "cn-north-4", repository: "team-a/web", names: { key: "jobErrors.nameList", params: { names: "v9, v8", more: 0 } } } },
      /^These 2 tags do not exist in “team-a\/web” in cn-north-4: v9, v8\.$/,
    ],
  ])("refuses %s", async (_, over, max, field, message, english) => {
    const error = await selectTags(source, { ...base, ...over }, swr, max).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ msg: message, fieldMessages: { [field]: [message] }, message: expect.stringMatching(english) });
  });

  it("says when a list has one missing tag", async () => {
    await expect(selectTags(source, { ...base, tags: ["v9"] }, swr, 50_000)).rejects.toThrow("This tag does not exist in “team-a/web” in cn-north-4: v9.");
  });
});

describe("repositoryFields", () => {
  it("names fields in the form the request came in", () => {
    expect(repositoryFields(true, 0).tags).toBe("tags");
    expect(repositoryFields(false, 3)).toEqual({ repository: "repositories.3.name", tags: "repositories.3.tags", tagSelector: "repositories.3.tagSelector" });
  });
});

describe("tagMatcher", () => {
  it.each([
    ["v1.*", "v1.2", true],
    ["v1.*", "v10.2", false],
    ["v?.0", "v1.0", true],
    ["{latest,stable}", "stable", true],
    ["v1.[0-2].0", "v1.3.0", false],
    ["!v1.*", "v2.0", true],
    [".hidden*", ".hidden-tag", true],
  ])("%s matches %s: %s", (pattern, tag, expected) => {
    expect(tagMatcher(pattern)(tag)).toBe(expected);
  });

  it("names the problem of a pattern it cannot use", () => {
    expect(() => tagMatcher("v1.[")).toThrow(AppError);
    try {
      tagMatcher("v1.[");
    } catch (error) {
      expect(error).toMatchObject({ msg: { key: "errors.invalidFields" }, fieldMessages: { "tagSelector.pattern": [{ key: "jobErrors.invalidPattern", params: { reason: expect.any(String) } }] } });
    }
  });
});
