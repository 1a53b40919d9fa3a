import { describe, expect, it } from "vitest";
import type { TaskDto } from "@/lib/jobs/dto";
import type { TaskState } from "@/lib/jobs/states";
import type { TaskPageQuery } from "./api";
import { changeWindow, mergeTaskChanges, type CachedTaskPage } from "./task-changes";

const task = (tag: string, status: TaskState, second = 0): TaskDto => ({
  repository: "nginx",
  targetRegion: "ap-southeast-1",
  targetNamespace: "team-a",
  tag,
  planClass: "new",
  status,
  sourceDigest: null,
  targetDigest: null,
  attempts: 1,
  lastError: null,
  updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
  submittedAt: null,
  finishedAt: null,
});

const page = (query: TaskPageQuery, items: TaskDto[]): CachedTaskPage => ({
  items,
  total: items.length,
  offset: query.offset,
  limit: 100,
  query,
});

const statuses = (p: CachedTaskPage) => p.items.map((t) => `${t.tag}:${t.status}`);

describe("mergeTaskChanges", () => {
  const all = page({ offset: 0 }, [task("a", "queued"), task("b", "submitted")]);

  it("replaces the tasks shown with their newer copies and keeps the order", () => {
    const result = mergeTaskChanges(all, [task("b", "succeeded", 2), task("zz", "failed", 2)]);
    expect(statuses(result.page)).toEqual(["a:queued", "b:succeeded"]);
    expect(result.stale).toBe(false);
  });

  it("keeps a task that is newer than the change (a late answer never goes backwards)", () => {
    const fresh = page({ offset: 0 }, [task("a", "succeeded", 5)]);
    const result = mergeTaskChanges(fresh, [task("a", "submitted", 3)]);
    expect(statuses(result.page)).toEqual(["a:succeeded"]);
    expect(result.page).toBe(fresh);
  });

  it("returns the same page when nothing changed", () => {
    expect(mergeTaskChanges(all, []).page).toBe(all);
  });

  const failedOnly = page({ offset: 0, status: "failed" }, [task("c", "failed")]);
  it.each<[string, CachedTaskPage, TaskDto[], boolean]>([
    ["a shown task left the filter", failedOnly, [task("c", "queued", 1)], true],
    ["a task entered the filter", failedOnly, [task("d", "failed", 1)], true],
    ["a task outside the filter changed", failedOnly, [task("d", "submitted", 1)], false],
    ["a task entered the filter but not the search", page({ offset: 0, status: "failed", q: "v1" }, []), [task("v2", "failed", 1)], false],
    ["a task entered filter and search (any case)", page({ offset: 0, status: "failed", q: "RC" }, []), [task("v2-rc", "failed", 1)], true],
    ["tasks moved on an unfiltered page", all, [task("a", "cancelled", 1), task("x", "failed", 1)], false],
    ["a task of another repository entered the state filter", page({ offset: 0, status: "failed", repository: "redis" }, []), [task("d", "failed", 1)], false],
    ["a task of the repository entered the state filter", page({ offset: 0, status: "failed", repository: "nginx" }, []), [task("d", "failed", 1)], true],
    ["a task for another target entered the state filter", page({ offset: 0, status: "failed", target: "cn-east-3/team-a" }, []), [task("d", "failed", 1)], false],
    ["a task for the target entered the state filter", page({ offset: 0, status: "failed", target: "ap-southeast-1/team-a" }, []), [task("d", "failed", 1)], true],
  ])("says whether the page is stale when %s", (_, p, changes, stale) => {
    expect(mergeTaskChanges(p, changes).stale).toBe(stale);
  });
});

describe("changeWindow", () => {
  const page = (offset: number, tags: string[], total: number): CachedTaskPage => ({
    items: tags.map((tag) => ({ repository: "nginx", targetRegion: "ap-southeast-1", targetNamespace: "team-a", tag, planClass: "new" as const, status: "queued" as const, sourceDigest: null, targetDigest: null, attempts: 1, lastError: null, updatedAt: "2026-01-01T00:00:00Z", submittedAt: null, finishedAt: null })),
    total,
    offset,
    limit: tags.length,
    query: { offset },
  });

  it.each([
    ["no page: every change", [], {}],
    ["the first page is open at its start", [page(0, ["a", "b"], 10)], { to: "b" }],
    ["the last page is open at its end", [page(8, ["x", "y"], 10)], { from: "x" }],
    ["a middle page is closed", [page(4, ["m", "n"], 10)], { from: "m", to: "n" }],
    ["two pages span both", [page(2, ["c", "d"], 10), page(6, ["p", "q"], 10)], { from: "c", to: "q" }],
    ["one page of all", [page(0, ["a", "b"], 2)], {}],
  ])("%s", (_name, pages, expected) => {
    expect(changeWindow(pages)).toEqual(expected);
  });
});
