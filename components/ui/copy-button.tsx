"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard. `label` is the accessible name (what is copied, e.g. "Copy docker pull command for
 * 1.25.4"); the button says "Copy", then "Copied" for a moment, or that copying failed (the text stays selectable).
 */
export function CopyButton({ text, label, className = "" }: { text: string; label: string; className?: string }) {
  const t = useTranslations("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  return (
    <Button variant="secondary" aria-label={label} onClick={() => void copy()} className={`px-2 py-1 text-xs ${className}`}>
      <span aria-live="polite">{state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : t("copy")}</span>
    </Button>
  );
}
