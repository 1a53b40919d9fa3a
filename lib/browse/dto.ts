import { z } from "zod";
import { SYNC_TARGET_ORIGINS } from "@/lib/swr/regions";

// What the browse API sends to the browser: trimmed, camelCase DTOs; the browser reads answers as their types.

export const regionDtoSchema = z.object({ id: z.string(), label: z.string() });
/** Every region of the app's table (GET /api/regions without `source`). */
export const regionsDtoSchema = z.object({ regions: z.array(regionDtoSchema) });
/** Where a sync from one region may go (GET /api/regions?source=); `supported` is false for a source SWR does not sync from. */
export const syncTargetsDtoSchema = z.object({
  supported: z.boolean(),
  regions: z.array(regionDtoSchema),
  origin: z.enum(SYNC_TARGET_ORIGINS),
});

export const namespaceDtoSchema = z.object({ name: z.string(), creatorName: z.string(), auth: z.number() });
export const namespacesDtoSchema = z.object({ namespaces: z.array(namespaceDtoSchema) });
export const namespaceCheckDtoSchema = z.object({
  exists: z.boolean(),
  auth: z.number().optional(),
  message: z.string().optional(),
});

export const repositorySummaryDtoSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  tagCount: z.number(),
  size: z.number(),
  updatedAt: z.string(),
  path: z.string(),
});
export const repositoryDetailDtoSchema = repositorySummaryDtoSchema.extend({ isPublic: z.boolean(), category: z.string() });

export const tagDtoSchema = z.object({ tag: z.string(), digest: z.string(), size: z.number(), updatedAt: z.string() });
export const tagNamesDtoSchema = z.object({ tags: z.array(z.string()), truncated: z.boolean() });
export const existingTagsDtoSchema = z.object({ existing: z.array(z.object({ tag: z.string(), digest: z.string() })) });

const pageDtoSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export const repositoryPageDtoSchema = pageDtoSchema(repositorySummaryDtoSchema);
export const tagPageDtoSchema = pageDtoSchema(tagDtoSchema);

export type RegionDto = z.infer<typeof regionDtoSchema>;
export type RegionsDto = z.infer<typeof regionsDtoSchema>;
export type SyncTargetsDto = z.infer<typeof syncTargetsDtoSchema>;
export type NamespaceDto = z.infer<typeof namespaceDtoSchema>;
export type NamespacesDto = z.infer<typeof namespacesDtoSchema>;
export type NamespaceCheckDto = z.infer<typeof namespaceCheckDtoSchema>;
export type RepositorySummaryDto = z.infer<typeof repositorySummaryDtoSchema>;
export type RepositoryDetailDto = z.infer<typeof repositoryDetailDtoSchema>;
export type TagDto = z.infer<typeof tagDtoSchema>;
export type TagNamesDto = z.infer<typeof tagNamesDtoSchema>;
export type ExistingTagsDto = z.infer<typeof existingTagsDtoSchema>;
export type RepositoryPageDto = z.infer<typeof repositoryPageDtoSchema>;
export type TagPageDto = z.infer<typeof tagPageDtoSchema>;
export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
