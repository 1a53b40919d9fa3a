import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { loadMessages } from "./index";

// Every catalog key the server can name in a message (a quoted `errors.…` or `<feature>Errors.…` in lib/, app/ or
// i18n/: msg(), AppError, a schema's message) has an entry in every language, so no answer reaches a reader as a bare key.

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["lib", "app", "i18n"];
const KEY = /["'](?:errors|[a-z]\w*Errors)\.[\w.]+["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Key → the files that name it. */
function serverKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of SOURCES.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    for (const [quoted] of readFileSync(file, "utf8").matchAll(KEY)) {
      const key = quoted.slice(1, -1);
      if (key.endsWith(".json")) continue; // an import of a catalog file, not a key
      keys.set(key, [...(keys.get(key) ?? []), path.relative(ROOT, file)]);
    }
  }
  return keys;
}

function lookup(tree: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe("server message keys", () => {
  const keys = serverKeys();

  it("are found in the sources (the scan works)", () => {
    expect(keys.has("errors.internal")).toBe(true);
    expect(keys.has("jobErrors.notFound")).toBe(true);
  });

  it.each(LOCALES)("each reads as a sentence in %s (the message parses and takes its arguments)", async (locale) => {
    const messages = await loadMessages(locale);
    const problems: string[] = [];
    const t = createTranslator({ locale, messages, timeZone: "UTC", onError: (error) => problems.push(error.message) });
    for (const key of keys.keys()) {
      const text = lookup(messages, key);
      if (typeof text !== "string") continue;
      // Every argument as 1: a number for plurals and number formats, a word anywhere else.
      const values = Object.fromEntries([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => [m[1]!, 1]));
      const out = (t as unknown as (k: string, v: object) => string)(key, values);
      if (out === key) problems.push(`${key} did not render`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)("each has a message in %s", async (locale) => {
    const catalog = await loadMessages(locale);
    const missing = [...keys].filter(([key]) => typeof lookup(catalog, key) !== "string").map(([key, files]) => `${key} (${[...new Set(files)].join(", ")})`);
    expect(missing).toEqual([]);
  });
});
