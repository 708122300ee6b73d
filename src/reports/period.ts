import { badUserInput } from "../graphql/errors";
import { addDays, daysBetween, isCalendarDate } from "../shared/time";

/** The longest report period: ten years. */
export const MAX_PERIOD_DAYS = 3660;

/** Calendar dates from and to, both included (platform time zone). */
export interface Period {
  from: string;
  to: string;
  days: number;
}

/** A checked period; bad dates are BAD_USER_INPUT naming the argument. */
export function periodOf(from: string, to: string): Period {
  if (!isCalendarDate(from)) throw badUserInput("from must be a date like 2026-01-01.", "from");
  if (!isCalendarDate(to)) throw badUserInput("to must be a date like 2026-12-31.", "to");
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw badUserInput("to must not be before from.", "to");
  if (days > MAX_PERIOD_DAYS) throw badUserInput(`A period spans at most ${MAX_PERIOD_DAYS} days.`, "to");
  return { from, to, days };
}

/** The period of the same length just before. */
export function previousPeriod(period: Period): Period {
  return { from: addDays(period.from, -period.days), to: addDays(period.from, -1), days: period.days };
}

/** The instants [start, end) of a period's days in the platform time zone (UTC+3, no DST). */
export function instantsOf(period: Period): { start: Date; end: Date } {
  return { start: new Date(`${period.from}T00:00:00+03:00`), end: new Date(`${addDays(period.to, 1)}T00:00:00+03:00`) };
}
