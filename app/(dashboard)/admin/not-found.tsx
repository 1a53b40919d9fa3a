import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function AdminNotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-sm">{t("notFoundBody")}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backHome")}
      </Link>
    </div>
  );
}
