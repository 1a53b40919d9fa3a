/** Operation names as the SWR and IAM API references call them; used by routing, stats and fault scoping. */
export const OPERATIONS = [
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

export type OperationName = (typeof OPERATIONS)[number];
