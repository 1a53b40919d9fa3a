import "server-only";
import { documentedSyncTargets, getSwrClient, isSyncRegion, SWR_REGIONS, type SwrClient, type SwrRegion } from "@/lib/swr";
import type { RegionsDto, SyncTargetsDto } from "./dto";

type RegionsSwr = Pick<SwrClient, "listSyncTargets">;

const toDto = ({ id, label }: SwrRegion) => ({ id, label });

/** Every region of the table: what a source may be browsed in. */
export function listRegions(): RegionsDto {
  return { regions: SWR_REGIONS.map(toDto) };
}

/**
 * The regions a sync from `source` may target. SWR's list is narrowed to the documented sync regions, which are all
 * the jobs API accepts, so a pick never fails there; a source outside them is not asked about at all.
 */
export async function listSyncTargets(source: string, swr: RegionsSwr = getSwrClient()): Promise<SyncTargetsDto> {
  if (!isSyncRegion(source)) return { supported: false, regions: [], origin: "documented" };
  const targets = await swr.listSyncTargets(source);
  const regions = targets.regions.filter((r) => isSyncRegion(r.id)).map(toDto);
  if (regions.length === 0) return { supported: true, regions: documentedSyncTargets(source).map(toDto), origin: "documented" };
  return { supported: true, regions, origin: targets.origin };
}
