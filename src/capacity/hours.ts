/** "12.5" from 1250 centihours: hours with no trailing zeros, exact. */
export function formatHours(centihours: number): string {
  const whole = Math.trunc(centihours / 100);
  const rest = Math.abs(centihours % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

export const toHours = (centihours: number): number => centihours / 100;
