import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { preferredRegion } from "@/components/browse/preferred-region";
import { parseLeniently, type SearchParamsRecord } from "@/components/browse/url-state";
import { rulesHref } from "@/components/rules/links";
import { RulesOverview } from "@/components/rules/rules-overview";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";
import { rulesQuerySchema } from "@/lib/rules/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rules");
  return { title: t("title") };
}

export default async function RulesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const t = await getTranslations("rules");
  const user = await getCurrentUser();
  const region = params.region ?? (await preferredRegion());
  const state = parseLeniently(rulesQuerySchema, { region, namespace: params.namespace }, ["region"]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("pageIntro")}</p>
      {state ? (
        <RulesOverview
          key={rulesHref(state)}
          region={state.region}
          namespace={state.namespace}
          canManage={user !== null && roleAllows(user.role, "admin")}
        />
      ) : (
        <Alert>
          {t("unknownRegion", { region: String(params.region) })}{" "}
          <Link href={rulesHref({ region: await preferredRegion() })} className="font-medium underline">
            {t("showDefault")}
          </Link>
        </Alert>
      )}
    </>
  );
}
