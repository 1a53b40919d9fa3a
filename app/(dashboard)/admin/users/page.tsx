import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UserTable } from "@/components/admin/user-table";
import { requirePageRole } from "@/lib/auth/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  // The API refuses non-admins too; the page answers them 403 with forbidden.tsx instead of a screen of errors.
  const user = await requirePageRole("admin", "/admin/users");
  const t = await getTranslations("users");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <UserTable currentUserId={user.id} />
    </>
  );
}
