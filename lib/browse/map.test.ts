import { describe, expect, it } from "vitest";
import { namespaceSchema, repoSchema, repositoryDetailSchema, tagSchema } from "@/lib/swr/wire";
import { toNamespaceDto, toPageDto, toRepositoryDetailDto, toRepositorySummaryDto, toTagDto } from "./map";

// Wire objects as SWR sends them (contract §8), decoded by the client's own schemas.
const repoWire = repoSchema.parse({
  name: "apps/web",
  category: "other",
  size: 73400320,
  is_public: false,
  num_images: 12,
  created_at: "2024-01-05T03:12:44.123Z",
  updated_at: "2024-03-14T10:00:01.5Z",
  path: "swr.cn-north-4.myhuaweicloud.com/team-a/apps/web",
  internal_path: "10.125.0.198:20202/team-a/apps/web",
  domain_name: "example-account",
  namespace: "team-a",
  tags: ["1.0.0", "latest"],
  total_range: 2,
});

describe("wire → DTO", () => {
  it("keeps only what the repository list shows, in camelCase", () => {
    expect(toRepositorySummaryDto(repoWire)).toEqual({
      name: "apps/web",
      namespace: "team-a",
      tagCount: 12,
      size: 73400320,
      updatedAt: "2024-03-14T10:00:01.500Z",
      path: "swr.cn-north-4.myhuaweicloud.com/team-a/apps/web",
    });
  });

  it("takes the namespace of a repository detail from the request", () => {
    const detail = repositoryDetailSchema.parse({
      id: 865151,
      name: "busybox",
      category: "linux",
      size: "2099",
      is_public: "true",
      num_images: 3,
      path: "swr.cn-north-4.myhuaweicloud.com/team-b/busybox",
      updated: "2024-03-14T10:00:01",
      creator_name: "someone",
    });
    expect(toRepositoryDetailDto(detail, "team-b")).toEqual({
      name: "busybox",
      namespace: "team-b",
      tagCount: 3,
      size: 2099,
      updatedAt: "2024-03-14T10:00:01.000Z",
      path: "swr.cn-north-4.myhuaweicloud.com/team-b/busybox",
      isPublic: true,
      category: "linux",
    });
  });

  it.each([
    ["the capital `Tag` of V2", { Tag: "1.25.3" }, "1.25.3"],
    ["a lower-case `tag`", { tag: "latest" }, "latest"],
  ])("names a tag from %s", (_, name, expected) => {
    const wire = tagSchema.parse({ ...name, digest: "sha256:abc", size: 42, updated: "2024-03-14T10:00:01Z", manifest: "{…}" });
    expect(toTagDto(wire)).toEqual({ tag: expected, digest: "sha256:abc", size: 42, updatedAt: "2024-03-14T10:00:01.000Z" });
  });

  it("renames namespace fields", () => {
    expect(toNamespaceDto(namespaceSchema.parse({ id: 1, name: "team-a", creator_name: "ops", auth: 7 }))).toEqual({
      name: "team-a",
      creatorName: "ops",
      auth: 7,
    });
  });

  it("turns an SWR page into a 1-based page", () => {
    const page = toPageDto({ items: [1, 2], total: 42 }, { page: 2, pageSize: 20 }, (n) => n * 10);
    expect(page).toEqual({ items: [10, 20], total: 42, page: 2, pageSize: 20 });
  });
});
