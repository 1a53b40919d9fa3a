/**
 * SWR and IAM operation names as their API references call them: what the client labels its calls with (logs,
 * metrics) and what the simulator routes, counts and injects faults by.
 */
export const SWR_OPERATION_NAMES = [
  "ListApiVersions",
  "ShowApiVersion",
  "ListNamespaces",
  "ShowNamespace",
  "ListReposDetails",
  "ShowRepository",
  "ListRepositoryTags",
  "CreateManualImageSyncRepo",
  "ShowSyncJob",
  "ListImageAutoSyncReposDetails",
  "CreateImageSyncRepo",
  "DeleteImageSyncRepo",
  "ListSyncRegions",
  "KeystoneCreateUserTokenByPassword",
  "KeystoneListProjects",
] as const;

export type SwrOperationName = (typeof SWR_OPERATION_NAMES)[number];
