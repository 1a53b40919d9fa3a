"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-message";

/** The body of every error.tsx: what happened and a way to try again. */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const errorText = useErrorText();
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 p-8">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{error.digest ? t("reference", { digest: error.digest }) : errorText(error)}</p>
      <Button onClick={reset}>{t("retry")}</Button>
    </div>
  );
}
