/**
 * Exact division for reports. Money figures divide integer minor units with BigInt and round to
 * the nearest minor unit, halves away from zero; percentages round to one decimal the same way.
 */

/** a / b rounded to the nearest integer, halves away from zero. b must not be 0. */
export function divideRounded(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return negative ? -q : q;
}

/** 100 * part / whole to one decimal (halves away from zero); null when whole is 0. */
export function percentOf(part: bigint | number, whole: bigint | number): number | null {
  if (BigInt(whole) === 0n) return null;
  return Number(divideRounded(BigInt(part) * 1000n, BigInt(whole))) / 10;
}

/** Growth from previous to current in percent, one decimal; null when there was nothing before. */
export function growthPercent(current: bigint | number, previous: bigint | number): number | null {
  return percentOf(BigInt(current) - BigInt(previous), previous);
}

/** A sum over `days` days scaled to 365 days, rounded to the nearest unit. */
export function annualised(amount: bigint | number, days: number): bigint {
  return divideRounded(BigInt(amount) * 365n, BigInt(days));
}

/** amount / count rounded, or null when there is nobody to divide by. */
export function perHead(amount: bigint | number, count: number): bigint | null {
  return count === 0 ? null : divideRounded(BigInt(amount), BigInt(count));
}
