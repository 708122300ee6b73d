import type { Executor } from "../db/executor";
import type { CapabilityOfferRow } from "../db/schema";
import { addDays } from "../shared/time";
import { bookedOnHoldersByWeek, holderKey, weeklyCapacityOfHolders } from "./capacity.repository";
import { weekEnd, weekStart, weeksFrom } from "./weeks";

/** Units a contractor can complete by a date: a step of its capacity schedule. */
export interface SchedulePoint {
  date: string;
  units: number;
}

/** Weeks (Mondays) and, per company, its free centihours in each of them. */
export interface FreeCapacity {
  weeks: string[];
  weekly: Map<number, number[]>;
}

/**
 * Free centihours in one capability per company and week from `from`'s week to `until`'s
 * week: the capacity of the company's active engineers who hold the capability, minus what is
 * booked on them, never below zero in a week (an overbooked week frees nothing, it does not
 * take from others). Two aggregate statements whatever the number of companies. The holders
 * are interchangeable here, which is exact because no engineer is ever booked past their hours
 * and the award books the work on the holders only (bookWork).
 */
export async function freeCapacity(db: Executor, companyIds: number[], capabilityId: number, from: string, until: string): Promise<FreeCapacity> {
  const weeks = weeksFrom(weekStart(from), weekStart(until > from ? until : from));
  const capacity = await weeklyCapacityOfHolders(db, companyIds, capabilityId);
  const booked = await bookedOnHoldersByWeek(db, companyIds, capabilityId, weeks[0], weeks[weeks.length - 1]);
  const weekly = new Map<number, number[]>();
  for (const id of companyIds) {
    const key = holderKey(id, capabilityId);
    weekly.set(id, weeks.map((week) => Math.max(0, (capacity.get(key) ?? 0) - (booked.get(`${key}|${week}`) ?? 0))));
  }
  return { weeks, weekly };
}

/**
 * What an offer can complete by when, from `today`: at the end of each week the units whose
 * hours fit in the free hours so far, no sooner than the offer's minimum lead time; one point
 * per date on which the units grow. Instant quotes and the matching engine both read it.
 */
export function offerSchedule(offer: Pick<CapabilityOfferRow, "companyId" | "minLeadDays" | "centihoursPerUnit">, free: FreeCapacity, today: string): SchedulePoint[] {
  return scheduleFrom({ completes: "AS_HOURS_FREE", leadDays: offer.minLeadDays, centihoursPerUnit: offer.centihoursPerUnit, weeklyFree: free.weekly.get(offer.companyId)! }, free.weeks, today);
}

/** The first point of a schedule that covers `quantity` units, or undefined when none does. */
export function pointCovering(schedule: readonly SchedulePoint[], quantity: number): SchedulePoint | undefined {
  return schedule.find((point) => point.units >= quantity);
}

/** What a chain stage's candidate needs to be scheduled from any start date (plain data: it crosses to the engine's worker). */
export interface CapacityFromStart {
  /**
   * ON_LEAD_DATE: one point, `leadDays` after the start, with the units the free hours by then
   * cover (a single order's bid: its promised date). AS_HOURS_FREE: no sooner than `leadDays`
   * after the start, then at each week's end the units the free hours so far cover (a quote,
   * and every candidate of a chain stage, whose start is not known when it bids).
   */
  completes: "ON_LEAD_DATE" | "AS_HOURS_FREE";
  leadDays: number;
  centihoursPerUnit: number;
  /** The contractor's free centihours in each week of the axis (ChainOrder.weeks), never negative. */
  weeklyFree: readonly number[];
}

const weekEndsOf = new WeakMap<readonly string[], string[]>();

/** The Sundays of an axis of weeks, computed once per axis (a chain's plans ask for them thousands of times). */
function weekEnds(weeks: readonly string[]): string[] {
  let ends = weekEndsOf.get(weeks);
  if (!ends) weekEndsOf.set(weeks, (ends = weeks.map(weekEnd)));
  return ends;
}

/**
 * A candidate's schedule when its work can start only on `start` (a chain stage whose inputs
 * arrive then): the free hours are counted from `start`'s week, the lead time from `start`.
 * `weeks` is the axis `weeklyFree` is given on (ascending Mondays); `start`'s week must be on it.
 * With `start` = today this is the single-stage schedule (buildCandidates, offerSchedule).
 * AS_HOURS_FREE: a later start never completes more units by any date (the chain engine relies
 * on it; ON_LEAD_DATE does not have it, since its window of weeks moves with the start).
 */
export function scheduleFrom(capacity: CapacityFromStart, weeks: readonly string[], start: string): SchedulePoint[] {
  const first = weeks.indexOf(weekStart(start));
  if (first < 0) return [];
  const byLead = addDays(start, capacity.leadDays);
  if (capacity.completes === "ON_LEAD_DATE") {
    const week = weekStart(byLead);
    let free = 0;
    for (let i = first; i < weeks.length && weeks[i] <= week; i++) free += capacity.weeklyFree[i];
    return [{ date: byLead, units: Math.floor(free / capacity.centihoursPerUnit) }];
  }
  const schedule: SchedulePoint[] = [];
  const ends = weekEnds(weeks);
  let cumulative = 0;
  for (let i = first; i < weeks.length; i++) {
    cumulative += capacity.weeklyFree[i];
    const end = ends[i];
    const date = end > byLead ? end : byLead;
    const units = Math.floor(cumulative / capacity.centihoursPerUnit);
    const last = schedule[schedule.length - 1];
    if (units === 0 || (last && units <= last.units)) continue;
    if (last && last.date === date) last.units = units;
    else schedule.push({ date, units });
  }
  return schedule;
}
