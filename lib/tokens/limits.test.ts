import { describe, expect, it } from "vitest";
import { TOKEN_NAME_MAX, tokenNameOf } from "./limits";
import { createTokenSchema } from "./schemas";

/** The name the API would keep from `text`, by its own schema. */
function apiName(text: string): string | null {
  const parsed = createTokenSchema.safeParse({ name: text, expiresInDays: 30, role: "viewer" });
  return parsed.success ? parsed.data.name : null;
}

describe("tokenNameOf", () => {
  it.each(["ci", "  deploy bot  ", "", "   ", "x".repeat(TOKEN_NAME_MAX), "x".repeat(TOKEN_NAME_MAX + 1), ` ${"x".repeat(TOKEN_NAME_MAX - 1)} `])(
    "takes %j as the API's schema does",
    (text) => {
      expect(tokenNameOf(text)).toBe(apiName(text));
    },
  );
});
