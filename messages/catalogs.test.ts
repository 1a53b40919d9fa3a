import { describe, expect, it } from "vitest";
import en from "./en.json";
import zh from "./zh-CN.json";

function keys(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]!).sort();
}

describe("message catalogs", () => {
  it("have the same keys in every language", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("use the same placeholders in every language", () => {
    const get = (o: Record<string, unknown>, path: string) =>
      path.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string;
    for (const key of keys(en)) {
      expect(placeholders(get(zh, key)), key).toEqual(placeholders(get(en, key)));
    }
  });
});
