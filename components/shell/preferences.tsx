"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useEffect } from "react";
import { LOCALE_COOKIE, LOCALES, THEME_COOKIE, TIME_ZONE_COOKIE } from "@/i18n/config";
import { hasBrowserCookie, setBrowserCookie } from "./browser-cookie";
import { browserTimeZone } from "./time-zone-cookie";

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", "zh-CN": "简体中文" };

function applyTheme(theme: string) {
  const root = document.documentElement;
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  root.classList.toggle("dark", dark);
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function LanguageSelect() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        className={selectClass}
        value={locale}
        onChange={(e) => {
          setBrowserCookie(LOCALE_COOKIE, e.target.value);
          router.refresh();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ThemeSelect({ initial }: { initial: string }) {
  const t = useTranslations("nav");
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("theme")}</span>
      <select
        aria-label={t("theme")}
        className={selectClass}
        defaultValue={initial}
        onChange={(e) => {
          setBrowserCookie(THEME_COOKIE, e.target.value);
          applyTheme(e.target.value);
        }}
      >
        <option value="system">{t("themeSystem")}</option>
        <option value="light">{t("themeLight")}</option>
        <option value="dark">{t("themeDark")}</option>
      </select>
    </label>
  );
}

/**
 * Tells the server the person's time zone once, so dates render (and filter) in it: the one kept on their account
 * (`preferred`), else the browser's.
 */
export function TimeZoneSync({ preferred }: { preferred: string | null }) {
  const router = useRouter();
  const current = useTimeZone();
  useEffect(() => {
    const zone = preferred ?? browserTimeZone();
    const told = hasBrowserCookie(TIME_ZONE_COOKIE, zone);
    // Once told, never again: the server may spell an alias differently, which must not loop.
    if (zone && zone !== current && !told) {
      setBrowserCookie(TIME_ZONE_COOKIE, zone);
      router.refresh();
    }
  }, [current, preferred, router]);
  return null;
}
