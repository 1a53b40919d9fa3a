import { describe, expect, it, vi } from "vitest";
import { regionLabel, SwrError } from "@/lib/swr";
import { namespaceSchema, tagSchema } from "@/lib/swr/wire";
import { repositoriesQuerySchema, tagsQuerySchema } from "@/lib/validation/browse";
import { checkNamespace, listNamespaces } from "./namespaces";
import { listRegions, listSyncTargets } from "./regions";
import { listRepositories } from "./repositories";
import { findExistingTags, listAllTagNames, listTags } from "./tags";

const tag = (name: string, digest = `sha256:${name}`) => tagSchema.parse({ Tag: name, digest, size: 1, updated: "2024-01-01T00:00:00Z" });
const notFound = (operation: string, resource: { namespace: string; repository?: string }) =>
  new SwrError({ kind: "http", operation, region: "ap-southeast-1", status: 404, resource });
const unavailable = new SwrError({ kind: "http", operation: "ListRepositoryTags", region: "ap-southeast-1", status: 500 });
const ref = { region: "cn-north-4", namespace: "team-a", repository: "nginx" };

describe("listRepositories", () => {
  it.each([
    [{ page: "1", pageSize: "20" }, { offset: 0, limit: 20, orderColumn: "updated_time", orderType: "desc" }],
    [{ page: "3", pageSize: "10", sort: "name", order: "asc" }, { offset: 20, limit: 10, orderColumn: "name", orderType: "asc" }],
    [{ sort: "tags", q: "ngi", namespace: "team-a" }, { orderColumn: "tag_count", name: "ngi", namespace: "team-a" }],
  ])("asks SWR for %j as %j", async (input, expected) => {
    const listRepos = vi.fn().mockResolvedValue({ items: [], total: 0, offset: 0, limit: 20 });
    const query = repositoriesQuerySchema.parse({ region: "cn-north-4", ...input });
    const page = await listRepositories(query, { listRepos, showRepository: vi.fn() });
    expect(listRepos).toHaveBeenCalledWith("cn-north-4", expect.objectContaining(expected));
    expect(page).toMatchObject({ items: [], total: 0, page: query.page, pageSize: query.pageSize });
  });
});

describe("tags", () => {
  it("pages tags by 1-based page, newest first by default", async () => {
    const listTags_ = vi.fn().mockResolvedValue({ items: [tag("latest")], total: 5000, offset: 100, limit: 100 });
    const page = await listTags(tagsQuerySchema.parse({ ...ref, page: "2", q: "build" }), { listTags: listTags_, listAllTags: vi.fn() });
    expect(listTags_).toHaveBeenCalledWith("cn-north-4", "team-a", "nginx", {
      offset: 100,
      limit: 100,
      orderColumn: "updated_at",
      orderType: "desc",
      tag: "build",
    });
    expect(page).toEqual({
      items: [{ tag: "latest", digest: "sha256:latest", size: 1, updatedAt: "2024-01-01T00:00:00.000Z" }],
      total: 5000,
      page: 2,
      pageSize: 100,
    });
  });

  it("lists every matching tag name and says when the list was cut", async () => {
    const listAllTags = vi.fn().mockResolvedValue({ items: [tag("build-1"), tag("build-2")], total: 12000, truncated: true });
    expect(await listAllTagNames({ ...ref, q: "build" }, { listTags: vi.fn(), listAllTags })).toEqual({
      tags: ["build-1", "build-2"],
      truncated: true,
    });
    expect(listAllTags).toHaveBeenCalledWith("cn-north-4", "team-a", "nginx", { tag: "build" }, { pageSize: 1000, maxItems: 10_000 });
  });

  it.each([
    ["some exist", { items: [tag("latest", "sha256:1"), tag("1.0")] }, ["latest", "1.25.3", "latest"], [{ tag: "latest", digest: "sha256:1" }]],
    ["none exist", { items: [tag("1.0")] }, ["latest"], []],
    ["the target repository is missing", notFound("ListRepositoryTags", { namespace: "team-b", repository: "nginx" }), ["latest"], []],
  ])("finds existing tags when %s", async (_, answer, wanted, expected) => {
    const listAllTags = answer instanceof Error ? vi.fn().mockRejectedValue(answer) : vi.fn().mockResolvedValue(answer);
    const result = await findExistingTags({ ...ref, region: "ap-southeast-1" }, wanted, { listTags: vi.fn(), listAllTags });
    expect(result.existing).toEqual(expected);
    expect(listAllTags).toHaveBeenCalledOnce();
    expect(listAllTags).toHaveBeenCalledWith("ap-southeast-1", "team-a", "nginx", {}, { pageSize: 1000, maxItems: 200_000 });
  });

  it("passes on other SWR failures", async () => {
    const listAllTags = vi.fn().mockRejectedValue(unavailable);
    await expect(findExistingTags(ref, ["latest"], { listTags: vi.fn(), listAllTags })).rejects.toBe(unavailable);
  });
});

