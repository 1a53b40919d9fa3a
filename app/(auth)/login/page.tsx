import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const t = await getTranslations();
  const { callbackUrl, error } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("app.tagline")}</p>
      </div>
      <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} error={typeof error === "string" ? error : undefined} />
    </main>
  );
}
