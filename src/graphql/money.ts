import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";

/**
 * Money is exact: integer minor units (kopecks) in the database and in memory, a decimal
 * string on the wire. The largest amount is Number.MAX_SAFE_INTEGER minor units
 * (about 90 trillion roubles), far above a cluster's 27 billion roubles a year.
 */
export enum Currency {
  RUB = "RUB",
}

registerEnumType(Currency, {
  name: "Currency",
  description: "ISO 4217 currency. The marketplace trades in roubles for now.",
  valuesConfig: { RUB: { description: "Russian rouble; 2 minor digits (kopecks)." } },
});

const MINOR_DIGITS: Record<Currency, number> = { [Currency.RUB]: 2 };

@ObjectType({ description: "An exact amount of money." })
export class Money {
  @Field(() => String, {
    description:
      'Decimal amount in major units with exactly the currency\'s minor digits, e.g. "27000000000.00". A string, so no precision is lost.',
  })
  amount!: string;

  @Field(() => String, { description: 'The same amount in integer minor units (kopecks), as a string, e.g. "2700000000000".' })
  minorUnits!: string;

  @Field(() => Currency, { description: "Currency of the amount." })
  currency!: Currency;
}

@InputType({ description: "An exact amount of money, given as a decimal string." })
export class MoneyInput {
  @Field(() => String, {
    description: 'Decimal amount in major units, at most the currency\'s minor digits, e.g. "1250.50". No exponent, no thousands separators.',
  })
  amount!: string;

  @Field(() => Currency, { defaultValue: Currency.RUB, description: "Currency of the amount (default RUB)." })
  currency!: Currency;
}

export function toMoney(minorUnits: number | bigint, currency: Currency): Money {
  const digits = MINOR_DIGITS[currency];
  const minor = BigInt(minorUnits);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  const major = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  const money = new Money();
  money.amount = `${negative ? "-" : ""}${major}${digits > 0 ? "." + fraction : ""}`;
  money.minorUnits = minor.toString();
  money.currency = currency;
  return money;
}

export type ParsedMoney =
  | { ok: true; minorUnits: number }
  | { ok: false; problem: "INVALID_FORMAT" | "OUT_OF_RANGE"; reason: string };

/** Parses a decimal string ("-12.50" too) into integer minor units, without floating point. */
export function parseMoneyAmount(amount: string, currency: Currency): ParsedMoney {
  const digits = MINOR_DIGITS[currency];
  const match = /^(-?)(\d{1,30})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return { ok: false, problem: "INVALID_FORMAT", reason: `"${amount.slice(0, 40)}" is not a decimal amount like "1250.50".` };
  const fraction = match[3] ?? "";
  if (fraction.length > digits) {
    return { ok: false, problem: "INVALID_FORMAT", reason: `${currency} amounts have at most ${digits} digits after the point.` };
  }
  const magnitude = BigInt(match[2]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, problem: "OUT_OF_RANGE", reason: `The amount is too large (at most ${toMoney(Number.MAX_SAFE_INTEGER, currency).amount}).` };
  }
  return { ok: true, minorUnits: Number(match[1] === "-" ? -magnitude : magnitude) };
}
