import type { ReactNode, SelectHTMLAttributes } from "react";

// A labelled form control with an optional hint and error; the control gets the ids through render props.

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";
export const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";

export interface FieldIds {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  className = "",
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (ids: FieldIds) => ReactNode;
  className?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <div id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A select with its visible label above it, for filter bars. */
export function SelectField({ label, className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string }) {
  return (
    <label className={`space-y-1 text-sm ${className}`}>
      <span className="block font-medium">{label}</span>
      <select className={selectClass} {...props} />
    </label>
  );
}
