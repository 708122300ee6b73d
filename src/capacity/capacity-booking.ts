import type { Executor } from "../db/executor";
import type { ContractRow } from "../db/schema";
import { planBooking, type BookingLine } from "./booking";
import {
  findContractsForRebooking,
  activeEngineerCapacities,
  addBookings,
  bookedHoursOfCompany,
  bookingsOfEngineerFrom,
  reduceBooking,
  releaseBookingsFrom,
} from "./capacity.repository";
import { addWeeks, weekEnd, weekStart, weeksFrom } from "./weeks";

/** Centihours of work a contract carries: quantity x engineer-hours per unit. */
export const workOf = (contract: Pick<ContractRow, "quantity" | "centihoursPerUnit">): number => contract.quantity * contract.centihoursPerUnit;

/** A contract's work as booking reads it: whose engineers, in which capability (its order's). */
export type Work = Pick<ContractRow, "id" | "companyId"> & { capabilityId: number };

/**
 * Books `centihours` of a contract's work on its contractor's active engineers who hold its
 * capability, in the weeks from `fromDate`'s week to the promised date's week, earliest free
 * capacity first. Runs in the caller's transaction. Returns the centihours that did not fit (0:
 * all booked); when some do not fit, nothing is written.
 */
export async function bookWork(db: Executor, contract: Work & Pick<ContractRow, "promisedDate">, centihours: number, fromDate: string): Promise<number> {
  const weeks = weeksFrom(weekStart(fromDate), weekStart(contract.promisedDate));
  if (weeks.length === 0) return centihours;
  const plan = await planOnHolders(db, contract, weeks, centihours);
  if (plan.missing > 0) return plan.missing;
  await addBookings(db, contract.id, plan.lines);
  return 0;
}

/** Where `centihours` of a contract's work fit on its holders' free hours in `weeks` (ascending Mondays), earliest first; nothing written. */
async function planOnHolders(db: Executor, contract: Work, weeks: readonly string[], centihours: number) {
  const engineers = await activeEngineerCapacities(db, contract.companyId, contract.capabilityId);
  const booked = await bookedHoursOfCompany(db, contract.companyId, weeks[0], weeks[weeks.length - 1]);
  return planBooking(engineers, weeks, booked, centihours);
}

/** How far past a contract's promised date `bookEarliest` looks for free hours. */
export const BOOKING_HORIZON_WEEKS = 52;

/**
 * Where `centihours` more of a contract's work would fit from `fromDate`'s week (this week at
 * the earliest), earliest free hours first: by `promisedDate`'s week when they fit, else in the
 * weeks after it (up to BOOKING_HORIZON_WEEKS). `completes` is `promisedDate`, or the end of
 * the later week its last hours fit in; null when they do not fit even then.
 */
export async function earliestFit(db: Executor, contract: Work, centihours: number, today: string, fromDate: string, promisedDate: string): Promise<{ lines: BookingLine[]; completes: string | null }> {
  if (centihours === 0) return { lines: [], completes: promisedDate };
  const weeks = weeksFrom(weekStart(fromDate > today ? fromDate : today), addWeeks(weekStart(promisedDate), BOOKING_HORIZON_WEEKS));
  const plan = await planOnHolders(db, contract, weeks, centihours);
  if (plan.missing > 0) return { lines: [], completes: null };
  const lastWeek = plan.lines[plan.lines.length - 1].week;
  return { lines: plan.lines, completes: lastWeek > weekStart(promisedDate) ? weekEnd(lastWeek) : promisedDate };
}

/** Books work where `earliestFit` finds room; returns the date it completes, null (nothing written) when it does not fit. */
export async function bookEarliest(db: Executor, contract: Work, centihours: number, today: string, fromDate: string, promisedDate: string): Promise<string | null> {
  const fit = await earliestFit(db, contract, centihours, today, fromDate, promisedDate);
  if (fit.completes !== null) await addBookings(db, contract.id, fit.lines);
  return fit.completes;
}

/**
 * Moves a contract whose inputs are late to start no sooner than `startDate`: all its bookings
 * (from its old start on: it has done none of its work, its inputs were not there) are taken
 * off and booked again with `bookEarliest`. Returns the centihours moved and the date they now
 * complete (null: they no longer fit, and are left unbooked).
 */
export async function moveWork(db: Executor, contract: Work & Pick<ContractRow, "startDate">, today: string, startDate: string, promisedDate: string): Promise<{ completes: string | null; centihours: number }> {
  const centihours = await releaseBookingsFrom(db, contract.id, weekStart(contract.startDate));
  return { completes: await bookEarliest(db, contract, centihours, today, startDate, promisedDate), centihours };
}

export interface Shortfall {
  contractId: number;
  missingCentihours: number;
}

/**
 * After an engineer's capacity drops (deactivated: to 0; fewer weekly hours), takes the work
 * that no longer fits off them from `fromDate`'s week on and books it again on the company's
 * engineers before each contract's promised date. Call after the engineer row is updated.
 * Returns the work moved, per contract, and the contracts whose work no longer fits (the caller
 * then rolls back).
 */
export async function rebookEngineer(db: Executor, engineerId: number, newWeeklyCentihours: number, fromDate: string): Promise<{ moved: { contract: ContractRow; centihours: number }[]; shortfalls: Shortfall[] }> {
  const fromWeek = weekStart(fromDate);
  const displaced = new Map<number, number>();
  const byWeek = new Map<string, Awaited<ReturnType<typeof bookingsOfEngineerFrom>>>();
  for (const booking of await bookingsOfEngineerFrom(db, engineerId, fromWeek)) {
    const list = byWeek.get(booking.week);
    if (list) list.push(booking);
    else byWeek.set(booking.week, [booking]);
  }
  for (const weekBookings of byWeek.values()) {
    let excess = weekBookings.reduce((sum, b) => sum + b.centihours, 0) - newWeeklyCentihours;
    // Latest-promised work moves first: it has the most room before its own date.
    for (const booking of weekBookings) {
      if (excess <= 0) break;
      const moved = Math.min(excess, booking.centihours);
      await reduceBooking(db, booking, moved);
      displaced.set(booking.contractId, (displaced.get(booking.contractId) ?? 0) + moved);
      excess -= moved;
    }
  }
  const shortfalls: Shortfall[] = [];
  const contracts = (await findContractsForRebooking(db, [...displaced.keys()])).sort((a, b) => a.promisedDate.localeCompare(b.promisedDate) || a.id - b.id);
  for (const contract of contracts) {
    const missing = await bookWork(db, contract, displaced.get(contract.id)!, fromDate);
    if (missing > 0) shortfalls.push({ contractId: contract.id, missingCentihours: missing });
  }
  return { moved: contracts.map((contract) => ({ contract, centihours: displaced.get(contract.id)! })), shortfalls };
}
