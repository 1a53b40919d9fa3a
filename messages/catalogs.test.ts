import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { loadMessages } from "./index";

type Tree = Record<string, unknown>;

function keys(o: Tree, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function lookup(o: Tree, key: string): string {
  return key.split(".").reduce<unknown>((acc, k) => (acc as Tree)[k], o) as string;
}

// An argument is `{name}` or `{name, type…`; a select's option text (`{wrong password}`) is not one.
function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!).sort();
}

describe("message catalogs", () => {
  it("load every catalog file of every language", async () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(import.meta.dirname, locale)).filter((f) => f.endsWith(".json"));
      const loaded = await loadMessages(locale);
      for (const f of files) {
        const file = JSON.parse(readFileSync(path.join(import.meta.dirname, locale, f), "utf8")) as Tree;
        for (const ns of Object.keys(file)) expect(loaded, `${locale}/${f}`).toHaveProperty(ns);
      }
    }
  });

  it("give each top-level namespace one file, as files are merged by namespace", () => {
    for (const locale of LOCALES) {
      const owner = new Map<string, string>();
      for (const f of readdirSync(path.join(import.meta.dirname, locale)).filter((name) => name.endsWith(".json"))) {
        const file = JSON.parse(readFileSync(path.join(import.meta.dirname, locale, f), "utf8")) as Tree;
        for (const ns of Object.keys(file)) {
          expect(owner.get(ns), `${locale}: namespace "${ns}" is in ${owner.get(ns)} and ${f}`).toBeUndefined();
          owner.set(ns, f);
        }
      }
    }
  });

  it("hold messages that parse (a bare < starts a tag: write '<' for the character)", async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      const invalid: string[] = [];
      const t = createTranslator({
        locale,
        messages,
        onError: (error) => {
          if (error.code === "INVALID_MESSAGE") invalid.push(error.message);
        },
      }) as unknown as { raw(key: string): unknown; (key: string): string };
      for (const key of keys(messages)) t(key);
      expect(invalid, locale).toEqual([]);
    }
  });

  it("have the same keys and placeholders in every language", async () => {
    const en = await loadMessages("en");
    const zh = await loadMessages("zh-CN");
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) expect(placeholders(lookup(zh, key)), key).toEqual(placeholders(lookup(en, key)));
  });

  it("hold valid ICU messages (the build compiles them; `'{'` and `'<'` quote a brace or a bracket)", async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      const invalid: string[] = [];
      // A value makes the translator parse every message; an argument it lacks is a formatting error, not a parse error.
      const t = createTranslator({ locale, messages, onError: (e) => void (e.code === "INVALID_MESSAGE" && invalid.push(e.message)) });
      for (const key of keys(messages)) t.markup(key as never, { _: "" } as never);
      expect(invalid, locale).toEqual([]);
    }
  });
});
