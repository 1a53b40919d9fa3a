import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { selectClass } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/db/audit-actions";
import type { AuditQuery } from "@/lib/validation/audit";

/** A plain GET form: filters live in the URL, so the log is shareable and works without JavaScript. */
export async function AuditFilters({ query }: { query: AuditQuery }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filter")}>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("filterAction")}</span>
        <select name="action" defaultValue={query.action ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("filterOutcome")}</span>
        <select name="outcome" defaultValue={query.outcome ?? ""} className={selectClass}>
          <option value="">{t("any")}</option>
          <option value="success">{t("outcomes.success")}</option>
          <option value="failure">{t("outcomes.failure")}</option>
        </select>
      </label>
      <Button type="submit" variant="secondary">
        {t("filter")}
      </Button>
    </form>
  );
}
