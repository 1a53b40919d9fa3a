import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listAudit } from "@/lib/db/audit";
import { readCursor } from "@/lib/db/cursor";
import type { AuditQuery } from "@/lib/validation/audit";
import { AuditTable } from "./audit-table";

export function auditHref(query: AuditQuery, cursor: string | undefined): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (query.outcome) params.set("outcome", query.outcome);
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return `/admin/audit${qs ? `?${qs}` : ""}`;
}

/** One page of the audit log and the links to the pages around it. */
export async function AuditLog({ query }: { query: AuditQuery }) {
  const t = await getTranslations("audit");
  // A cursor we did not give out: start again from the newest events.
  if (query.cursor && !readCursor(query.cursor)) redirect(auditHref(query, undefined));
  const page = await listAudit(query);
  return (
    <>
      {page.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("empty")}</p>
      ) : (
        <AuditTable events={page.items} />
      )}
      <nav className="flex gap-4 text-sm" aria-label={t("pages")}>
        {query.cursor ? (
          <Link href={auditHref(query, undefined)} className="text-blue-700 underline dark:text-blue-300">
            {t("newest")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={auditHref(query, page.nextCursor)} className="text-blue-700 underline dark:text-blue-300">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
