import { z } from "zod";

// The simulator's state, as kept in memory and in the optional state file. Wire shapes are in wire.ts.

const id = z.number().int().nonnegative();

export const tagSchema = z.object({
  id,
  Tag: z.string(),
  image_id: z.string(),
  manifest: z.string(),
  digest: z.string(),
  schema: z.number().int(),
  size: z.number().int().nonnegative(),
  tag_type: z.number().int(),
  is_trusted: z.boolean(),
  scanned: z.boolean(),
  created: z.string(),
  updated: z.string(),
});

export const repoSchema = z.object({
  id,
  name: z.string(),
  category: z.string(),
  description: z.string(),
  is_public: z.boolean(),
  num_download: z.number().int().nonnegative(),
  creator_id: z.string(),
  creator_name: z.string(),
  created: z.string(),
  tags: z.array(tagSchema),
});

export const namespaceSchema = z.object({
  id,
  name: z.string(),
  creator_name: z.string(),
  /** The caller's permission: 7 manage, 3 write, 1 read. */
  auth: z.number().int(),
  /** Listed by ListNamespaces only with `mode::visible` (permission on a repository inside only). */
  visibleOnly: z.boolean(),
  repos: z.array(repoSchema),
});

export const SYNC_STATUSES = ["waiting", "running", "success", "failed", "timeout", "cancel", "existed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** What jobs and automatic-sync rules share: a source repository, a target and an account. */
const syncBase = z.object({
  id,
  /** Source region: records live where the sync was triggered. */
  region: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  domainID: z.string(),
  domainName: z.string(),
  namespace: z.string(),
  repoName: z.string(),
  remoteRegionId: z.string(),
  remoteNamespace: z.string(),
  override: z.boolean(),
});

export const syncJobSchema = syncBase.extend({
  tag: z.string(),
  status: z.enum(SYNC_STATUSES),
  syncOperatorId: z.string(),
  syncOperatorName: z.string(),
  /** Why an injected failure happened; shown by the admin API only, never on the SWR wire. */
  reason: z.string().optional(),
});

export const syncRuleSchema = syncBase.extend({ syncAuto: z.boolean() });

export const tokenSchema = z.object({
  token: z.string(),
  userId: z.string(),
  projectId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});

export const ID_KINDS = ["namespace", "repo", "tag", "job", "rule"] as const;
export type IdKind = (typeof ID_KINDS)[number];

export const simStateSchema = z.object({
  version: z.literal(1),
  nextIds: z.record(z.enum(ID_KINDS), id),
  regions: z.record(z.string(), z.array(namespaceSchema)),
  syncJobs: z.array(syncJobSchema),
  syncRules: z.array(syncRuleSchema),
  tokens: z.array(tokenSchema),
});

export type Tag = z.infer<typeof tagSchema>;
export type Repo = z.infer<typeof repoSchema>;
export type Namespace = z.infer<typeof namespaceSchema>;
export type SyncJob = z.infer<typeof syncJobSchema>;
export type SyncRule = z.infer<typeof syncRuleSchema>;
export type IssuedToken = z.infer<typeof tokenSchema>;
export type SimState = z.infer<typeof simStateSchema>;
