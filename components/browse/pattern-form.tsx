"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_PATTERN_LENGTH, tagPatternOf } from "@/lib/jobs/pattern";

/** "Select by pattern": a glob such as `v1.*`, checked by the API's own rule before it becomes the selection. */
export function PatternForm({ onSelect }: { onSelect: (pattern: string) => void }) {
  const t = useTranslations("tags");
  const id = useId();
  const [text, setText] = useState("");
  const [invalid, setInvalid] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    const pattern = tagPatternOf(text);
    if (pattern === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSelect(pattern);
  }

  return (
    <form aria-label={t("patternForm")} className="flex flex-wrap items-end gap-2" noValidate onSubmit={submit}>
      <div className="min-w-56 flex-1 space-y-1 text-sm">
        <label htmlFor={`${id}-pattern`} className="block font-medium">
          {t("patternLabel")}
        </label>
        <input
          id={`${id}-pattern`}
          className={inputClass}
          placeholder={t("patternPlaceholder")}
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-pattern-hint`}
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
        />
        <p id={`${id}-pattern-hint`} className={`text-xs ${invalid ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}>
          {invalid ? t("patternInvalid", { max: MAX_PATTERN_LENGTH }) : t("patternHelp")}
        </p>
      </div>
      <Button type="submit" variant="secondary" className="mb-5">
        {t("patternSubmit")}
      </Button>
    </form>
  );
}
