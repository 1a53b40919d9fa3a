import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminOnly } from "@/components/admin/admin-only";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { getCurrentUser, roleAllows } from "@/lib/auth/session";
import { listAudit } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function hrefWith(query: AuditQuery, cursor: string | undefined): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.outcome) params.set("outcome", query.outcome);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return `/admin/audit${qs ? `?${qs}` : ""}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Fadmin%2Faudit");
  if (!roleAllows(user.role, "admin")) return <AdminOnly role={user.role} />;
  const t = await getTranslations("audit");
  const parsed = auditQuerySchema.safeParse(await searchParams);
  // Unknown filter values fall back to the whole log rather than an error page.
  const query: AuditQuery = parsed.success ? parsed.data : { limit: 50 };
  let page;
  try {
    page = await listAudit(query);
  } catch (error) {
    // A cursor we did not give out: start again from the newest events.
    if (error instanceof AppError) redirect(hrefWith(query, undefined));
    throw error;
  }
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <AuditFilters query={query} />
      {page.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("empty")}</p>
      ) : (
        <AuditTable events={page.items} />
      )}
      <nav className="flex gap-4 text-sm" aria-label={t("pages")}>
        {query.cursor ? (
          <Link href={hrefWith(query, undefined)} className="text-blue-700 underline dark:text-blue-300">
            {t("newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={hrefWith(query, page.nextCursor)} className="text-blue-700 underline dark:text-blue-300">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
