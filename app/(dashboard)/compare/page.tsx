import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ComparePage } from "@/components/compare/compare-page";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("title") };
}

export default async function CompareRoute() {
  const user = await getCurrentUser();
  const t = await getTranslations("compare");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {/* The page reads its URL in the browser, so changing the view never waits for the server. */}
      <Suspense fallback={<p role="status">{t("loading")}</p>}>
        <ComparePage canSync={user !== null && roleAllows(user.role, "operator")} />
      </Suspense>
    </>
  );
}
