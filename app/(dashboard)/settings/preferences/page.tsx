import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTimeZone, getTranslations } from "next-intl/server";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/db/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("preferences");
  return { title: t("title") };
}

export default async function PreferencesPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=%2Fsettings%2Fpreferences");
  const [t, profile, shownIn] = await Promise.all([getTranslations("preferences"), getProfile(user.id), getTimeZone()]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card title={t("timeZoneTitle")} titleId="time-zone-title">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{t("shownIn", { zone: shownIn })}</p>
        {/* Keyed on the saved zone, so the form starts again from what the server holds after a save. */}
        <TimeZoneForm key={profile.timeZone ?? ""} saved={profile.timeZone} />
      </Card>
    </>
  );
}
