import { z } from "zod";
import { namespaceNameSchema, regionIdSchema, repositoryNameSchema, tagNameSchema } from "./names";

// Inputs of the client's operations (contract §8), validated before anything is sent.

const pageFields = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
};
const orderTypeSchema = z.enum(["asc", "desc"]);

export const REPO_CATEGORIES = ["app_server", "linux", "framework_app", "database", "lang", "other", "windows", "arm"] as const;

export const listNamespacesOptionsSchema = z.object({
  namespace: namespaceNameSchema.optional(),
  /** `visible` adds organisations seen only through a repository permission. */
  mode: z.literal("visible").optional(),
});

export const listReposOptionsSchema = z.object({
  namespace: namespaceNameSchema.optional(),
  /** Fuzzy match on the repository name, so any fragment is allowed. */
  name: z.string().trim().min(1).max(128).optional(),
  category: z.enum(REPO_CATEGORIES).optional(),
  isPublic: z.boolean().optional(),
  ...pageFields,
  orderColumn: z.enum(["updated_time", "name", "tag_count"]).optional(),
  orderType: orderTypeSchema.optional(),
});

export const listTagsOptionsSchema = z.object({
  ...pageFields,
  orderColumn: z.enum(["updated_at", "tag"]).optional(),
  orderType: orderTypeSchema.optional(),
  /** SWR may match it fuzzily (§11 #9); findTag compares exactly. */
  tag: z.string().trim().min(1).max(128).optional(),
});

export const manualSyncInputSchema = z.object({
  imageTag: z.array(tagNameSchema).min(1, "errors.validation.tagsMin"),
  override: z.boolean().default(false),
  remoteNamespace: namespaceNameSchema,
  remoteRegionId: regionIdSchema,
});

export const listSyncJobsOptionsSchema = z.object({
  ...pageFields,
  order: orderTypeSchema.default("desc"),
});

export const autoSyncTargetSchema = z.object({
  remoteRegionId: regionIdSchema,
  remoteNamespace: namespaceNameSchema,
});

export const autoSyncRuleInputSchema = autoSyncTargetSchema.extend({
  syncAuto: z.boolean().default(true),
  override: z.boolean().default(false),
});

export const repositoryRefSchema = z.object({
  region: regionIdSchema,
  namespace: namespaceNameSchema,
  repository: repositoryNameSchema,
});

export type ListNamespacesOptions = z.input<typeof listNamespacesOptionsSchema>;
export type ListReposOptions = z.input<typeof listReposOptionsSchema>;
export type ListTagsOptions = z.input<typeof listTagsOptionsSchema>;
export type ManualSyncInput = z.input<typeof manualSyncInputSchema>;
export type ListSyncJobsOptions = z.input<typeof listSyncJobsOptionsSchema>;
export type AutoSyncTarget = z.input<typeof autoSyncTargetSchema>;
export type AutoSyncRuleInput = z.input<typeof autoSyncRuleInputSchema>;
