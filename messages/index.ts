import type { Locale } from "@/i18n/config";

// One catalog file per feature and language; each file holds its own top-level namespaces.
const CATALOGS: Record<Locale, () => Promise<{ default: Record<string, unknown> }[]>> = {
  en: () =>
    Promise.all([
      import("./en/common.json"),
      import("./en/overview.json"),
      import("./en/browse.json"),
      import("./en/compare.json"),
      import("./en/jobs.json"),
      import("./en/rules.json"),
      import("./en/multi-sync.json"),
      import("./en/users.json"),
      import("./en/tokens.json"),
      import("./en/webhooks.json"),
      import("./en/webhook-cards.json"),
      import("./en/api-docs.json"),
      import("./en/settings.json"),
      import("./en/errors.json"),
      import("./en/swr-errors.json"),
      import("./en/task-errors.json"),
      import("./en/job-errors.json"),
    ]),
  "zh-CN": () =>
    Promise.all([
      import("./zh-CN/common.json"),
      import("./zh-CN/overview.json"),
      import("./zh-CN/browse.json"),
      import("./zh-CN/compare.json"),
      import("./zh-CN/jobs.json"),
      import("./zh-CN/rules.json"),
      import("./zh-CN/multi-sync.json"),
      import("./zh-CN/users.json"),
      import("./zh-CN/tokens.json"),
      import("./zh-CN/webhooks.json"),
      import("./zh-CN/webhook-cards.json"),
      import("./zh-CN/api-docs.json"),
      import("./zh-CN/settings.json"),
      import("./zh-CN/errors.json"),
      import("./zh-CN/swr-errors.json"),
      import("./zh-CN/task-errors.json"),
      import("./zh-CN/job-errors.json"),
    ]),
};

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  return Object.assign({}, ...(await CATALOGS[locale]()).map((f) => f.default));
}
