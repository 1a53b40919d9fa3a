// lib/swr is Huawei Cloud SWR (SoftWare Repository for Container), not Vercel's `swr` data-fetching library.
import "server-only";

export { createSwrClient, getSwrClient, type SwrClient } from "./client";
export { manyReadsRetry, swrConfigFromEnv, type AkSkCredentials, type PasswordCredentials, type SwrClientConfig, type SwrCredentials } from "./config";
export { describeSwrError, isSwrError, SwrError, toAppError, type SwrErrorKind, type SwrResource } from "./errors";
export { namespaceNameSchema, regionIdSchema, repositoryNameSchema, tagNameSchema } from "./names";
export type {
  AutoSyncRuleInput,
  AutoSyncTarget,
  ListNamespacesOptions,
  ListReposOptions,
  ListSyncJobsOptions,
  ListTagsOptions,
  ManualSyncInput,
} from "./options";
export { collectPages, parseContentRange, walkPages, type AllPages, type Page, type WalkOptions } from "./pagination";
export {
  documentedSyncTargets,
  iamEndpoint,
  isSyncRegion,
  regionLabel,
  SWR_REGIONS,
  SWR_SYNC_REGION_IDS,
  swrEndpoint,
  syncRegionProblem,
  type SwrRegion,
  type SyncTargetOrigin,
} from "./regions";
export type { ProbeResult } from "./browse";
export type { ManualSyncReceipt, SyncTargets } from "./sync";
export { KNOWN_SYNC_JOB_STATUSES, type ApiVersion, type AutoSyncRule, type Namespace, type Repo, type RepositoryDetail, type SyncJob, type SyncRegion, type Tag } from "./wire";
