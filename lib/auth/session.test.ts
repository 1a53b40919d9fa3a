import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { Role } from "./roles";
import { getCurrentUser, requireUser } from "./session";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("./options", () => ({ getAuthOptions: () => ({ providers: [] }) }));

const signedInAs = (role: Role | null) =>
  vi
    .mocked(getServerSession)
    .mockResolvedValue(
      role ? { expires: "", user: { id: "u1", email: "u@example.com", name: null, role } } : null,
    );

describe("requireUser", () => {
  beforeEach(() => vi.mocked(getServerSession).mockReset());

  it.each<[Role | null, Role, string | null]>([
    [null, "viewer", "unauthenticated"],
    ["viewer", "viewer", null],
    ["viewer", "operator", "forbidden"],
    ["operator", "operator", null],
    ["operator", "admin", "forbidden"],
    ["admin", "operator", null],
  ])("signed in as %s, needing %s → %s", async (role, minRole, code) => {
    signedInAs(role);
    const outcome = await requireUser(minRole).then(
      (user) => user.role,
      (error: unknown) => (error instanceof AppError ? `${error.code}:${error.status}` : String(error)),
    );
    expect(outcome).toBe(code ? `${code}:${code === "forbidden" ? 403 : 401}` : role);
  });

  it("getCurrentUser returns null without a session", async () => {
    signedInAs(null);
    expect(await getCurrentUser()).toBeNull();
  });
});
