import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminOnly } from "@/components/admin/admin-only";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Fadmin%2Fwebhooks");
  // The API refuses non-admins too; this page only saves them a screen of errors.
  if (!roleAllows(user.role, "admin")) return <AdminOnly role={user.role} />;
  const t = await getTranslations("webhooks");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <WebhookList />
    </>
  );
}
