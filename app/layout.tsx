import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { THEME_COOKIE } from "@/i18n/config";
import { NONCE_HEADER } from "@/lib/http/security-headers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

// Applies "system" theme before first paint; an explicit choice is rendered by the server.
const systemThemeScript = `try{if(!document.documentElement.dataset.theme&&matchMedia("(prefers-color-scheme: dark)").matches)document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  // proxy.ts allows inline scripts only with this request's nonce (Content-Security-Policy).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const explicit = theme === "dark" || theme === "light" ? theme : undefined;
  return (
    <html
      lang={locale}
      data-theme={explicit}
      className={explicit === "dark" ? "dark" : undefined}
      suppressHydrationWarning
    >
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: systemThemeScript }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
