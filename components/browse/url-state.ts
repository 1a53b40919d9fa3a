import type { z } from "zod";

// Search params → validated state, forgiving: a bad value falls back to its default instead of failing the page.

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function searchParamsRecord(params: URLSearchParams): SearchParamsRecord {
  const out: SearchParamsRecord = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/**
 * Parses `input`; fields that fail are dropped so their defaults apply. Returns null only when one of
 * `required` fails, since no default can stand in for it.
 */
export function parseLeniently<S extends z.ZodType<object>>(
  schema: S,
  input: Record<string, unknown>,
  required: readonly string[] = [],
): z.output<S> | null {
  const first = schema.safeParse(input);
  if (first.success) return first.data;
  const bad = new Set(first.error.issues.map((i) => String(i.path[0] ?? "")));
  if (required.some((key) => bad.has(key))) return null;
  const second = schema.safeParse(Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key))));
  return second.success ? second.data : null;
}

/** Query string of `values`, without entries equal to their default (so URLs stay short and shareable). */
export function toSearch(values: Record<string, string | number | undefined>, defaults: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
