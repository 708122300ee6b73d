/**
 * Time on the platform. Instants are UTC; calendar dates (needed-by, promised dates) are
 * `YYYY-MM-DD` in the platform time zone, Europe/Moscow (UTC+3 all year, no daylight saving
 * since 2014), where the reference technoparks are.
 */
export const PLATFORM_TIME_ZONE = "Europe/Moscow";

/** Where services get "now": the system clock in production, a settable one in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const DATE_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: PLATFORM_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date of an instant in the platform time zone. */
export function localDate(instant: Date): string {
  return DATE_FORMAT.format(instant);
}

const sums = new Map<string, string>();

/** A calendar date plus whole days (memoised: plans add lead times to the same few dates thousands of times). */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let sum = sums.get(key);
  if (sum === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    sum = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (sums.size >= 100_000) sums.clear();
    sums.set(key, sum);
  }
  return sum;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
