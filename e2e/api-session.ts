import { expect, request, type APIRequestContext } from "@playwright/test";
import { demoUser } from "./support";

// API clients for the e2e API specs: signed in through next-auth's credentials endpoint, as the browser would be.

/** A request context carrying the session cookie of the demo user of `role`, or none for anonymous. */
export async function apiClient(
  baseURL: string,
  role: "viewer" | "operator" | "admin" | null,
): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL });
  if (!role) return client;
  const user = demoUser(role);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(signIn.ok()).toBe(true);
  const session = (await (await client.get("/api/auth/session")).json()) as { user?: { role?: string } };
  expect(session.user?.role).toBe(role);
  return client;
}

/** Headers of a state-changing call from the dashboard itself. */
export const sameOrigin = (baseURL: string, extra: Record<string, string> = {}) => ({
  origin: new URL(baseURL).origin,
  ...extra,
});
