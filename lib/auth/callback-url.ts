// Post-sign-in destinations: only paths of this app are used (no open redirects, and nothing next-auth would refuse with a 500).

const MAX_CALLBACK_URL_LENGTH = 2048;
/** next-auth's callback-url cookie under both of its names (plain http and secure). */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

function isPathOfThisApp(value: string): boolean {
  if (value.length > MAX_CALLBACK_URL_LENGTH || UNSAFE.test(value)) return false;
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  try {
    return new URL(value, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
  } catch {
    return false;
  }
}

/** `raw` as a path of this app (`/jobs?status=failed`): a relative path, or an absolute URL of `origin`; null for anything else. */
export function sameOriginPath(raw: string, origin: string | undefined): string | null {
  if (isPathOfThisApp(raw)) return raw;
  if (!origin || raw.length > MAX_CALLBACK_URL_LENGTH || UNSAFE.test(raw)) return null;
  try {
    const url = new URL(raw);
    if (url.origin !== new URL(origin).origin) return null;
    const path = url.pathname + url.search + url.hash;
    return isPathOfThisApp(path) ? path : null;
  } catch {
    return null;
  }
}

/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeCallbackUrl(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !isPathOfThisApp(value)) return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}

/** next-auth's `redirect` callback: a destination in this app, anything else its home page. */
export function redirectWithinApp({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${baseUrl}${sameOriginPath(url, baseUrl) ?? "/"}`;
}

/**
 * The Cookie header without callback-url cookies next-auth would refuse (it answers 500 for any value
 * that is not an http(s) URL or a path); null when nothing had to go.
 */
export function withoutBadCallbackCookies(cookieHeader: string | null, origin: string | undefined): string | null {
  if (!cookieHeader || !CALLBACK_URL_COOKIES.some((name) => cookieHeader.includes(name))) return null;
  let dropped = false;
  const kept = cookieHeader.split(";").filter((pair) => {
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq < 0 ? undefined : eq).trim();
    if (!CALLBACK_URL_COOKIES.includes(name)) return true;
    const raw = eq < 0 ? "" : pair.slice(eq + 1).trim();
    let value: string | null;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = null;
    }
    const ok = value !== null && sameOriginPath(value, origin) !== null;
    dropped ||= !ok;
    return ok;
  });
  return dropped ? kept.join(";").trim() : null;
}
