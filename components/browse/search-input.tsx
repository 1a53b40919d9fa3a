"use client";

import { inputClass } from "@/components/ui/field";
import { useDebouncedInput } from "./use-debounced";

/** A labelled search box that commits its text after a pause in typing, or at once on Enter. */
export function SearchInput({
  label,
  placeholder,
  committed,
  onCommit,
}: {
  label: string;
  placeholder: string;
  committed: string;
  onCommit: (text: string) => void;
}) {
  const search = useDebouncedInput(committed, onCommit);
  return (
    <label className="min-w-56 flex-1 space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <input
        type="search"
        className={inputClass}
        placeholder={placeholder}
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          search.commitNow();
        }}
      />
    </label>
  );
}
