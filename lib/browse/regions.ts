import "server-only";
import { getSwrClient, staticSyncTargets, SWR_REGIONS, type SwrClient, type SwrRegion } from "@/lib/swr";
import type { RegionsDto } from "./dto";

type RegionsSwr = Pick<SwrClient, "listSyncRegions">;

const isKnown = (id: string) => SWR_REGIONS.some((r) => r.id === id);
const toDto = ({ id, label }: SwrRegion) => ({ id, label });

/** Every region (no source), or the regions a sync from `source` may target. */
export async function listRegions(source: string | undefined, swr: RegionsSwr = getSwrClient()): Promise<RegionsDto> {
  if (!source) return { regions: SWR_REGIONS.map(toDto), source: "static" };
  const targets = await swr.listSyncRegions(source);
  // Only regions the API accepts elsewhere (knownRegionSchema) are offered, so a pick never fails validation.
  const regions = targets.regions.filter((r) => isKnown(r.id)).map(toDto);
  if (regions.length === 0) return { regions: staticSyncTargets(source).map(toDto), source: "static" };
  return { regions, source: targets.source };
}
