import { z } from "zod";
import { regionIdSchema } from "./names";

// Zod schemas of SWR's responses with their wire names (contract §8, §10 sketch). Every field may be
// absent at run time (the SDK marks all optional), so each field the app reads gets a default and the app sees
// the full shape of what it reads.

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? "");
const int = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
  .nullish()
  .transform((v) => v ?? 0);
const flag = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
  .nullish()
  .transform((v) => v ?? false);

/** RFC 3339 with any number of fractional digits; a missing offset means UTC (contract §3.6). */
export function normalizeTimestamp(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  const withOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`;
  const ms = Date.parse(withOffset);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
/** ISO-8601 UTC when parseable, the raw value otherwise, "" when absent. */
const toTimestamp = (v: string | null | undefined) => normalizeTimestamp(v) ?? v ?? "";
const timestamp = z.string().nullish().transform(toTimestamp);

// The same rules for records read by the page (lists of repositories and tags): the fields are checked as they come,
// with no transform of their own, and one transform per record fills the defaults. zod checks such objects on its
// fast path, which a transform on every field would leave.
const rawText = z.string().nullish();
const rawInt = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).nullish();
const toInt = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

// GET / — ListApiVersions (§8.1); `links` is documented as one object, tolerated as an array.
const versionLinkSchema = z.object({ href: text, rel: text });
export const apiVersionSchema = z
  .object({
    id: text,
    links: z.union([versionLinkSchema, z.array(versionLinkSchema)]).nullish(),
    version: text,
    min_version: text,
    status: text,
    updated: timestamp,
  })
  .transform(({ links, ...rest }) => ({
    ...rest,
    links: (Array.isArray(links) ? links[0] : links) ?? { href: "", rel: "" },
  }));
export const apiVersionsBodySchema = z
  .object({ versions: z.array(apiVersionSchema).nullish() })
  .transform((w) => w.versions ?? []);
/** `status`: CURRENT | SUPPORTED | DEPRECATED. */
export type ApiVersion = z.output<typeof apiVersionSchema>;

// ListNamespaces / ShowNamespace (§8.2, §8.3)
export const namespaceSchema = z.object({ id: int, name: z.string(), creator_name: text, auth: int });
export const namespacesBodySchema = z
  .object({ namespaces: z.array(namespaceSchema).nullish() })
  .transform((w) => w.namespaces ?? []);
/** `auth`: 7 manage, 3 edit (write), 1 read. */
export type Namespace = z.output<typeof namespaceSchema>;

// ListReposDetails (§8.4): timestamps are created_at / updated_at here. Only the fields the app shows are read;
// SWR's others (category, description, logo, …) are left unread.
export const repoSchema = z
  .object({
    name: z.string(),
    namespace: rawText,
    size: rawInt,
    num_images: rawInt,
    updated_at: rawText,
    path: rawText,
    total_range: rawInt,
  })
  .transform((w) => ({
    name: w.name,
    namespace: w.namespace ?? "",
    size: toInt(w.size),
    num_images: toInt(w.num_images),
    updated_at: toTimestamp(w.updated_at),
    path: w.path ?? "",
    total_range: toInt(w.total_range),
  }));
export const reposBodySchema = z.array(repoSchema);
/** What the app reads of a row of ListReposDetails; `num_images` is the tag count. */
export type Repo = z.output<typeof repoSchema>;

// ShowRepository (§8.5): timestamps are created / updated here.
export const repositoryDetailSchema = z.object({
  id: int,
  ns_id: int,
  name: z.string(),
  category: text,
  description: text,
  creator_id: text,
  creator_name: text,
  size: int,
  is_public: flag,
  num_images: int,
  num_download: int,
  url: text,
  path: text,
  internal_path: text,
  created: timestamp,
  updated: timestamp,
  domain_id: text,
  priority: int,
});
export type RepositoryDetail = z.output<typeof repositoryDetailSchema>;

// ListRepositoryTags (§8.6): the name is `Tag`; a lower-case `tag` (V3 style) is accepted in its place. Pages of up
// to 1,000 tags are walked, so only the fields the app reads are; SWR's others (image_id, manifest, …) are left unread.
export const tagSchema = z
  .object({
    Tag: z.string().optional(),
    tag: z.string().optional(),
    digest: rawText,
    size: rawInt,
    updated: rawText,
  })
  .refine((w) => (w.Tag ?? w.tag) !== undefined, { message: "a tag record without its name (`Tag`)" })
  .transform((w) => ({
    Tag: w.Tag ?? w.tag ?? "",
    digest: w.digest ?? "",
    size: toInt(w.size),
    updated: toTimestamp(w.updated),
  }));
export const tagsBodySchema = z.array(tagSchema);
/** What the app reads of a tag record. */
export type Tag = z.output<typeof tagSchema>;

// CreateManualImageSyncRepo (§8.7): an array of tag names whose meaning is unknown, or nothing.
export const manualSyncBodySchema = z.union([z.array(z.string()), z.null(), z.undefined()]);

// ShowSyncJob (§8.8): camelCase on the wire, with `domainID`.
export const KNOWN_SYNC_JOB_STATUSES = ["waiting", "running", "success", "failed", "timeout", "cancel", "existed"] as const;
// Fields shared by sync job records and auto-sync rules.
const syncRecordFields = {
  id: int,
  createdAt: timestamp,
  updatedAt: timestamp,
  domainID: text,
  domainName: text,
  namespace: text,
  repoName: text,
  remoteRegionId: text,
  remoteNamespace: text,
  override: flag,
};
export const syncJobSchema = z.object({
  ...syncRecordFields,
  tag: text,
  status: text,
  syncOperatorId: text,
  syncOperatorName: text,
});
export const syncJobsBodySchema = z.array(syncJobSchema);
/** `status` is one of KNOWN_SYNC_JOB_STATUSES or a value SWR added since (treat as non-terminal). */
export type SyncJob = z.output<typeof syncJobSchema>;

// ListImageAutoSyncReposDetails (§8.9): the Go SDK spells `syncAuto` as `synAuto`.
export const autoSyncRuleSchema = z
  .object({ ...syncRecordFields, syncAuto: z.boolean().nullish(), synAuto: z.boolean().nullish() })
  .transform(({ syncAuto, synAuto, ...rest }) => ({ ...rest, syncAuto: syncAuto ?? synAuto ?? false }));
export const autoSyncRulesBodySchema = z.array(autoSyncRuleSchema);
/** The contract's `SyncRepo`. */
export type AutoSyncRule = z.output<typeof autoSyncRuleSchema>;

// ListSyncRegions (§8.12): note the capital `ID`. Items are `{regionID}` or, newer, `{regionID, registryURL}`; an
// item may carry either field, and one without a usable region ID names no region, so it is skipped.
const syncRegionItemSchema = z.object({ regionID: z.string().nullish(), registryURL: z.string().nullish() });
export const syncRegionsBodySchema = z.array(syncRegionItemSchema).transform((rows) =>
  rows.flatMap(({ regionID, registryURL }): SyncRegion[] => {
    const id = regionIdSchema.safeParse(regionID ?? "");
    return id.success ? [{ id: id.data, ...(registryURL ? { registryUrl: registryURL } : {}) }] : [];
  }),
);
/** One item of ListSyncRegions: a region a sync may target, with its registry address when SWR gives one. */
export interface SyncRegion {
  id: string;
  registryUrl?: string;
}

// IAM KeystoneListProjects (§4.2) and KeystoneCreateUserTokenByPassword (§4.3)
export const iamProjectsBodySchema = z
  .object({ projects: z.array(z.object({ id: z.string(), name: text })).nullish() })
  .transform((w) => w.projects ?? []);
export const iamTokenBodySchema = z
  .object({
    token: z.object({
      expires_at: z.string(),
      project: z.object({ id: z.string(), name: text }).nullish(),
    }),
  })
  .transform((w) => ({ expiresAt: w.token.expires_at, projectId: w.token.project?.id }));
