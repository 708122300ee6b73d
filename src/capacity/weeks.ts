import { addDays, DAY_MS } from "../shared/time";

/**
 * ISO weeks, Monday to Sunday, of calendar dates in the platform time zone (Europe/Moscow).
 * A week is identified by its Monday, "YYYY-MM-DD", which sorts and compares as text; its
 * label is the ISO week "2026-W48".
 */
const mondays = new Map<string, string>();

export function weekStart(date: string): string {
  let monday = mondays.get(date);
  if (monday === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
    monday = addDays(date, -weekday);
    if (mondays.size >= 100_000) mondays.clear();
    mondays.set(date, monday);
  }
  return monday;
}

/**
 * The number of the ISO week containing `date`, counted from the week of 1970-01-01 (a
 * Thursday, so Monday 1969-12-29 starts week 0): consecutive weeks have consecutive numbers, so
 * week arithmetic over many dates needs no calendar strings.
 */
export function weekNumber(date: string): number {
  return Math.floor((Date.parse(date) / DAY_MS + 3) / 7);
}

export function addWeeks(monday: string, weeks: number): string {
  return addDays(monday, weeks * 7);
}

/** The Mondays from `first` to `last`, inclusive. */
export function weeksFrom(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStart(first); week <= last; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

const labels = new Map<string, string>();

/** "2026-W48" for the week starting on Monday `monday` (memoised: reports ask for it per cell). */
export function isoWeekLabel(monday: string): string {
  let label = labels.get(monday);
  if (label === undefined) {
    label = computeIsoWeekLabel(monday);
    if (labels.size < 10_000) labels.set(monday, label);
  }
  return label;
}

function computeIsoWeekLabel(monday: string): string {
  const thursday = addDays(monday, 3); // the ISO year is the year of the week's Thursday
  const year = Number(thursday.slice(0, 4));
  const jan4 = weekStart(`${year}-01-04`);
  const [a, b] = [Date.parse(monday), Date.parse(jan4)];
  const week = Math.round((a - b) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Sunday that ends the week starting on `monday`. */
export function weekEnd(monday: string): string {
  return addDays(monday, 6);
}
