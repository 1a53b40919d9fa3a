// next-auth's sign-in and sign-out endpoints as the browser calls them, the way next-auth/react does (a CSRF token,
// then a form POST that answers JSON), without its client library: that would add 10 kB of gzipped JS to every page.

const AUTH_BASE = "/api/auth";

const formHeaders = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };

/** The `url` of next-auth's JSON answer, or null when the answer is not one. */
async function answerUrl(response: Response): Promise<string | null> {
  const body: unknown = await response.json().catch(() => null);
  const url = typeof body === "object" && body !== null && "url" in body ? body.url : null;
  return typeof url === "string" ? url : null;
}

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { headers: { Accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  const token = typeof body === "object" && body !== null && "csrfToken" in body ? body.csrfToken : null;
  if (!response.ok || typeof token !== "string") throw new Error(`GET ${AUTH_BASE}/csrf answered HTTP ${response.status}`);
  return token;
}

export interface SignInResult {
  ok: boolean;
  /** next-auth's error (`CredentialsSignin`, or the message authorize threw), from the answer's `?error=`. */
  error: string | null;
}

/** Signs in with the credentials provider; the session cookie comes with the answer. */
export async function signInWithCredentials(email: string, password: string): Promise<SignInResult> {
  const body = new URLSearchParams({ email, password, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" });
  const response = await fetch(`${AUTH_BASE}/callback/credentials`, { method: "POST", headers: formHeaders, body });
  const url = await answerUrl(response);
  const error = url === null ? null : new URL(url, window.location.origin).searchParams.get("error");
  return { ok: response.ok, error };
}

/** Ends the session (next-auth's signOut event revokes its row) and goes to `callbackUrl`. */
export async function signOut(callbackUrl: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" });
  const response = await fetch(`${AUTH_BASE}/signout`, { method: "POST", headers: formHeaders, body });
  window.location.href = (await answerUrl(response)) ?? callbackUrl;
}
