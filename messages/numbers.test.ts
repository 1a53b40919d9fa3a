import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { loadMessages } from "./index";

// Numbers in messages are formatted for the reader's locale: a bare `{count}` would print 1000 where people read 1,000.

type Tree = Record<string, unknown>;

function strings(o: Tree, prefix = ""): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : strings(v as Tree, `${prefix}${k}.`),
  );
}

const typedArgs = (text: string) => [...text.matchAll(/\{(\w+),\s*(number|plural|selectordinal)\b/g)].map((m) => m[1]!);
const bareArgs = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe("numbers in the message catalogs", () => {
  it.each(LOCALES)("%s: an argument formatted as a number anywhere is formatted as one everywhere", async (locale) => {
    const messages = strings(await loadMessages(locale));
    const numeric = new Set(messages.flatMap(([, text]) => typedArgs(text)));
    const bare = messages.flatMap(([key, text]) => bareArgs(text).filter((a) => numeric.has(a)).map((a) => `${key}: {${a}}`));
    expect(bare).toEqual([]);
  });

  it.each([
    ["en", "tags.pageStatus", { page: 1200, pages: 3400, total: 81234 }, "Page 1,200 of 3,400 · 81,234 tags"],
    ["zh-CN", "tags.pageStatus", { page: 1200, pages: 3400, total: 81234 }, "第 1,200 页，共 3,400 页 · 81,234 个标签"],
    ["en", "job.progressText", { done: 0, total: 1000, percent: 0 }, "0 of 1,000 tags finished (0%)"],
    ["en", "overview.countLink", { count: 12000, status: "Failed" }, "12,000 Failed — show these jobs"],
    ["zh-CN", "users.sessionsEnded", { email: "a@b.c", count: 1500 }, "a@b.c：已结束 1,500 个会话。"],
    ["en", "job.timelineMeasured", { all: "no", shown: 20, measured: 20000 }, "The 20 slowest of 20,000 tags that were sent to SWR and finished."],
    ["en", "job.timelineMeasured", { all: "yes", shown: 1, measured: 1 }, "The one tag that was sent to SWR and finished."],
    ["zh-CN", "job.timelineMeasured", { all: "yes", shown: 1200, measured: 1200 }, "已提交到 SWR 并结束的全部 1,200 个标签，最慢的在前。"],
    ["en", "webhooks.attemptLine", { number: 2, time: "now", status: "500", latency: 1234 }, "#2 at now: 500, 1,234 ms"],
  ] as const)("%s %s reads %j as %j", async (locale, key, values, expected) => {
    const t = createTranslator({ locale, messages: await loadMessages(locale) });
    expect(t(key as never, values as never)).toBe(expected);
  });
});
