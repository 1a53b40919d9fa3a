import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { apiClient, sameOrigin } from "./api-session";
import { demoUser } from "./support";

// The admin's users API over real HTTP. Nothing here changes a demo user, so other specs are unaffected.

let baseURL: string;
const clients: Partial<Record<"anonymous" | "viewer" | "operator" | "admin", APIRequestContext>> = {};

async function client(role: "anonymous" | "viewer" | "operator" | "admin"): Promise<APIRequestContext> {
  return (clients[role] ??= await apiClient(baseURL, role === "anonymous" ? null : role));
}

async function userId(role: "viewer" | "admin"): Promise<string> {
  const { users } = (await (await (await client("admin")).get("/api/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const found = users.find((u) => u.email === demoUser(role).email);
  if (!found) throw new Error(`no ${role} in /api/users`);
  return found.id;
}

test.beforeAll(({ baseURL: url }) => {
  baseURL = url ?? "http://127.0.0.1:3100";
});

test.afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.dispose()));
});

test("an admin lists the users, without password hashes", async () => {
  const res = await (await client("admin")).get("/api/users");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { users: { email: string; role: string }[] };
  expect(body.users.map((u) => [u.email, u.role])).toEqual(
    expect.arrayContaining([
      ["admin@example.com", "admin"],
      ["operator@example.com", "operator"],
      ["viewer@example.com", "viewer"],
    ]),
  );
  expect(JSON.stringify(body)).not.toContain("passwordHash");
});

for (const [role, status] of [
  ["anonymous", 401],
  ["viewer", 403],
  ["operator", 403],
] as const) {
  test(`${role} ⇒ ${status} on GET, PATCH and ending sessions`, async () => {
    const target = await userId("viewer");
    const c = await client(role);
    expect((await c.get("/api/users")).status()).toBe(status);
    expect(
      (
        await c.patch(`/api/users/${target}`, { headers: sameOrigin(baseURL), data: { role: "admin" } })
      ).status(),
    ).toBe(status);
    const { users } = (await (await (await client("admin")).get("/api/users")).json()) as {
      users: { id: string; role: string }[];
    };
    expect(users.find((u) => u.id === target)?.role).toBe("viewer");
    const revoke = await c.post(`/api/users/${target}/sessions/revoke`, { headers: sameOrigin(baseURL) });
    expect(revoke.status()).toBe(status);
  });
}

test.describe("PATCH /api/users/{id} as admin", () => {
  const cases: [
    string,
    "viewer" | "admin",
    Record<string, unknown>,
    Record<string, string>,
    number,
    string | null,
  ][] = [
    ["demoting themself", "admin", { role: "viewer" }, {}, 409, "conflict"],
    ["disabling themself", "admin", { disabled: true }, {}, 409, "conflict"],
    ["an empty patch", "viewer", {}, {}, 400, "validation_failed"],
    ["an unknown role", "viewer", { role: "root" }, {}, 400, "validation_failed"],
    [
      "another origin",
      "viewer",
      { role: "viewer" },
      { origin: "https://evil.example.com" },
      403,
      "forbidden",
    ],
    ["setting the role it already has", "viewer", { role: "viewer" }, {}, 200, null],
  ];
  for (const [name, who, data, headers, status, code] of cases) {
    test(`${name} ⇒ ${status}`, async () => {
      const res = await (
        await client("admin")
      ).patch(`/api/users/${await userId(who)}`, { headers: sameOrigin(baseURL, headers), data });
      expect(res.status()).toBe(status);
      if (code) expect(await res.json()).toMatchObject({ error: { code } });
      else
        expect(await res.json()).toMatchObject({
          user: { email: demoUser(who).email, role: who, disabled: false },
        });
    });
  }
});

test.describe("sessions over real HTTP", () => {
  const signOut = async (c: APIRequestContext) => {
    const { csrfToken } = (await (await c.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await c.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  };

  test("signing out ends the session for a copy of its cookie too", async () => {
    const viewer = await apiClient(baseURL, "viewer");
    const copy = await request.newContext({ baseURL, storageState: await viewer.storageState() });
    expect((await copy.get("/api/jobs/stats")).status()).toBe(200);
    await signOut(viewer);
    expect((await copy.get("/api/jobs/stats")).status()).toBe(401);
    await Promise.all([viewer.dispose(), copy.dispose()]);
  });

  test("an admin ends all sessions of a user: their next request is 401", async () => {
    const viewer = await apiClient(baseURL, "viewer");
    expect((await viewer.get("/api/jobs/stats")).status()).toBe(200);
    const res = await (
      await client("admin")
    ).post(`/api/users/${await userId("viewer")}/sessions/revoke`, { headers: sameOrigin(baseURL) });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
    expect((await viewer.get("/api/jobs/stats")).status()).toBe(401);
    await viewer.dispose();
    // The cached viewer client was ended too: a later test signs in afresh.
    await clients.viewer?.dispose();
    delete clients.viewer;
  });
});
