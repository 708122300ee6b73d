/** "12.5" from 1250 centihours: hours with no trailing zeros, exact. */
export function formatHours(centihours: number): string {
  const whole = Math.trunc(centihours / 100);
  const rest = Math.abs(centihours % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

export const toHours = (centihours: number): number => centihours / 100;

/** Booked over available hours, to four decimals (1 = 100 %); 0 where nothing is available. */
export function utilisationOf(bookedCentihours: number, availableCentihours: number): number {
  return availableCentihours === 0 ? 0 : Math.round((bookedCentihours / availableCentihours) * 10_000) / 10_000;
}
