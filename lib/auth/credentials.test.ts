import { beforeAll, describe, expect, it } from "vitest";
import { createUser, setUserDisabled } from "@/lib/db/users";
import { withTestDatabase } from "@/test/with-test-database";
import { authorizeCredentials } from "./credentials";

withTestDatabase();

const PASSWORD = "the-right-password";

describe("authorizeCredentials", () => {
  beforeAll(async () => {
    await createUser({ email: "alice@example.com", name: "Alice", password: PASSWORD, role: "operator" });
    const bob = await createUser({ email: "bob@example.com", password: PASSWORD, role: "admin" });
    await setUserDisabled(bob.id, true);
  });

  it("returns the session user for the right email and password", async () => {
    const user = await authorizeCredentials({ email: " Alice@Example.com", password: PASSWORD });
    expect(user).toEqual({
      id: expect.any(String),
      email: "alice@example.com",
      name: "Alice",
      role: "operator",
    });
  });

  it.each<[string, unknown]>([
    ["a wrong password", { email: "alice@example.com", password: "the-wrong-password" }],
    ["an unknown email", { email: "carol@example.com", password: PASSWORD }],
    ["a disabled user", { email: "bob@example.com", password: PASSWORD }],
    ["a malformed email", { email: "alice", password: PASSWORD }],
    ["an empty password", { email: "alice@example.com", password: "" }],
    ["a missing password", { email: "alice@example.com" }],
    ["a non-string password", { email: "alice@example.com", password: ["x"] }],
    ["no credentials", undefined],
  ])("refuses %s", async (_what, credentials) => {
    expect(await authorizeCredentials(credentials)).toBeNull();
  });
});
