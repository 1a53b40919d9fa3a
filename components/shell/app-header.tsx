import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NavLink } from "./nav-link";
import { LanguageSelect, ThemeSelect, TimeZoneSync } from "./preferences";
import { SignOutButton } from "./sign-out-button";

export interface HeaderUser {
  email: string;
  role: "viewer" | "operator" | "admin";
}

/** `timeZone`: the zone kept on the person's account, null to follow their browser's. */
export async function AppHeader({ user, theme, timeZone }: { user: HeaderUser; theme: string; timeZone: string | null }) {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          <NavLink href="/">{t("nav.overview")}</NavLink>
          <NavLink href="/repositories">{t("nav.repositories")}</NavLink>
          <NavLink href="/compare">{t("nav.compare")}</NavLink>
          <NavLink href="/jobs">{t("nav.jobs")}</NavLink>
          <NavLink href="/rules">{t("nav.rules")}</NavLink>
          <NavLink href="/api-docs">{t("nav.apiDocs")}</NavLink>
          {user.role === "admin" ? (
            <>
              <NavLink href="/admin/users">{t("nav.users")}</NavLink>
              <NavLink href="/admin/audit">{t("nav.audit")}</NavLink>
              <NavLink href="/admin/webhooks">{t("nav.webhooks")}</NavLink>
            </>
          ) : null}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-600 dark:text-slate-300">
            {t("nav.signedInAs", { email: user.email, role: t(`roles.${user.role}`) })}
          </span>
          <span className="text-sm">
            <NavLink href="/settings/tokens">{t("nav.tokens")}</NavLink>
          </span>
          <span className="text-sm">
            <NavLink href="/settings/preferences">{t("nav.preferences")}</NavLink>
          </span>
          <TimeZoneSync preferred={timeZone} />
          <LanguageSelect />
          <ThemeSelect initial={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
