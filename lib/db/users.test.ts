import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { NewUser } from "@/lib/users/schemas";
import { withTestDatabase } from "@/test/with-test-database";
import { db } from "./client";
import {
  createUser,
  getUserByEmail,
  getUserById,
  listUsers,
  setUserDisabled,
  updateUserRole,
} from "./users";

withTestDatabase();

const valid: NewUser = {
  email: "ops@example.com",
  name: "Ops",
  password: "a-long-enough-password",
  role: "operator",
};

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

describe("users data layer", () => {
  it("creates a user and returns a DTO without the password hash", async () => {
    const user = await createUser(valid);
    expect(user).toMatchObject({ email: "ops@example.com", name: "Ops", role: "operator", disabled: false });
    expect(Object.keys(user).sort()).toEqual([
      "createdAt",
      "disabled",
      "email",
      "id",
      "name",
      "role",
      "updatedAt",
    ]);
    expect(await getUserById(user.id)).toEqual(user);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
  });

  it("normalises the email on create and on lookup", async () => {
    const user = await createUser({ ...valid, email: "  Mixed.Case@Example.COM " });
    expect(user.email).toBe("mixed.case@example.com");
    expect((await getUserByEmail("MIXED.case@example.com"))?.id).toBe(user.id);
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    expect(await codeOf(createUser({ ...valid, email: "OPS@example.com" }))).toBe("conflict");
  });

  it.each<[string, Partial<NewUser>]>([
    ["an invalid email", { email: "not-an-email" }],
    ["a short password", { password: "too-short" }],
    ["an unknown role", { role: "owner" as NewUser["role"] }],
    ["an empty name", { name: " " }],
  ])("rejects %s", async (_what, change) => {
    expect(await codeOf(createUser({ ...valid, email: "new@example.com", ...change }))).toBe(
      "validation_failed",
    );
  });

  it("changes the role and disables a user", async () => {
    const user = await createUser({ ...valid, email: "changing@example.com", role: "viewer" });
    expect((await updateUserRole(user.id, "admin")).role).toBe("admin");
    expect((await setUserDisabled(user.id, true)).disabled).toBe(true);
    expect(await getUserById(user.id)).toMatchObject({ role: "admin", disabled: true });
    expect((await setUserDisabled(user.id, false)).disabled).toBe(false);
  });

  it("reports an unknown user as not found", async () => {
    expect(await codeOf(updateUserRole("no-such-id", "admin"))).toBe("not_found");
    expect(await codeOf(setUserDisabled("no-such-id", true))).toBe("not_found");
    expect(await getUserById("no-such-id")).toBeNull();
    expect(await getUserByEmail("nobody@example.com")).toBeNull();
  });

  it("lists users by email", async () => {
    const emails = (await listUsers()).map((u) => u.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).toContain("ops@example.com");
  });
});
