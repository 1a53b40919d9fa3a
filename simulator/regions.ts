import { createHash } from "node:crypto";
import { SWR_SYNC_REGION_IDS } from "@/lib/swr/regions";

/** The 27 regions the official SDK knows (contract §2.2); the simulator serves every one of them. */
export const SERVED_REGIONS = [
  "af-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-5",
  "cn-east-2",
  "cn-east-3",
  "cn-north-1",
  "cn-north-2",
  "cn-north-4",
  "cn-north-9",
  "cn-north-11",
  "cn-south-1",
  "cn-south-2",
  "cn-southwest-2",
  "ru-northwest-2",
  "ru-moscow-1",
  "la-south-2",
  "la-north-2",
  "sa-brazil-1",
  "na-mexico-1",
  "tr-west-1",
  "ae-ad-1",
  "me-east-1",
  "my-kualalumpur-1",
  "eu-west-0",
  "eu-west-101",
] as const;

export type RegionId = (typeof SERVED_REGIONS)[number];

const served: ReadonlySet<string> = new Set(SERVED_REGIONS);

export function isServedRegion(region: string): region is RegionId {
  return served.has(region);
}

/** The regions SWR documents image sync among, the same list the app uses; syncs from or to others are refused. */
export const SYNC_REGIONS: readonly RegionId[] = SWR_SYNC_REGION_IDS;
const syncRegions: ReadonlySet<string> = new Set(SYNC_REGIONS);

export function isSyncRegion(region: string): boolean {
  return syncRegions.has(region);
}

/** 32 lower-case hex digits derived from a label, so IDs are identical on every run. */
export function stableHexId(label: string): string {
  return createHash("sha256").update(`swr-simulator/${label}`).digest("hex").slice(0, 32);
}

/** The IAM project of a region (one project per region, named after it). */
export function projectIdOf(region: string): string {
  return stableHexId(`project/${region}`);
}

const regionByProjectId = new Map<string, RegionId>(SERVED_REGIONS.map((r) => [projectIdOf(r), r]));

export function regionOfProjectId(projectId: string): RegionId | undefined {
  return regionByProjectId.get(projectId);
}

export const registryHost = (region: string) => `swr.${region}.myhuaweicloud.com`;

/** Intra-cloud registry address that SWR reports in `internal_path`. */
export const INTERNAL_REGISTRY = "10.125.0.198:20202";
