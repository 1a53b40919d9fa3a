// use-intl/core: the translator without React, so scripts run with the react-server condition (the bench) load it too.
import { createTranslator } from "use-intl/core";
import enErrors from "@/messages/en/errors.json";
import enJobErrors from "@/messages/en/job-errors.json";
import enJobs from "@/messages/en/jobs.json";
import enSwrErrors from "@/messages/en/swr-errors.json";
import enTaskErrors from "@/messages/en/task-errors.json";
import enWebhookCards from "@/messages/en/webhook-cards.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import zhJobErrors from "@/messages/zh-CN/job-errors.json";
import zhJobs from "@/messages/zh-CN/jobs.json";
import zhSwrErrors from "@/messages/zh-CN/swr-errors.json";
import zhTaskErrors from "@/messages/zh-CN/task-errors.json";
import zhWebhookCards from "@/messages/zh-CN/webhook-cards.json";
import type { Locale } from "./config";
import { type Message, renderMessage, type Translate } from "./message";

// Messages rendered on the server outside a page's request: English for the `message` field of API answers, logs and
// CSV exports; any language for what a person reads without the app's pages (webhook cards, refusals before routing).
// The catalogs are the ones the browser renders with; a key missing from them is a bug that tests catch.

const CATALOGS: Record<Locale, Record<string, unknown>> = {
  en: { ...enErrors, ...enSwrErrors, ...enTaskErrors, ...enJobErrors, ...enWebhookCards, jobStatus: enJobs.jobStatus },
  "zh-CN": { ...zhErrors, ...zhSwrErrors, ...zhTaskErrors, ...zhJobErrors, ...zhWebhookCards, jobStatus: zhJobs.jobStatus },
};

const translators = new Map<Locale, Translate>();

/** A catalog lookup in `locale`, as next-intl's `t`. */
export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: CATALOGS[locale],
      timeZone: "UTC",
      onError: (error) => {
        if (process.env.NODE_ENV !== "production") throw error;
      },
    }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** The message in `locale`. */
export function textIn(locale: Locale, message: Message): string {
  return renderMessage(translatorFor(locale), message);
}
