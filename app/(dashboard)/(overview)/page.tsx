import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ConnectionCard } from "@/components/overview/connection-card";
import { HistorySection } from "@/components/overview/history-section";
import { JobActivity } from "@/components/overview/job-activity";
import { NamespacesCard } from "@/components/overview/namespaces-card";
import { CardSkeleton } from "@/components/ui/card-skeleton";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  const region = env().SWR_DEFAULT_REGION;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <JobActivity />
      <HistorySection />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Suspense fallback={<CardSkeleton />}>
          <ConnectionCard region={region} />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<CardSkeleton />}>
            <NamespacesCard region={region} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
