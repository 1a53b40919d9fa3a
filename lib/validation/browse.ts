import { z } from "zod";
import { namespaceNameSchema, regionIdSchema, repositoryNameSchema, tagNameSchema } from "@/lib/swr/names";
import { isKnownRegion } from "@/lib/swr/regions";
import { MAX_PAGE, MAX_REPOSITORY_PAGE_SIZE, MAX_TAG_PAGE_SIZE, REPOSITORY_SORTS, SORT_ORDERS, TAG_SORTS } from "./browse-options";

// Inputs of the browse API (docs/api.md "Browse"); pure, so pages on the server parse URLs with them too (the browser
// reads its URL with the lists of browse-options.ts).
/** How many tag names one `/api/tags/existing` request may carry (keeps the URL well under header limits). */
export const MAX_EXISTING_TAGS_PER_REQUEST = 200;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A region of the SDK's table; the table is what the app offers, so anything else is a typo. */
export const knownRegionSchema = regionIdSchema.refine(isKnownRegion, {
  message: "errors.validation.unknownRegion",
  // Only for a well-formed ID: a malformed one already says what a region ID looks like.
  when: (payload) => payload.issues.length === 0,
});

const searchSchema = z.preprocess(emptyToUndefined, z.string().max(128, { abort: true }).trim().optional());
const optionalNamespaceSchema = z.preprocess(emptyToUndefined, namespaceNameSchema.optional());
const pageNumberSchema = z.coerce.number().int().min(1).max(MAX_PAGE).default(1);
const pageSizeSchema = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const orderSchema = z.enum(SORT_ORDERS).default("desc");

const repositoryRefFields = {
  region: knownRegionSchema,
  namespace: namespaceNameSchema,
  repository: repositoryNameSchema,
};

export const regionsQuerySchema = z.object({ source: z.preprocess(emptyToUndefined, knownRegionSchema.optional()) });

export const namespacesQuerySchema = z.object({ region: knownRegionSchema });

export const namespaceCheckQuerySchema = z.object({ region: knownRegionSchema, namespace: namespaceNameSchema });

export const repositoriesQuerySchema = z.object({
  region: knownRegionSchema,
  namespace: optionalNamespaceSchema,
  q: searchSchema,
  page: pageNumberSchema,
  pageSize: pageSizeSchema(MAX_REPOSITORY_PAGE_SIZE, 20),
  sort: z.enum(REPOSITORY_SORTS).default("updated"),
  order: orderSchema,
});

export const repositoryRefSchema = z.object(repositoryRefFields);

export const tagsQuerySchema = z.object({
  ...repositoryRefFields,
  q: searchSchema,
  sort: z.enum(TAG_SORTS).default("updated"),
  order: orderSchema,
  page: pageNumberSchema,
  pageSize: pageSizeSchema(MAX_TAG_PAGE_SIZE, 100),
});

export const allTagsQuerySchema = z.object({ ...repositoryRefFields, q: searchSchema });

// A repeated query parameter arrives as a string once and as an array after that.
const tagListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(tagNameSchema)
      .min(1, "errors.validation.tagsMin")
      .max(MAX_EXISTING_TAGS_PER_REQUEST, "errors.validation.tagsMax"),
  );

export const existingTagsQuerySchema = z.object({ ...repositoryRefFields, tag: tagListSchema });

export type RepositoriesQuery = z.output<typeof repositoriesQuerySchema>;
export type RepositoryRef = z.output<typeof repositoryRefSchema>;
export type TagsQuery = z.output<typeof tagsQuerySchema>;
export type AllTagsQuery = z.output<typeof allTagsQuerySchema>;
export type ExistingTagsQuery = z.output<typeof existingTagsQuerySchema>;
export type RepositorySort = (typeof REPOSITORY_SORTS)[number];
export type TagSort = (typeof TAG_SORTS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The catch-all route segments of a repository page (`apps`, `web`) as a validated reference, or null. */
export function repositoryRefFromSegments(segments: {
  region: string;
  namespace: string;
  repository: readonly string[];
}): RepositoryRef | null {
  const parsed = repositoryRefSchema.safeParse({
    region: segments.region,
    namespace: segments.namespace,
    repository: segments.repository.map(safeDecode).join("/"),
  });
  return parsed.success ? parsed.data : null;
}
