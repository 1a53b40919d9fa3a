import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="mb-2 text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mb-4">{t("notFoundBody")}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backHome")}
      </Link>
    </main>
  );
}
