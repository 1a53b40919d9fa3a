"use client";

import type { InputHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import { useNamespaces } from "./use-browse-queries";

/** A namespace typed freely, with the region's namespaces offered as suggestions (its own datalist). */
export function NamespaceInput({
  region,
  value,
  onChange,
  ...ids
}: { region: string; value: string; onChange: (value: string) => void } & Pick<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-describedby" | "aria-invalid">) {
  const namespaces = useNamespaces(region || undefined);
  const listId = `${ids.id}-options`;
  return (
    <>
      <input {...ids} list={listId} className={inputClass} autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {(namespaces.data ?? []).map((ns) => (
          <option key={ns.name} value={ns.name} />
        ))}
      </datalist>
    </>
  );
}
