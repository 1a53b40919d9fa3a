import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog, auditHref } from "@/components/audit/audit-log";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { requirePageRole } from "@/lib/auth/page-guard";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  // Before anything streams, so that a non-admin gets forbidden.tsx with status 403.
  await requirePageRole("admin", "/admin/audit");
  const t = await getTranslations("audit");
  const parsed = auditQuerySchema.safeParse(await searchParams);
  // Unknown filter values fall back to the whole log rather than an error page.
  const query: AuditQuery = parsed.success ? parsed.data : { limit: 50 };
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <AuditFilters query={query} />
      <Suspense key={auditHref(query, query.cursor)} fallback={<TableSkeleton label={t("loading")} />}>
        <AuditLog query={query} />
      </Suspense>
    </>
  );
}
