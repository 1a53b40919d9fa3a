import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { withTestDatabase } from "@/test/with-test-database";
import { auditDetailText, listAudit, recordAudit } from "./audit";
import { db } from "./client";
import { createUser, setUserDisabled } from "./users";

withTestDatabase();

describe("auditDetailText", () => {
  it("drops secret-looking keys and keeps the detail small", () => {
    const detail = JSON.parse(
      auditDetailText({
        password: "hunter2",
        nested: { sessionToken: "t", ok: 1 },
        sk: "secret",
        reason: "x".repeat(2000),
        tags: Array.from({ length: 50 }, (_, i) => `t${i}`),
      }) ?? "null",
    ) as Record<string, unknown>;
    expect(detail).not.toHaveProperty("password");
    expect(detail).not.toHaveProperty("sk");
    expect(detail.nested).toEqual({ ok: 1 });
    expect(detail.reason).toHaveLength(501);
    expect(detail.tags).toHaveLength(21);
    expect(auditDetailText(undefined)).toBeNull();
  });
});

describe("listAudit", () => {
  it("pages newest first and filters by action and outcome", async () => {
    for (let i = 0; i < 7; i++) {
      await recordAudit({
        actor: { email: "robot@example.com" },
        action: "sync_start",
        target: `job-${i}`,
        outcome: i % 2 ? "failure" : "success",
      });
    }
    const first = await listAudit({ action: "sync_start", limit: 3 });
    const second = await listAudit({ action: "sync_start", limit: 3, cursor: first.nextCursor ?? undefined });
    const third = await listAudit({ action: "sync_start", limit: 3, cursor: second.nextCursor ?? undefined });
    expect([...first.items, ...second.items, ...third.items].map((e) => e.target)).toEqual([
      "job-6",
      "job-5",
      "job-4",
      "job-3",
      "job-2",
      "job-1",
      "job-0",
    ]);
    expect(third.nextCursor).toBeNull();
    expect((await listAudit({ action: "sync_start", outcome: "failure" })).items).toHaveLength(3);
  });
});

describe("sign-in auditing", () => {
  beforeAll(async () => {
    await createUser({ email: "dana@example.com", password: "the-right-password", role: "viewer" });
    const eve = await createUser({
      email: "eve@example.com",
      password: "the-right-password",
      role: "viewer",
    });
    await setUserDisabled(eve.id, true);
  });

  it.each([
    ["the right password", { email: " Dana@Example.com", password: "the-right-password" }, "success", null],
    [
      "a wrong password",
      { email: "dana@example.com", password: "wrong-password" },
      "failure",
      "wrong_password",
    ],
    [
      "an unknown email",
      { email: "zed@example.com", password: "the-right-password" },
      "failure",
      "unknown_email",
    ],
    [
      "a disabled account",
      { email: "eve@example.com", password: "the-right-password" },
      "failure",
      "disabled",
    ],
    ["a malformed email", { email: "not an email", password: "pw-malformed-case" }, "failure", "malformed"],
  ])("records %s with the email as typed and no password", async (_, credentials, outcome, reason) => {
    await authorizeCredentials(credentials);
    const event = await db().auditEvent.findFirst({
      where: { action: "sign_in" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    expect(event).toMatchObject({ actorEmail: credentials.email.trim(), outcome });
    expect(event?.detail ? JSON.parse(event.detail) : null).toEqual(reason && { reason });
    expect(JSON.stringify(event)).not.toContain(credentials.password);
  });
});
