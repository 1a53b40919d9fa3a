// The time zone the server renders and filters times in comes from a cookie (i18n/request.ts). The browser sets it
// as soon as a person signs in, before the first page is asked for, so that page already shows their zone; the
// header's TimeZoneSync keeps it in step afterwards.
import { TIME_ZONE_COOKIE } from "@/i18n/config";
import { setBrowserCookie } from "./browser-cookie";

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone kept on the signed-in person's account (GET /api/profile), else this browser's. */
async function signedInTimeZone(): Promise<string> {
  try {
    const response = await fetch("/api/profile", { headers: { Accept: "application/json" } });
    const body: unknown = response.ok ? await response.json() : null;
    const profile = typeof body === "object" && body !== null && "profile" in body ? body.profile : null;
    const kept = typeof profile === "object" && profile !== null && "timeZone" in profile ? profile.timeZone : null;
    return typeof kept === "string" && kept.length > 0 ? kept : browserTimeZone();
  } catch {
    return browserTimeZone();
  }
}

/** Right after sign-in: tells the server the person's zone for the pages to come. */
export async function rememberTimeZoneAtSignIn(): Promise<void> {
  const zone = await signedInTimeZone();
  if (zone) setBrowserCookie(TIME_ZONE_COOKIE, zone);
}
