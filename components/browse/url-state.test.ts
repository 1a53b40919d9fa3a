import { describe, expect, it } from "vitest";
import { repositoriesQuerySchema } from "@/lib/validation/browse";
import { repositoriesHref, repositoryHref } from "./links";
import { parseLeniently, searchParamsRecord, toSearch } from "./url-state";

describe("parseLeniently", () => {
  it.each([
    ["valid values", { region: "cn-north-4", page: "2", sort: "name" }, { page: 2, sort: "name", pageSize: 20 }],
    ["a bad page falls back to 1", { region: "cn-north-4", page: "-3", sort: "name" }, { page: 1, sort: "name" }],
    ["bad values fall back together", { region: "cn-north-4", pageSize: "9999", order: "sideways", q: "ngi" }, { pageSize: 20, order: "desc", q: "ngi" }],
  ])("%s", (_, input, expected) => {
    expect(parseLeniently(repositoriesQuerySchema, input, ["region"])).toMatchObject(expected);
  });

  it("drops a bad namespace", () => {
    expect(parseLeniently(repositoriesQuerySchema, { region: "cn-north-4", namespace: "Team A" })?.namespace).toBeUndefined();
  });

  it.each([
    ["an unknown region", { region: "xx-nowhere-9" }],
    ["no region", {}],
  ])("is null for %s", (_, input) => {
    expect(parseLeniently(repositoriesQuerySchema, input, ["region"])).toBeNull();
  });
});

describe("addresses", () => {
  it.each([
    [{ region: "cn-north-4" }, "/repositories?region=cn-north-4"],
    [{ region: "cn-north-4", page: 1, pageSize: 20, sort: "updated", order: "desc" } as const, "/repositories?region=cn-north-4"],
    [{ region: "cn-north-4", namespace: "team-a", q: "apps/w", page: 2 }, "/repositories?region=cn-north-4&namespace=team-a&q=apps%2Fw&page=2"],
  ])("lists %j at %s", (state, href) => {
    expect(repositoriesHref(state)).toBe(href);
  });

  it.each([
    [{ region: "cn-north-4", namespace: "team-a", repository: "nginx" }, "/repositories/cn-north-4/team-a/nginx"],
    [{ region: "cn-north-4", namespace: "team-a", repository: "apps/web" }, "/repositories/cn-north-4/team-a/apps/web"],
  ])("shows %j at %s", (ref, href) => {
    expect(repositoryHref(ref)).toBe(href);
  });

  it("round-trips search params", () => {
    const params = new URLSearchParams("tag=a&tag=b&region=cn-north-4");
    expect(searchParamsRecord(params)).toEqual({ tag: ["a", "b"], region: "cn-north-4" });
    expect(toSearch({ a: "x", b: undefined, c: 1 }, { c: 1 })).toBe("?a=x");
  });
});
