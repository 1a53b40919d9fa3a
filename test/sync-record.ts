import type { SwrSyncRecord } from "@/lib/sync/records";

// An SWR sync-job record for unit tests: tag `v1` of team-a/nginx to team-a in cn-east-3, done.

export function syncRecord(over: Partial<SwrSyncRecord> = {}): SwrSyncRecord {
  return {
    id: 1,
    createdAt: "2026-11-28T12:00:00.000Z",
    updatedAt: "",
    domainID: "",
    domainName: "",
    namespace: "team-a",
    repoName: "nginx",
    tag: "v1",
    remoteRegionId: "cn-east-3",
    remoteNamespace: "team-a",
    override: false,
    status: "success",
    syncOperatorId: "",
    syncOperatorName: "",
    ...over,
  };
}
