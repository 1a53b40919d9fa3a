import { describe, expect, it } from "vitest";
import { english } from "@/i18n/english";
import type { Message } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { hashJobRequest } from "@/lib/jobs/request-hash";
import { zodFieldMessages } from "@/lib/validation/issue-messages";
import { parseIdempotencyKey } from "./idempotency-key";
import { createJobSchema, jobListQuerySchema, nameList } from "./schemas";

const good = {
  sourceRegion: "cn-north-4",
  sourceNamespace: "team-a",
  sourceRepository: "apps/web",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-a",
  tags: ["latest", "1.0.0"],
  override: false,
};

/** Field messages as the API answers them (a body that fits neither form reports the form it is closest to). */
function fieldsOf(input: unknown): Record<string, Message[]> {
  const result = createJobSchema.safeParse(input);
  return result.success ? {} : zodFieldMessages(result.error);
}

describe("createJobSchema", () => {
  it("accepts a good request", () => {
    expect(createJobSchema.parse(good)).toEqual({
      source: { region: "cn-north-4", namespace: "team-a" },
      repositories: [{ name: "apps/web", tags: ["latest", "1.0.0"] }],
      targets: [{ region: "ap-southeast-1", namespace: "team-a" }],
      override: false,
      single: true,
    });
  });

  // The catalog key where this module words the message (null: the name rules' own), and the English it reads as.
  it.each<[string, Record<string, unknown>, string, string | null, RegExp]>([
    ["no tags", { tags: [] }, "tags", "jobErrors.pickTags", /^Pick at least one tag\.$/],
    [
      "50,001 tags",
      { tags: Array.from({ length: 50_001 }, (_, i) => `t${i}`) },
      "tags",
      "jobErrors.tooManyTags",
      /^Pick at most 50,000 tags per job\.$/,
    ],
    ["tags and a selector", { tagSelector: { all: true } }, "tags", "jobErrors.tagsOrSelector", /either tags.*not both/],
    ["neither tags nor a selector", { tags: undefined }, "tags", "jobErrors.tagsOrSelector", /either tags.*not neither/],
    ["a selector that is neither all nor a pattern", { tags: undefined, tagSelector: { some: true } }, "tagSelector", "jobErrors.selectorShape", /^Must be \{ "all": true \} or \{ "pattern": "…" \}\.$/],
    ["all: false", { tags: undefined, tagSelector: { all: false } }, "tagSelector.all", "jobErrors.selectorShape", /Must be \{ "all": true \}/],
    ["an empty pattern", { tags: undefined, tagSelector: { pattern: " " } }, "tagSelector.pattern", "errors.validation.tooSmall_string", /at least 1 character/],
    ["a pattern with a space", { tags: undefined, tagSelector: { pattern: "v1 *" } }, "tagSelector.pattern", "jobErrors.patternCharacters", /glob characters \* \? \[ \] \{ \} , ! \^ only/],
    ["an 8 KiB pattern", { tags: undefined, tagSelector: { pattern: "a".repeat(8192) } }, "tagSelector.pattern", "errors.validation.tooBig_string", /at most 128/],
    ["a bad tag name", { tags: ["ok", "-bad", "bad tag"] }, "tags", "jobErrors.invalidTags", /^Not valid tag names: -bad, bad tag\. Must be 1–128 characters of .* and not start with \. or -\.$/],
    ["a repeated tag", { tags: ["a", "b", "a"] }, "tags", "jobErrors.repeatedTags", /^Each tag may appear once; repeated: a\.$/],
    ["tags as a string", { tags: "latest" }, "tags", "errors.validation.type_array", /^Must be a list\.$/],
    ["a number among the tags", { tags: ["a", 1] }, "tags.1", "errors.validation.type_string", /^Must be text\.$/],
    ["an unknown region", { sourceRegion: "xx-nowhere-1" }, "sourceRegion", null, /not a region this app knows/],
    ["a malformed region", { targetRegion: "Mars" }, "targetRegion", "errors.names.regionId", /^Must be a region ID such as cn-north-4\.$/],
    ["the source region as target", { targetRegion: "cn-north-4" }, "targetRegion", "jobErrors.targetIsSource", /^Must differ from the source region/],
    ["a bad namespace", { sourceNamespace: "Team_A" }, "sourceNamespace", "errors.names.namespace", /^Must start with a lowercase letter/],
    ["a bad target namespace", { targetNamespace: "" }, "targetNamespace", "errors.names.empty", /^Must not be empty\.$/],
    ["a bad repository", { sourceRepository: "/web" }, "sourceRepository", "errors.names.repository", /lowercase letter or digit/],
    ["a missing repository", { sourceRepository: undefined }, "sourceRepository", "errors.validation.required", /^This is required\.$/],
    ["override as a string", { override: "true" }, "override", "errors.validation.type_boolean", /^Must be true or false\.$/],
    ["override missing", { override: undefined }, "override", "errors.validation.required", /^This is required\.$/],
  ])("refuses %s", (_, change, field, key, english_) => {
    const [first] = fieldsOf({ ...good, ...change })[field] ?? [];
    if (key) expect(first?.key).toBe(key);
    expect(english(first!)).toMatch(english_);
  });

  it.each([[{ all: true }], [{ pattern: "v1.*" }], [{ pattern: "{1.25,1.26}.[0-9]" }]])("accepts the selector %j instead of a list", (tagSelector) => {
    expect(createJobSchema.parse({ ...good, tags: undefined, tagSelector }).repositories).toEqual([{ name: "apps/web", tagSelector }]);
  });

  it("names at most ten offending names", () => {
    const tags = Array.from({ length: 25 }, (_, i) => `.bad${i}`);
    const [m] = fieldsOf({ ...good, tags }).tags!;
    expect(m).toMatchObject({ key: "jobErrors.invalidTags", params: { names: { key: "jobErrors.nameList", params: { more: 15 } } } });
    expect(english(m!)).toMatch(/, \.bad9 and 15 more\. Must be 1–128 characters/);
    expect(nameList(["a", "b"])).toEqual({ key: "jobErrors.nameList", params: { names: "a, b", more: 0 } });
    expect(english(nameList(["a", "b"]))).toBe("a, b");
  });

  it("names the regions SWR syncs among when a target is outside them, per target of a multi-repository body", () => {
    const fields = zodFieldMessages(
      createJobSchema.safeParse({
        source: { region: "cn-north-4", namespace: "team-a" },
        repositories: [{ name: "nginx", tags: ["latest"] }, { name: "nginx", tags: ["1"] }],
        targets: [{ region: "cn-east-3", namespace: "team-a" }, { region: "eu-west-0", namespace: "team-a" }],
        override: false,
      }).error!,
    );
    expect(fields["targets.1.region"]).toEqual([{ key: "jobErrors.syncToRegion", params: { region: "eu-west-0 (EU-Paris)", regions: expect.stringContaining("cn-north-4") } }]);
    expect(fields.repositories).toEqual([{ key: "jobErrors.repeatedRepositories", params: { names: { key: "jobErrors.nameList", params: { names: "nginx", more: 0 } } } }]);
  });
});

