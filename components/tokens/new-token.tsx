"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClass } from "@/components/ui/field";

/** The text of a token just created: shown this once, with the shared copy button, until the person dismisses it. */
export function NewToken({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useTranslations("tokens");
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950 dark:border-green-800 dark:bg-green-950 dark:text-green-50"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {t("newTitle", { name })}
      </h2>
      <p>{t("newOnce")}</p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={`${id}-secret`} className="sr-only">
          {t("newLabel")}
        </label>
        <input
          id={`${id}-secret`}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} min-w-0 flex-1 font-mono`}
        />
        <CopyButton text={secret} label={t("copy")} />
        <Button variant="ghost" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}
