import { UserErrorCode, type UserErrors } from "../graphql/errors";
import { addDays, localDate } from "./time";

/** The longest planning horizon accepted for dates: ten years. */
export const MAX_HORIZON_DAYS = 3650;

/** A calendar date after today (platform time zone) and within the horizon. */
export function futureDate(errors: UserErrors, field: string | string[], date: string, label: string, now: Date): string {
  const today = localDate(now);
  if (date <= today) errors.add(field, UserErrorCode.OUT_OF_RANGE, `${label} must be after today (${today}).`);
  else if (date > addDays(today, MAX_HORIZON_DAYS)) errors.add(field, UserErrorCode.OUT_OF_RANGE, `${label} must be within ten years.`);
  return date;
}

/** An instant in the future and within the horizon. */
export function futureInstant(errors: UserErrors, field: string | string[], instant: Date, label: string, now: Date): Date {
  if (Number.isNaN(instant.getTime()) || instant.getTime() <= now.getTime()) {
    errors.add(field, UserErrorCode.OUT_OF_RANGE, `${label} must be in the future.`);
  } else if (localDate(instant) > addDays(localDate(now), MAX_HORIZON_DAYS)) {
    errors.add(field, UserErrorCode.OUT_OF_RANGE, `${label} must be within ten years.`);
  }
  return instant;
}
