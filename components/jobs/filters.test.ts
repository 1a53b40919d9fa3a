import { describe, expect, it } from "vitest";
import {
  hasJobFilters,
  isUpsideDown,
  checkJobFilterForm,
  jobFiltersSearch,
  parseJobFilters,
  type JobFilters,
} from "./filters";
import { jobHref, jobsCsvHref, jobsHref, sourceRepositoryHref, targetRepositoryHref } from "./links";

const record = (search: string) => Object.fromEntries(new URLSearchParams(search));

describe("job filters in the URL", () => {
  it.each<[string, JobFilters]>([
    ["none", {}],
    ["a status", { status: "partially_failed" }],
    [
      "every filter",
      {
        status: "failed",
        failureCode: "SVCSTG.SWR.4001008",
        sourceRegion: "cn-north-4",
        targetRegion: "ap-southeast-1",
        namespace: "team-a",
        targetNamespace: "mirrors",
        repository: "apps/web",
        user: "operator@example.com",
        from: "2024-05-01",
        to: "2024-05-31",
      },
    ],
  ])("round-trips %s", (_, filters) => {
    expect(parseJobFilters(record(jobFiltersSearch(filters)))).toEqual(filters);
  });

  it("writes keys in a fixed order and leaves empty values out", () => {
    expect(jobFiltersSearch({ to: "2024-05-31", status: "running", namespace: undefined })).toBe(
      "?status=running&to=2024-05-31",
    );
    expect(jobFiltersSearch({})).toBe("");
  });

  it.each([
    ["an unknown status", { status: "exploded" }, {}],
    ["a bad region", { sourceRegion: "Mars", targetRegion: "cn-east-3" }, { targetRegion: "cn-east-3" }],
    ["a date that is not a date", { from: "yesterday", to: "2024-02-30x" }, {}],
    ["empty fields", { status: "", user: "  " }, {}],
    ["repeated values", { status: ["failed", "running"], user: "A@Example.com" }, { user: "a@example.com" }],
    ["a target namespace SWR would refuse", { targetNamespace: "-x", repository: "WEB" }, { repository: "web" }],
    ["a failure code with spaces", { failureCode: "no such code", status: "failed" }, { status: "failed" }],
  ])("drops %s and keeps the rest", (_, input, expected) => {
    expect(parseJobFilters(input)).toEqual(expected);
  });

  it("says whether any filter is set", () => {
    expect(hasJobFilters({})).toBe(false);
    expect(hasJobFilters({ user: "viewer@example.com" })).toBe(true);
  });
});

describe("job addresses", () => {
  const job = {
    sourceRegion: "cn-north-4",
    sourceNamespace: "team-a",
    sourceRepository: "apps/web",
    targetRegion: "ap-southeast-1",
    targetNamespace: "team-a-backup",
  };

  it("keeps the slash of a nested repository as a path separator", () => {
    expect(sourceRepositoryHref(job)).toBe("/repositories/cn-north-4/team-a/apps/web");
    expect(targetRepositoryHref(job)).toBe("/repositories/ap-southeast-1/team-a-backup/apps/web");
  });

  it("builds the job, history and CSV addresses with the same filters", () => {
    expect(jobHref("ck1 2")).toBe("/jobs/ck1%202");
    expect(jobsHref({ status: "failed", repository: "apps/web" })).toBe(
      "/jobs?status=failed&repository=apps%2Fweb",
    );
    expect(jobsCsvHref({ status: "failed", repository: "apps/web" }, "Asia/Shanghai")).toBe(
      "/api/jobs/export.csv?status=failed&repository=apps%2Fweb&tz=Asia%2FShanghai",
    );
    expect(jobsCsvHref({}, "UTC")).toBe("/api/jobs/export.csv?tz=UTC");
  });
});

describe("the filter form's rules", () => {
  it.each([
    ["a namespace SWR would refuse", { namespace: "Team A" }, "namespace"],
    ["a range that ends before it starts", { from: "2024-05-02", to: "2024-05-01" }, "to"],
  ])("refuses %s", (_, input, field) => {
    const result = checkJobFilterForm(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : [...result.invalid]).toContain(field);
  });

  it("accepts a one-day range and part of a repository name", () => {
    expect(checkJobFilterForm({ from: "2024-05-01", to: "2024-05-01", repository: "/WEB" })).toEqual({
      ok: true,
      filters: { from: "2024-05-01", to: "2024-05-01", repository: "/web" },
    });
  });

  it.each([
    [{ from: "2024-05-02", to: "2024-05-01" }, true],
    [{ from: "2024-05-01", to: "2024-05-01" }, false],
    [{ from: "2024-05-01" }, false],
    [{ to: "2024-05-01" }, false],
  ])("reads %j as upside down: %s", (range, upsideDown) => {
    expect(isUpsideDown(range)).toBe(upsideDown);
  });

  it("keeps an upside-down range of the URL, so the page can say why nothing matches", () => {
    expect(parseJobFilters({ from: "2024-05-02", to: "2024-05-01" })).toEqual({ from: "2024-05-02", to: "2024-05-01" });
  });
});
