// The source region a person last picked, remembered for the next visit to /repositories.

export const REGION_COOKIE = "swr-sync-region";
const YEAR = 60 * 60 * 24 * 365;

export function rememberRegion(region: string): void {
  document.cookie = `${REGION_COOKIE}=${encodeURIComponent(region)}; path=/; max-age=${YEAR}; samesite=lax`;
}
