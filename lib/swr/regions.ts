import { type Message, msg } from "@/i18n/message";
import { regionIdOf } from "./name-rules";

// Region table of SDK 3.1.128 (contract §2.2) and endpoint resolution. Pure and free of zod: safe for the browser too.

export const DEFAULT_SWR_ENDPOINT_TEMPLATE = "https://swr-api.{region}.myhuaweicloud.com";
export const DEFAULT_IAM_ENDPOINT_TEMPLATE = "https://iam.myhuaweicloud.com";
const REGION_PLACEHOLDER = "{region}";

export interface SwrRegion {
  id: string;
  label: string;
}

export const SWR_REGIONS: readonly SwrRegion[] = [
  { id: "af-south-1", label: "AF-Johannesburg" },
  { id: "ap-southeast-1", label: "CN-Hong Kong" },
  { id: "ap-southeast-2", label: "AP-Bangkok" },
  { id: "ap-southeast-3", label: "AP-Singapore" },
  { id: "ap-southeast-5", label: "AP-Manila" },
  { id: "cn-east-2", label: "CN East-Shanghai2" },
  { id: "cn-east-3", label: "CN East-Shanghai1" },
  { id: "cn-north-1", label: "CN North-Beijing1" },
  { id: "cn-north-2", label: "CN North-Beijing2" },
  { id: "cn-north-4", label: "CN North-Beijing4" },
  { id: "cn-north-9", label: "CN North-Ulanqab1" },
  { id: "cn-north-11", label: "CN North-Ulanqab201" },
  { id: "cn-south-1", label: "CN South-Guangzhou" },
  { id: "cn-south-2", label: "CN South-Shenzhen" },
  { id: "cn-southwest-2", label: "CN Southwest-Guiyang1" },
  { id: "ru-northwest-2", label: "RU-Moscow2" },
  { id: "ru-moscow-1", label: "RU-Moscow1" },
  { id: "la-south-2", label: "LA-Santiago" },
  { id: "la-north-2", label: "LA-Mexico City2" },
  { id: "sa-brazil-1", label: "LA-Sao Paulo1" },
  { id: "na-mexico-1", label: "LA-Mexico City1" },
  { id: "tr-west-1", label: "TR-Istanbul" },
  { id: "ae-ad-1", label: "ME-Abu Dhabi" },
  { id: "me-east-1", label: "ME-Riyadh" },
  { id: "my-kualalumpur-1", label: "AP-Kuala Lumpur-OP6" },
  { id: "eu-west-0", label: "EU-Paris" },
  { id: "eu-west-101", label: "EU-Dublin" },
];

/** Whether `id` is a region of the table: the regions the app offers, so any other is taken for a typo. */
export const isKnownRegion = (id: string): boolean => SWR_REGIONS.some((r) => r.id === id);

export function regionLabel(id: string): string {
  return SWR_REGIONS.find((r) => r.id === id)?.label ?? id;
}

/**
 * The seven regions SWR documents image sync among (SWR user guide and FAQ "Can I Synchronize Images Across Regions?");
 * SWR refuses a sync from or to any other region, so the app offers and accepts these only.
 */
export const SWR_SYNC_REGION_IDS = ["cn-north-1", "cn-north-4", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3"] as const;

/** Where a list of sync targets came from: SWR's ListSyncRegions, or the documented sync regions. */
export const SYNC_TARGET_ORIGINS = ["swr", "documented"] as const;
export type SyncTargetOrigin = (typeof SYNC_TARGET_ORIGINS)[number];

const syncRegionIds: ReadonlySet<string> = new Set(SWR_SYNC_REGION_IDS);

export function isSyncRegion(id: string): boolean {
  return syncRegionIds.has(id);
}

/** The documented sync regions minus the source (none when the source is not one): the fallback of ListSyncRegions. */
export function documentedSyncTargets(sourceRegion: string): SwrRegion[] {
  if (!isSyncRegion(sourceRegion)) return [];
  return SWR_SYNC_REGION_IDS.filter((id) => id !== sourceRegion).map((id) => ({ id, label: regionLabel(id) }));
}

export interface SyncRegionProblem {
  /** Which end of the sync is outside the sync regions (the source when both are). */
  end: "source" | "target";
  region: string;
  /** What SWR refuses, naming the region and the regions it syncs among: for API answers and logs. */
  msg: Message;
}

const namedRegion = (id: string) => (regionLabel(id) === id ? id : `${id} (${regionLabel(id)})`);
const SYNC_REGION_LIST = SWR_SYNC_REGION_IDS.join(", ");

/** Why SWR would refuse a sync from `source` to `target` because of the regions alone; null when it would not. */
export function syncRegionProblem(source: string, target: string): SyncRegionProblem | null {
  if (!isSyncRegion(source)) return problem("source", source);
  if (!isSyncRegion(target)) return problem("target", target);
  return null;
}

function problem(end: SyncRegionProblem["end"], region: string): SyncRegionProblem {
  const params = { region: namedRegion(region), regions: SYNC_REGION_LIST };
  return { end, region, msg: end === "source" ? msg("jobErrors.syncFromRegion", params) : msg("jobErrors.syncToRegion", params) };
}

// Sovereign-cloud hosts that only apply while the default templates are in use.
const DEFAULT_TEMPLATE_OVERRIDES: Record<string, { swr: string; iam: string }> = {
  "eu-west-101": {
    swr: "https://swr-api.eu-west-101.myhuaweicloud.eu",
    iam: "https://iam.eu-west-101.myhuaweicloud.eu",
  },
};

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

function resolve(template: string, region: string, defaultTemplate: string, pick: "swr" | "iam"): string {
  const override = DEFAULT_TEMPLATE_OVERRIDES[region];
  if (override && withoutTrailingSlash(template) === defaultTemplate) return override[pick];
  const id = regionIdOf(region);
  if (id === null) throw new RangeError(`${JSON.stringify(region)} is not a region ID such as cn-north-4`);
  return withoutTrailingSlash(template.replaceAll(REGION_PLACEHOLDER, id));
}

/** SWR API base URL of a region, without a trailing slash. */
export function swrEndpoint(region: string, template = DEFAULT_SWR_ENDPOINT_TEMPLATE): string {
  return resolve(template, region, DEFAULT_SWR_ENDPOINT_TEMPLATE, "swr");
}

/** IAM base URL to use for a region (global by default), without a trailing slash. */
export function iamEndpoint(region: string, template = DEFAULT_IAM_ENDPOINT_TEMPLATE): string {
  return resolve(template, region, DEFAULT_IAM_ENDPOINT_TEMPLATE, "iam");
}
