import type { useFormatter } from "next-intl";

// Timestamps of SWR records in the reader's locale; shared by server (getFormatter) and client (useFormatter).

type DateFormatter = Pick<ReturnType<typeof useFormatter>, "dateTime">;

/** ISO time → "14 Mar 2024, 10:00"; a value SWR sent that is not a time is shown as it came. */
export function formatTimestamp(format: DateFormatter, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso || "—";
  return format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });
}
