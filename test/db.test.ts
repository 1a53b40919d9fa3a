import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./db";

describe("createTestDatabase", () => {
  it.each(["postgresql://postgres@db.example.com:5432/prod", "postgresql://postgres@10.1.2.3/test"])(
    "refuses the non-local server %s before touching it",
    async (url) => {
      await expect(createTestDatabase(url)).rejects.toThrow(/Refusing to run tests against/);
    },
  );
});
