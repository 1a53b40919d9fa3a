import type { Namespace, Repo, RepositoryDetail, Tag } from "@/lib/swr/wire";
import type { NamespaceDto, PageDto, RepositoryDetailDto, RepositorySummaryDto, TagDto } from "./dto";

// SWR wire objects → DTOs: only what the dashboard shows, under our own names.

export function toNamespaceDto(ns: Namespace): NamespaceDto {
  return { name: ns.name, creatorName: ns.creator_name, auth: ns.auth };
}

export function toRepositorySummaryDto(repo: Repo): RepositorySummaryDto {
  return {
    name: repo.name,
    namespace: repo.namespace,
    tagCount: repo.num_images,
    size: repo.size,
    updatedAt: repo.updated_at,
    path: repo.path,
  };
}

/** ShowRepository does not name the namespace, so the caller passes the one it asked about. */
export function toRepositoryDetailDto(detail: RepositoryDetail, namespace: string): RepositoryDetailDto {
  return {
    name: detail.name,
    namespace,
    tagCount: detail.num_images,
    size: detail.size,
    updatedAt: detail.updated,
    path: detail.path,
    isPublic: detail.is_public,
    category: detail.category,
  };
}

export function toTagDto(tag: Tag): TagDto {
  return { tag: tag.Tag, digest: tag.digest, size: tag.size, updatedAt: tag.updated };
}

export function toPageDto<W, D>(
  page: { items: W[]; total: number },
  request: { page: number; pageSize: number },
  map: (item: W) => D,
): PageDto<D> {
  return { items: page.items.map(map), total: page.total, page: request.page, pageSize: request.pageSize };
}
