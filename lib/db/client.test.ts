import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError } from "@/lib/env";

describe("db()", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads no settings and opens nothing on import, as next build needs", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://not-supported");
    const { db } = await import("./client");
    await import("@/lib/auth/handler");
    expect(() => db()).toThrow(EnvError);
  });
});
