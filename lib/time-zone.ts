// IANA time zones with Intl alone (the runtime's own zone data, nothing shipped to the browser): which names are
// valid, the local calendar day of an instant, the instant a local day starts, and local ISO text with its offset.

export const UTC = "UTC";
const DAY_RE = /^(\d{4,6})-(\d{2})-(\d{2})$/;

let supported: ReadonlySet<string> | undefined;
/** The runtime's zones (`Intl.supportedValuesOf`), plus UTC, which it lists as `Etc/UTC`'s canonical name but not itself. */
function supportedZones(): ReadonlySet<string> {
  supported ??= new Set([UTC, ...Intl.supportedValuesOf("timeZone")]);
  return supported;
}

/** The zone's canonical name (`asia/shanghai` → `Asia/Shanghai`, `Etc/UTC` → `UTC`) when the runtime knows it, else null. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64) return null;
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return supportedZones().has(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  let beforeCommonEra = false;
  for (const part of wallClockFormat(timeZone).formatToParts(ms)) {
    if (part.type === "era") beforeCommonEra = part.value === "BC";
    else if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // 1 BC is the year 0 of the proleptic calendar Date counts in.
  return { year: beforeCommonEra ? 1 - year : year, month, day, hour, minute, second };
}

/** The wall clock read as if it were UTC; setUTCFullYear, because Date.UTC maps the years 0–99 to 1900–1999. */
function wallClockAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");
const dayNumber = (w: Pick<WallClock, "year" | "month" | "day">) => w.year * 10_000 + w.month * 100 + w.day;
const dayText = (w: Pick<WallClock, "year" | "month" | "day">) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

/** `2024-05-01`: the calendar day `instant` falls on in `timeZone`. */
export function dayIn(instant: Date | number, timeZone: string): string {
  return dayText(wallClock(Number(instant), timeZone));
}

/** The calendar day `count` days after `day` (before it when negative): `addDays("2024-05-31", 1)` is `2024-06-01`. */
export function addDays(day: string, count: number): string {
  const match = DAY_RE.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + count);
  return dayText({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The day after `2024-05-31` is `2024-06-01`. */
export const nextDay = (day: string): string => addDays(day, 1);

/**
 * The first instant of the local day `day` (`2024-05-01`) in `timeZone`. Local days only move forward as time does,
 * so a search to the second finds it whatever the zone's rules: a midnight that a clock change skips starts the day
 * at the change.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const match = DAY_RE.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  const utcMidnight = wallClockAsUtc({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 });
  // Every zone's offset lies well within two days of UTC.
  const target = dayNumber({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  let before = utcMidnight / 1000 - 2 * 86_400;
  let after = utcMidnight / 1000 + 2 * 86_400;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (dayNumber(wallClock(mid * 1000, timeZone)) >= target) after = mid;
    else before = mid;
  }
  return new Date(after * 1000);
}

/** The start of the day after `day` in `timeZone`: the exclusive end of a range that includes `day`. */
export function endOfDay(day: string, timeZone: string): Date {
  return startOfDay(nextDay(day), timeZone);
}

/** `2024-05-01T16:00:00+08:00`: the local time in `timeZone`, to the second, with its offset from UTC. */
export function formatInTimeZone(instant: Date | number, timeZone: string): string {
  const seconds = Math.floor(Number(instant) / 1000) * 1000;
  const w = wallClock(seconds, timeZone);
  const offsetMinutes = Math.round((wallClockAsUtc(w) - seconds) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  return `${dayText(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}
