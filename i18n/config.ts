import { canonicalTimeZone, UTC } from "@/lib/time-zone";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const THEME_COOKIE = "theme";
export const TIME_ZONE_COOKIE = "tz";

/** The browser's IANA time zone from its cookie, when it is one this runtime knows; else UTC. */
export function resolveTimeZone(raw: string | undefined): string {
  return canonicalTimeZone(raw ?? "") ?? UTC;
}

export function isLocale(v: string | undefined): v is Locale {
  return LOCALES.some((l) => l === v);
}

/** The best supported locale for an Accept-Language header, by quality then order. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}
