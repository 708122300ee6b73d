/**
 * The capacity model, pure: no database, no GraphQL.
 *
 * Capacity is engineer-hours, counted in integer hundredths of an hour (centihours) so that
 * every sum is exact. Each active engineer offers `weeklyHours` in every ISO week; work booked
 * on an engineer in a week never exceeds that. Work is booked earliest week first and, within
 * a week, on engineers in id order, so that the result is deterministic.
 */
export interface EngineerCapacity {
  engineerId: number;
  weeklyCentihours: number;
}

/** Centihours already booked, by engineer and week. */
export type BookedHours = Map<string, number>;

export const bookedKey = (engineerId: number, week: string) => `${engineerId}|${week}`;

export interface BookingLine {
  engineerId: number;
  week: string;
  centihours: number;
}

export interface BookingPlan {
  lines: BookingLine[];
  /** Centihours that did not fit; 0 when the whole requirement is booked. */
  missing: number;
}

/**
 * Books `required` centihours on the engineers' free hours in `weeks` (ascending Mondays),
 * earliest week first. Does not change `booked`; apply the plan with `applyPlan`.
 */
export function planBooking(engineers: readonly EngineerCapacity[], weeks: readonly string[], booked: BookedHours, required: number): BookingPlan {
  const lines: BookingLine[] = [];
  let remaining = required;
  const ordered = [...engineers].sort((a, b) => a.engineerId - b.engineerId);
  for (const week of weeks) {
    for (const engineer of ordered) {
      if (remaining === 0) return { lines, missing: 0 };
      const free = engineer.weeklyCentihours - (booked.get(bookedKey(engineer.engineerId, week)) ?? 0);
      if (free <= 0) continue;
      const take = Math.min(free, remaining);
      lines.push({ engineerId: engineer.engineerId, week, centihours: take });
      remaining -= take;
    }
  }
  return { lines, missing: remaining };
}

/** Adds a plan's lines to the booked hours (so the next plan sees them). */
export function applyPlan(booked: BookedHours, plan: BookingPlan): void {
  for (const line of plan.lines) {
    const key = bookedKey(line.engineerId, line.week);
    booked.set(key, (booked.get(key) ?? 0) + line.centihours);
  }
}
