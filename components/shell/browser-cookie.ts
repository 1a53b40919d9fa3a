// Preferences the browser keeps in cookies for the server to read on its next request (language, theme, time zone,
// the last source region): a year long, the whole site, sent on same-site navigations only.

const YEAR = 60 * 60 * 24 * 365;

export function setBrowserCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
}

/** Whether the browser already holds `name` with exactly this value. */
export function hasBrowserCookie(name: string, value: string): boolean {
  return document.cookie.split("; ").some((c) => c === `${name}=${encodeURIComponent(value)}`);
}
