import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";

/** What a signed-in non-admin sees at an admin page (its forbidden.tsx, answered with 403): why, in that page's words. */
export async function AdminOnly({ area }: { area: "users" | "audit" | "webhooks" }) {
  const t = await getTranslations("adminOnly");
  const tRole = await getTranslations("roles");
  // A forbidden page gets no props; only refused requests pay for this second read of the session.
  const user = await getCurrentUser();
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm">{t(area, { role: user ? tRole(user.role) : "—" })}</p>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backHome")}
      </Link>
    </div>
  );
}
