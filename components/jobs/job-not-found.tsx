import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** The body of the jobs segments' not-found files. */
export async function JobNotFound() {
  const t = await getTranslations("job");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-sm">{t("notFoundBody")}</p>
      <Link href="/jobs" className={buttonClass("secondary")}>
        {t("backToHistory")}
      </Link>
    </div>
  );
}
