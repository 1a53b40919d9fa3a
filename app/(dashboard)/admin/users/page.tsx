import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminOnly } from "@/components/admin/admin-only";
import { UserTable } from "@/components/admin/user-table";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Fadmin%2Fusers");
  // The API refuses non-admins too; this page only saves them a screen of errors.
  if (!roleAllows(user.role, "admin")) return <AdminOnly role={user.role} />;
  const t = await getTranslations("users");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <UserTable currentUserId={user.id} />
    </>
  );
}
