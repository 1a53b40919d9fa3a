// SWR prints RFC 3339 UTC times with a variable number of fractional digits (contract §3.6).

/** RFC 3339 with trailing zeros of the fraction trimmed, always at least one fractional digit. */
export function formatTime(date: Date): string {
  const iso = date.toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, "") || "0";
  return `${iso.slice(0, 19)}.${fraction}Z`;
}

/** A key that sorts RFC 3339 UTC strings chronologically whatever their fraction length. */
export function timeKey(time: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(time);
  if (!m) return new Date(time).toISOString().slice(0, 19) + "000000000";
  return m[1]! + (m[2] ?? "").padEnd(9, "0");
}

export function compareTimes(a: string, b: string): number {
  const ka = timeKey(a);
  const kb = timeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
