import { describe, expect, it } from "vitest";
import { timeZoneSchema } from "@/lib/validation/time-zone";
import { addDays, canonicalTimeZone, dayIn, endOfDay, formatInTimeZone, nextDay, startOfDay } from "./time-zone";

describe("time zones", () => {
  it.each([
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["asia/shanghai", "Asia/Shanghai"],
    ["UTC", "UTC"],
    ["Etc/UTC", "UTC"],
    ["US/Pacific", "America/Los_Angeles"],
    ["Mars/Olympus_Mons", null],
    ["+08:00", null],
    ["", null],
    ["x".repeat(65), null],
  ])("%j is %j", (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
    expect(timeZoneSchema.safeParse(name).data ?? null).toBe(canonical);
  });

  it.each([
    // Shanghai has no daylight saving: its day starts at 16:00 UTC the day before.
    ["2024-05-01", "Asia/Shanghai", "2024-04-30T16:00:00.000Z"],
    ["2024-05-01", "UTC", "2024-05-01T00:00:00.000Z"],
    ["2024-01-15", "America/New_York", "2024-01-15T05:00:00.000Z"],
    ["2024-07-15", "America/New_York", "2024-07-15T04:00:00.000Z"],
    // Half-hour and quarter-hour offsets.
    ["2024-05-01", "Asia/Kolkata", "2024-04-30T18:30:00.000Z"],
    ["2024-05-01", "Asia/Kathmandu", "2024-04-30T18:15:00.000Z"],
    // Santiago skipped midnight on 2024-09-08 (00:00 → 01:00): the day starts at the change, 04:00 UTC.
    ["2024-09-08", "America/Santiago", "2024-09-08T04:00:00.000Z"],
    // Samoa skipped the whole of 2011-12-30: the day after the 29th starts the 31st.
    ["2011-12-31", "Pacific/Apia", "2011-12-30T10:00:00.000Z"],
    ["0001-01-01", "UTC", "0001-01-01T00:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, iso) => {
    expect(startOfDay(day, zone).toISOString()).toBe(iso);
  });

  it("ends a day where the next one starts, across a clock change", () => {
    // New York's 2024-03-10 had 23 hours.
    const start = startOfDay("2024-03-10", "America/New_York");
    const end = endOfDay("2024-03-10", "America/New_York");
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2023-12-31")).toBe("2024-01-01");
    expect(nextDay("0099-12-31")).toBe("0100-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-01-05", -35)).toBe("2023-12-01");
    expect(addDays("2024-05-01", 0)).toBe("2024-05-01");
  });

  it.each([
    ["2024-04-30T16:00:00Z", "Asia/Shanghai", "2024-05-01", "2024-05-01T00:00:00+08:00"],
    ["2024-04-30T15:59:59.999Z", "Asia/Shanghai", "2024-04-30", "2024-04-30T23:59:59+08:00"],
    ["2024-07-01T03:30:00Z", "America/New_York", "2024-06-30", "2024-06-30T23:30:00-04:00"],
    ["2024-05-01T00:00:00Z", "Asia/Kolkata", "2024-05-01", "2024-05-01T05:30:00+05:30"],
    ["2024-05-01T00:00:00Z", "America/St_Johns", "2024-04-30", "2024-04-30T21:30:00-02:30"],
    ["2024-05-01T00:00:00Z", "UTC", "2024-05-01", "2024-05-01T00:00:00+00:00"],
  ])("%s is on %s in %s: %s", (iso, zone, day, local) => {
    expect(dayIn(new Date(iso), zone)).toBe(day);
    expect(formatInTimeZone(new Date(iso), zone)).toBe(local);
  });
});
