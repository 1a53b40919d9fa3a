// Dates both databases store alike: years 1–9999 (PostgreSQL refuses year 0, SQLite would store it).

export const MIN_DATE_MS = Date.parse("0001-01-01T00:00:00.000Z");
export const MAX_DATE_MS = Date.parse("9999-12-31T23:59:59.999Z");
/** A schema's message (a catalog key) for a date out of that range. */
export const DATE_RANGE_MESSAGE = "errors.validation.dateRange";

export function isSupportedDate(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_DATE_MS && ms <= MAX_DATE_MS;
}
