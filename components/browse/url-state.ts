import type { z } from "zod";

// Search params → validated state, forgiving: a bad value falls back to its default instead of failing the page.
// parseLeniently serves pages rendered on the server (zod schemas); the zod-free readers below serve the browser.

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

type ParamValue = string | string[] | undefined;

/** A value that is absent or only spaces: the API's schemas read it as not given, so its default applies. */
export const isBlankParam = (value: unknown): boolean => value === undefined || (typeof value === "string" && value.trim() === "");

/** One of `options`, or undefined when the parameter is absent or holds anything else. */
export function optionParam<T extends string>(value: ParamValue, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

/** A whole number from `min` to `max` (read as `Number()` reads it), or undefined when absent or out of bounds. */
export function intParam(value: ParamValue, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A search text: at most `max` characters, trimmed; undefined when blank, too long or repeated. */
export function searchParam(value: unknown, max = 128): string | undefined {
  if (isBlankParam(value) || typeof value !== "string" || value.length > max) return undefined;
  return value.trim();
}