describe("hashJobRequest", () => {
  const hash = (change: Partial<typeof good>) =>
    hashJobRequest(createJobSchema.parse({ ...good, ...change }));

  it("ignores the order of the tags", () => {
    expect(hash({ tags: ["1.0.0", "latest"] })).toBe(hash({}));
  });

  it.each<[string, Partial<typeof good>]>([
    ["override", { override: true }],
    ["tags", { tags: ["latest"] }],
    ["target namespace", { targetNamespace: "team-b" }],
    ["repository", { sourceRepository: "apps/api" }],
  ])("changes with the %s", (_, change) => {
    expect(hash(change)).not.toBe(hash({}));
  });
});

describe("parseIdempotencyKey", () => {
  const parse = (value?: string) =>
    parseIdempotencyKey(new Headers(value === undefined ? {} : { "Idempotency-Key": value }));

  it.each([undefined, "12345678", "k".repeat(128), "order 42 / retry #1"])("accepts %j", (key) => {
    expect(parse(key)).toBe(key);
  });

  it.each(["1234567", "k".repeat(129), "tab\tinside"])("refuses %j with a field message", (key) => {
    expect(() => parse(key)).toThrow(AppError);
    try {
      parse(key);
    } catch (error) {
      expect(error).toMatchObject({
        code: "validation_failed",
        message: "The Idempotency-Key header is not valid.",
        msg: { key: "jobErrors.idempotencyKeyInvalid", params: { header: "Idempotency-Key" } },
        fieldMessages: { "Idempotency-Key": [{ key: "jobErrors.idempotencyKeyShape" }] },
        fields: { "Idempotency-Key": ["Must be 8–128 printable ASCII characters."] },
      });
    }
  });
});

