import { UserErrorCode, type UserErrors } from "../graphql/errors";
import { parseMoneyAmount, type MoneyInput } from "../graphql/money";
import { cleanText, controlCharacterIn } from "./text";

/** Limits shared by every mutation, so that clients can rely on one set of rules. */
export const LIMITS = {
  nameLength: 120,
  descriptionLength: 4000,
  maxEmployees: 1_000_000,
  maxLeadDays: 3650,
  maxCentihoursPerUnit: 100_000_00,
} as const;

/** A required one-line name: not blank, at most `max` characters after cleaning. */
export function requiredName(errors: UserErrors, field: string | string[], value: string, label: string, max: number = LIMITS.nameLength): string {
  const cleaned = cleanText(value);
  const control = controlCharacterIn(cleaned);
  if (control) errors.add(field, UserErrorCode.INVALID_FORMAT, `${label} must not contain control characters (found ${control}).`);
  else if (cleaned.length === 0) errors.add(field, UserErrorCode.BLANK, `${label} must not be blank.`);
  else if (cleaned.length > max) errors.add(field, UserErrorCode.TOO_LONG, `${label} must be at most ${max} characters.`, { kind: "range", maximum: max, actual: cleaned.length });
  return cleaned;
}

/** Optional free text: trimmed, at most `max` characters. */
export function optionalText(errors: UserErrors, field: string | string[], value: string | null | undefined, label: string, max: number = LIMITS.descriptionLength): string {
  const trimmed = (value ?? "").normalize("NFC").trim();
  const control = controlCharacterIn(trimmed);
  if (control) errors.add(field, UserErrorCode.INVALID_FORMAT, `${label} must not contain control characters other than tabs and line breaks (found ${control}).`);
  else if (trimmed.length > max) errors.add(field, UserErrorCode.TOO_LONG, `${label} must be at most ${max} characters.`, { kind: "range", maximum: max, actual: trimmed.length });
  return trimmed;
}

/** An integer within [min, max]. */
export function intInRange(errors: UserErrors, field: string | string[], value: number, label: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    errors.add(field, UserErrorCode.OUT_OF_RANGE, `${label} must be a whole number from ${min} to ${max}.`, { kind: "range", minimum: min, maximum: max, actual: Number.isFinite(value) ? value : undefined });
  }
  return value;
}

/** A positive money amount in minor units. */
export function positiveMoney(errors: UserErrors, field: string | string[], value: MoneyInput, label: string): number {
  return moneyAtLeast(errors, field, value, label, 1, "greater than zero");
}

/** A money amount of zero or more, in minor units. */
export function nonNegativeMoney(errors: UserErrors, field: string | string[], value: MoneyInput, label: string): number {
  return moneyAtLeast(errors, field, value, label, 0, "zero or more");
}

function moneyAtLeast(errors: UserErrors, field: string | string[], value: MoneyInput, label: string, min: number, words: string): number {
  const parsed = parseMoneyAmount(value.amount, value.currency);
  if (!parsed.ok) {
    errors.add([...[field].flat(), "amount"], UserErrorCode[parsed.problem], `${label}: ${parsed.reason}`);
    return 0;
  }
  if (parsed.minorUnits < min) errors.add([...[field].flat(), "amount"], UserErrorCode.OUT_OF_RANGE, `${label} must be ${words}.`);
  return parsed.minorUnits;
}

/**
 * Engineer-hours per unit, stored exactly in hundredths of an hour: positive, at most two
 * decimals (a float that is not a whole number of hundredths is refused, not rounded).
 */
export function engineerCentihours(errors: UserErrors, field: string | string[], hours: number): number {
  const centihours = Math.round(hours * 100);
  if (!Number.isFinite(hours) || Math.abs(centihours - hours * 100) > 1e-6) {
    errors.add(field, UserErrorCode.INVALID_FORMAT, "Engineer-hours per unit may have at most two decimals.");
    return 0;
  }
  if (centihours <= 0 || centihours > LIMITS.maxCentihoursPerUnit) {
    errors.add(field, UserErrorCode.OUT_OF_RANGE, `Engineer-hours per unit must be from 0.01 to ${LIMITS.maxCentihoursPerUnit / 100}.`, {
      kind: "range",
      minimum: 0.01,
      maximum: LIMITS.maxCentihoursPerUnit / 100,
      actual: hours,
    });
  }
  return centihours;
}
