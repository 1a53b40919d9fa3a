import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { knownRegionSchema } from "@/lib/validation/browse";
import { REGION_COOKIE } from "./region-cookie";

/** The region last picked in this browser, else the configured default. */
export async function preferredRegion(): Promise<string> {
  const remembered = knownRegionSchema.safeParse((await cookies()).get(REGION_COOKIE)?.value);
  return remembered.success ? remembered.data : env().SWR_DEFAULT_REGION;
}
