import { getTranslations } from "next-intl/server";

// The overview's own loading state, in a route group: at the level of (dashboard) it would stream every page's
// shell at once, and pages that refuse a role (admin/*) could no longer answer 403.
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
      {t("loading")}
    </p>
  );
}