describe("jobListQuerySchema", () => {
  it("defaults the limit and drops empty filters", () => {
    expect(jobListQuerySchema.parse({ status: "", user: "", tz: "" })).toEqual({ limit: 50, timeZone: "UTC" });
  });

  it("reads repository and user as parts of names, any case", () => {
    expect(jobListQuerySchema.parse({ repository: " Web ", user: "ALICE@" })).toMatchObject({ repository: "web", user: "alice@" });
  });

  it("reads a date alone as that whole day in the time zone given", () => {
    expect(jobListQuerySchema.parse({ from: "2024-05-01", to: "2024-05-01", tz: "asia/shanghai" })).toMatchObject({
      timeZone: "Asia/Shanghai",
      from: new Date("2024-04-30T16:00:00Z"),
      to: new Date("2024-05-01T16:00:00Z"),
    });
    // A date-time is an instant whatever the zone.
    expect(jobListQuerySchema.parse({ from: "2024-05-01T00:00:00Z", tz: "Asia/Shanghai" }).from).toEqual(
      new Date("2024-05-01T00:00:00Z"),
    );
    // The first and last days stay within what both databases store.
    expect(jobListQuerySchema.parse({ from: "0001-01-01", tz: "Asia/Shanghai" }).from).toEqual(new Date("0001-01-01T00:00:00.000Z"));
    expect(jobListQuerySchema.parse({ to: "9999-12-31", tz: "America/New_York" }).to).toEqual(new Date("9999-12-31T23:59:59.999Z"));
  });

  it("reads a date alone as that whole day (UTC) without a zone, and a date-time as given", () => {
    expect(jobListQuerySchema.parse({ from: "2024-05-01", to: "2024-05-01" })).toMatchObject({
      from: new Date("2024-05-01T00:00:00Z"),
      to: new Date("2024-05-02T00:00:00Z"),
    });
    expect(jobListQuerySchema.parse({ to: "2024-05-01T08:30:00+02:00" }).to).toEqual(
      new Date("2024-05-01T06:30:00Z"),
    );
  });

  it.each([
    [{ limit: "101" }, "limit"],
    [{ limit: "0" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ status: "done" }, "status"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2024-05-02", to: "2024-05-01" }, "to"],
    [{ namespace: "Team A" }, "namespace"],
    [{ targetNamespace: "-x" }, "targetNamespace"],
    [{ repository: "x".repeat(129) }, "repository"],
    [{ tz: "Mars/Olympus_Mons" }, "tz"],
    [{ tz: "+08:00" }, "tz"],
    // The same days the other way round in a zone where they would overlap in UTC.
    [{ from: "2024-05-02", to: "2024-05-01", tz: "Pacific/Kiritimati" }, "to"],
  ])("refuses %j (field %s)", (query, field) => {
    const result = jobListQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
