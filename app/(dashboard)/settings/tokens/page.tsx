import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TokenForm } from "@/components/tokens/token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default async function TokensPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Fsettings%2Ftokens");
  const t = await getTranslations("tokens");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <Card title={t("createTitle")} titleId="create-token">
        <TokenForm ownRole={user.role} />
      </Card>
      <Card title={t("listTitle")} titleId="token-list">
        <TokenTable />
      </Card>
    </>
  );
}
