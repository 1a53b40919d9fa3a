import type { Locale } from "@/i18n/config";

// One catalog file per feature and language; each file holds its own top-level namespaces.
const CATALOGS: Record<Locale, () => Promise<Record<string, unknown>[]>> = {
  en: () =>
    Promise.all([import("./en/common.json"), import("./en/overview.json")]).then((files) =>
      files.map((f) => f.default),
    ),
  "zh-CN": () =>
    Promise.all([import("./zh-CN/common.json"), import("./zh-CN/overview.json")]).then((files) =>
      files.map((f) => f.default),
    ),
};

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  return Object.assign({}, ...(await CATALOGS[locale]()));
}
