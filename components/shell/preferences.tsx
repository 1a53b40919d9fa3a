"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useEffect } from "react";
import { LOCALE_COOKIE, LOCALES, THEME_COOKIE, TIME_ZONE_COOKIE } from "@/i18n/config";

const YEAR = 60 * 60 * 24 * 365;
const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", "zh-CN": "简体中文" };

function setCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${YEAR}; samesite=lax`;
}

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
          setCookie(LOCALE_COOKIE, e.target.value);
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
          setCookie(THEME_COOKIE, e.target.value);
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
    const zone = preferred ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const told = document.cookie.split("; ").some((c) => c === `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`);
    // Once told, never again: the server may spell an alias differently, which must not loop.
    if (zone && zone !== current && !told) {
      setCookie(TIME_ZONE_COOKIE, zone);
      router.refresh();
    }
  }, [current, preferred, router]);
  return null;
}
