import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { THEME_COOKIE } from "@/i18n/config";
import { getCurrentUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/db/users";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const theme = (await cookies()).get(THEME_COOKIE)?.value ?? "system";
  // The zone kept on the account wins over the browser's; the header passes it on to the time-zone cookie.
  const { timeZone } = await getProfile(user.id);
  return (
    <>
      <AppHeader user={user} theme={theme} timeZone={timeZone} />
      <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-6">
        {children}
      </main>
    </>
  );
}