describe("namespaces", () => {
  it("lists namespaces by name", async () => {
    const listNamespaces_ = vi.fn().mockResolvedValue(["team-b", "mirrors"].map((name) => namespaceSchema.parse({ name, auth: 7 })));
    const names = (await listNamespaces("cn-north-4", { listNamespaces: listNamespaces_, showNamespace: vi.fn() })).map((n) => n.name);
    expect(names).toEqual(["mirrors", "team-b"]);
  });

  it.each([
    ["it exists", () => Promise.resolve(namespaceSchema.parse({ name: "team-a", auth: 3 })), { exists: true, auth: 3 }],
    [
      "SWR says 404",
      () => Promise.reject(notFound("ShowNamespace", { namespace: "team-b" })),
      { exists: false, message: "Namespace “team-b” does not exist in ap-southeast-1." },
    ],
  ])("checks a namespace when %s", async (_, answer, expected) => {
    const swr = { listNamespaces: vi.fn(), showNamespace: vi.fn(answer) };
    expect(await checkNamespace("ap-southeast-1", "team-b", swr)).toEqual(expected);
  });

  it("passes on other failures of the check", async () => {
    const swr = { listNamespaces: vi.fn(), showNamespace: vi.fn().mockRejectedValue(unavailable) };
    await expect(checkNamespace("ap-southeast-1", "team-b", swr)).rejects.toBe(unavailable);
  });
});

describe("listRegions", () => {
  it("lists every region of the table", () => {
    const { regions } = listRegions();
    expect(regions).toHaveLength(27);
    expect(regions).toContainEqual({ id: "cn-north-4", label: "CN North-Beijing4" });
  });
});

describe("listSyncTargets", () => {
  const swrAnswers = (regions: string[], origin: "swr" | "documented" = "swr") => ({
    listSyncTargets: vi.fn().mockResolvedValue({ regions: regions.map((id) => ({ id, label: regionLabel(id) })), origin }),
  });

  it("offers SWR's targets that are documented sync regions", async () => {
    expect(await listSyncTargets("cn-north-4", swrAnswers(["ap-southeast-1", "eu-west-0", "cn-north-208"]))).toEqual({
      supported: true,
      origin: "swr",
      regions: [{ id: "ap-southeast-1", label: "CN-Hong Kong" }],
    });
  });

  it("passes the documented fallback on as such", async () => {
    const result = await listSyncTargets("cn-north-4", swrAnswers(["cn-east-3", "cn-south-1"], "documented"));
    expect(result).toMatchObject({ supported: true, origin: "documented" });
    expect(result.regions.map((r) => r.id)).toEqual(["cn-east-3", "cn-south-1"]);
  });

  it("offers the documented sync regions when SWR lists none of them", async () => {
    const result = await listSyncTargets("cn-north-4", swrAnswers(["eu-west-0"]));
    expect(result.origin).toBe("documented");
    expect(result.regions.map((r) => r.id)).toEqual(["cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"]);
  });

  it("does not ask SWR about a source outside the sync regions", async () => {
    const swr = swrAnswers(["cn-north-4"]);
    expect(await listSyncTargets("cn-southwest-2", swr)).toEqual({ supported: false, origin: "documented", regions: [] });
    expect(swr.listSyncTargets).not.toHaveBeenCalled();
  });
});
