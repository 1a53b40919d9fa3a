import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { DEMO_USERS } from "@/lib/db/demo-users";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { seedDemoUsers } from "./seed";

describe("seedDemoUsers", () => {
  let database: TestDatabase;
  let client: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await client.$disconnect();
    await database.drop();
  });

  it("creates one demo user per role, each signing in with its documented password", async () => {
    const { created, existing } = await seedDemoUsers(database.url);
    expect(created.map((u) => u.role).sort()).toEqual(["admin", "operator", "viewer"]);
    expect(existing).toEqual([]);
    for (const demo of DEMO_USERS) {
      expect(demo.password.length).toBeGreaterThanOrEqual(12);
      const row = await client.user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(row.role).toBe(demo.role);
      expect(await verifyPassword(demo.password, row.passwordHash)).toBe(true);
    }
  });

  it("is idempotent and keeps a changed password", async () => {
    const admin = DEMO_USERS.find((u) => u.role === "admin")!;
    await client.user.update({
      where: { email: admin.email },
      data: { passwordHash: "scrypt$changed", role: "viewer" },
    });
    const { created, existing } = await seedDemoUsers(database.url);
    expect(created).toEqual([]);
    expect(existing).toHaveLength(DEMO_USERS.length);
    expect(await client.user.count()).toBe(DEMO_USERS.length);
    expect(await client.user.findUniqueOrThrow({ where: { email: admin.email } })).toMatchObject({
      passwordHash: "scrypt$changed",
      role: "viewer",
    });
  });
});
