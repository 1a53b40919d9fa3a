"use client";

import { useTranslations } from "next-intl";
import { signOut } from "@/components/auth/auth-endpoints";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <Button variant="ghost" onClick={() => void signOut("/login")}>
      {t("signOut")}
    </Button>
  );
}
