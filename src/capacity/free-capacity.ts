import type { Executor } from "../db/executor";
import type { CapabilityOfferRow } from "../db/schema";
import { addDays } from "../shared/time";
import { bookedByCompanyWeek, weeklyCapacityOfCompanies } from "./capacity.repository";
import { weekEnd, weekStart, weeksFrom } from "./weeks";

/** Units a contractor can complete by a date: a step of its capacity schedule. */
export interface SchedulePoint {
  date: string;
  units: number;
}

/** Weeks (Mondays) and, per company, its free centihours summed from the first week to each. */
export interface FreeCapacity {
  weeks: string[];
  cumulative: Map<number, number[]>;
}

/**
 * Free centihours per company and week from `from`'s week to `until`'s week, cumulative:
 * capacity of active engineers minus bookings, never below zero in a week (an overbooked week
 * frees nothing, it does not take from others). Two aggregate statements whatever the number
 * of companies. A company's engineers are interchangeable here, which is exact because no
 * engineer is ever booked past their hours.
 */
export async function freeCapacity(db: Executor, companyIds: number[], from: string, until: string): Promise<FreeCapacity> {
  const weeks = weeksFrom(weekStart(from), weekStart(until > from ? until : from));
  const capacity = await weeklyCapacityOfCompanies(db, companyIds);
  const booked = await bookedByCompanyWeek(db, companyIds, weeks[0], weeks[weeks.length - 1]);
  const cumulative = new Map<number, number[]>();
  for (const id of companyIds) {
    let sum = 0;
    cumulative.set(
      id,
      weeks.map((week) => (sum += Math.max(0, (capacity.get(id) ?? 0) - (booked.get(`${id}|${week}`) ?? 0)))),
    );
  }
  return { weeks, cumulative };
}

/**
 * What an offer can complete by when, from `today`: at the end of each week the units whose
 * hours fit in the free hours so far, no sooner than the offer's minimum lead time; one point
 * per date on which the units grow. Instant quotes and the matching engine both read it.
 */
export function offerSchedule(offer: Pick<CapabilityOfferRow, "companyId" | "minLeadDays" | "centihoursPerUnit">, free: FreeCapacity, today: string): SchedulePoint[] {
  const byLead = addDays(today, offer.minLeadDays);
  const schedule: SchedulePoint[] = [];
  free.cumulative.get(offer.companyId)!.forEach((cumulative, i) => {
    const end = weekEnd(free.weeks[i]);
    const date = end > byLead ? end : byLead;
    const units = Math.floor(cumulative / offer.centihoursPerUnit);
    const last = schedule[schedule.length - 1];
    if (units === 0 || (last && units <= last.units)) return;
    if (last && last.date === date) last.units = units;
    else schedule.push({ date, units });
  });
  return schedule;
}

/** The first point of a schedule that covers `quantity` units, or undefined when none does. */
export function pointCovering(schedule: readonly SchedulePoint[], quantity: number): SchedulePoint | undefined {
  return schedule.find((point) => point.units >= quantity);
}
