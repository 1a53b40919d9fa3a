import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { THEME_COOKIE } from "@/i18n/config";
import { getCurrentUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const theme = (await cookies()).get(THEME_COOKIE)?.value ?? "system";
  return (
    <>
      <AppHeader user={user} theme={theme} />
      <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-6">
        {children}
      </main>
    </>
  );
}
