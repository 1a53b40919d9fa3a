import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";

/** What a signed-in non-admin sees at an admin address. */
export async function AdminOnly({ role }: { role: Role }) {
  const t = await getTranslations("users");
  const tRole = await getTranslations("roles");
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="text-sm">{t("forbiddenBody", { role: tRole(role) })}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backHome")}
      </Link>
    </div>
  );
}
