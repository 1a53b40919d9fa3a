// The source region a person last picked, remembered for the next visit to /repositories.
import { setBrowserCookie } from "@/components/shell/browser-cookie";

export const REGION_COOKIE = "swr-sync-region";

export function rememberRegion(region: string): void {
  setBrowserCookie(REGION_COOKIE, region);
}
