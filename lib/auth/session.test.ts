import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { Role } from "./roles";
import { sessionUserOf } from "./session-cookie";
import type * as SessionCookie from "./session-cookie";
import { requireUser } from "./session";

vi.mock("./session-cookie", async (importOriginal) => ({
  ...(await importOriginal<typeof SessionCookie>()),
  sessionUserOf: vi.fn(),
}));

const signedInAs = (role: Role | null) =>
  vi.mocked(sessionUserOf).mockResolvedValue(role ? { id: "u1", email: "u@example.com", name: null, role } : null);

const request = (headers: Record<string, string> = {}) => new Request("http://localhost:3000/api/x", { headers });

describe("requireUser", () => {
  beforeEach(() => vi.mocked(sessionUserOf).mockReset());

  it.each<[Role | null, Role, string | null]>([
    [null, "viewer", "unauthenticated"],
    ["viewer", "viewer", null],
    ["viewer", "operator", "forbidden"],
    ["operator", "operator", null],
    ["operator", "admin", "forbidden"],
    ["admin", "operator", null],
  ])("signed in as %s, needing %s → %s", async (role, minRole, code) => {
    signedInAs(role);
    const outcome = await requireUser(minRole, request()).then(
      (user) => user.role,
      (error: unknown) => (error instanceof AppError ? `${error.code}:${error.status}` : String(error)),
    );
    expect(outcome).toBe(code ? `${code}:${code === "forbidden" ? 403 : 401}` : role);
  });

  it("checks the request's own cookies, once", async () => {
    signedInAs("viewer");
    await requireUser("viewer", request({ cookie: "theme=dark; next-auth.session-token=abc%2Edef" }));
    expect(vi.mocked(sessionUserOf).mock.calls).toEqual([
      [
        [
          { name: "theme", value: "dark" },
          { name: "next-auth.session-token", value: "abc.def" },
        ],
      ],
    ]);
  });
});
