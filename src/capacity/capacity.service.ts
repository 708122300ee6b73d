import { type RequestContext } from "../core/request-context";
import { contractCompanyOf } from "../companies/company-access";
import type { Executor } from "../db/executor";
import type { BidRow, CapabilityOfferRow, CompanyRow, OrderRow } from "../db/schema";
import { badUserInput } from "../graphql/errors";
import { activeOffersOfCapability, capabilitiesOfferedBy } from "../offers/capability-offer.repository";
import { addDays, daysBetween, localDate } from "../shared/time";
import { bookedByCompanyWeek, bookedByEngineerWeek, bookedOnHoldersByWeek, holderKey, weeklyCapacityOfCompanies, weeklyCapacityOfHolders } from "./capacity.repository";
import { freeCapacity, offerSchedule, pointCovering, scheduleFrom } from "./free-capacity";
import { addWeeks, weekNumber, weekStart, weeksFrom } from "./weeks";

export const DEFAULT_WINDOW_WEEKS = 26;
export const MAX_WINDOW_WEEKS = 104;
/** How far ahead a quote looks for free capacity. */
export const QUOTE_HORIZON_WEEKS = 156;

export interface Window {
  asOf: string;
  weeks: string[];
}

/** The window of `count` weeks starting on `asOf`'s week; bad arguments are BAD_USER_INPUT. */
export function windowOf(asOf: string | null | undefined, count: number | null | undefined, now: Date): Window {
  const date = asOf ?? localDate(now);
  const n = count ?? DEFAULT_WINDOW_WEEKS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WINDOW_WEEKS) throw badUserInput(`weeks must be from 1 to ${MAX_WINDOW_WEEKS}.`, "weeks");
  const first = weekStart(date);
  return { asOf: date, weeks: weeksFrom(first, addWeeks(first, n - 1)) };
}

export function checkThreshold(threshold: number | null | undefined): number {
  const t = threshold ?? 1;
  if (!Number.isFinite(t) || t <= 0 || t > 10) throw badUserInput("threshold must be above 0 and at most 10 (1 = 100 %).", "threshold");
  return t;
}

export interface CompanyLoad {
  company: CompanyRow;
  window: Window;
  capacity: number;
  bookedByWeek: number[];
  threshold: number;
  weeksBookedAhead: number;
}

export interface QuoteFigures {
  offer: CapabilityOfferRow;
  quantity: number;
  centihours: number;
  completion: string | null;
  leadTimeDays: number | null;
  note: string;
}

/**
 * Quotes for an order from offers and free capacity: for each offer, the quantity it can take,
 * and the end of the first week by which the company's free hours (capacity minus bookings,
 * from the as-of week on) cover the work, no sooner than the offer's minimum lead days.
 * Three aggregate statements whatever the number of contractors.
 */
export async function quoteOrder(db: Executor, capabilityId: number, offers: CapabilityOfferRow[], requested: number, asOf: string): Promise<QuoteFigures[]> {
  const free = await freeCapacity(
    db,
    offers.map((o) => o.companyId),
    capabilityId,
    asOf,
    addWeeks(weekStart(asOf), QUOTE_HORIZON_WEEKS - 1),
  );
  const quotes = offers.map((offer): QuoteFigures => {
    const quantity = Math.min(requested, offer.maxLot);
    const centihours = quantity * offer.centihoursPerUnit;
    const base = { offer, quantity, centihours };
    if (quantity < offer.minLot) return { ...base, completion: null, leadTimeDays: null, note: `Takes at least ${offer.minLot} units.` };
    const done = pointCovering(offerSchedule(offer, free, asOf), quantity);
    if (!done) return { ...base, completion: null, leadTimeDays: null, note: `No free engineer-hours for this work within ${QUOTE_HORIZON_WEEKS} weeks.` };
    const byLead = addDays(asOf, offer.minLeadDays) === done.date;
    const notes = [
      quantity < requested ? `Capped at the offer's maximum lot of ${offer.maxLot}.` : "",
      byLead ? `Set by the minimum lead time of ${offer.minLeadDays} days.` : `Set by free capacity: the work fits by the week of ${weekStart(done.date)}.`,
    ];
    return { ...base, completion: done.date, leadTimeDays: daysBetween(asOf, done.date), note: notes.filter(Boolean).join(" ") };
  });
  return quotes.sort(
    (a, b) =>
      (a.completion ?? "9999").localeCompare(b.completion ?? "9999") ||
      a.quantity * a.offer.unitPriceMinor - b.quantity * b.offer.unitPriceMinor ||
      a.offer.companyId - b.offer.companyId,
  );
}

/** Open orders of one capability grouped by the week their bidding closes in and the week they are needed by (weekNumber). */
export interface OpenOrderWeeks {
  closesWeek: number;
  neededWeek: number;
  units: number;
  orders: number;
}

/**
 * What a park's open orders for one capability would add to its contractors' load: their units
 * at the offers' mean hours per unit, spread evenly over the weeks from the one bidding closes in
 * (or this week) to the needed-by week; the window's share of it per week. Orders whose hours
 * fall in the same weeks are spread together, to the centihour, the remainder on the earliest
 * weeks (the total is exact).
 */
export function openOrderDemand(groups: readonly OpenOrderWeeks[], centihoursPerUnit: number, window: { asOf: string; weeks: string[] }): { openOrders: number; openOrderCentihours: number; demandByWeek: number[] } {
  const demandByWeek = window.weeks.map(() => 0);
  const windowStart = weekNumber(window.weeks[0]);
  const asOfWeek = weekNumber(window.asOf);
  let openOrders = 0;
  let openOrderCentihours = 0;
  const spans = new Map<string, { first: number; last: number; centihours: number }>();
  for (const group of groups) {
    const centihours = group.units * centihoursPerUnit;
    openOrders += group.orders;
    openOrderCentihours += centihours;
    const first = Math.max(group.closesWeek, asOfWeek);
    const last = Math.max(group.neededWeek, first);
    const span = spans.get(`${first}|${last}`);
    if (span) span.centihours += centihours;
    else spans.set(`${first}|${last}`, { first, last, centihours });
  }
  for (const { first, last, centihours } of spans.values()) {
    // Only the weeks inside the window are visited, however far off the needed-by is.
    const span = last - first + 1;
    const offset = first - windowStart;
    const share = Math.floor(centihours / span);
    const remainder = centihours % span;
    for (let i = Math.max(0, -offset); i < span && offset + i < demandByWeek.length; i++) {
      demandByWeek[offset + i] += share + (i < remainder ? 1 : 0);
    }
  }
  return { openOrders, openOrderCentihours, demandByWeek };
}

/** Reads of load and capacity, and moving booked work between engineers. */
export class CapacityService {
  /** Booked centihours of these engineers per week of the window, keyed by bookedKey(engineer, week): one aggregate statement. */
  async bookedByEngineer(ctx: RequestContext, engineerIds: number[], weeks: readonly string[]): Promise<Map<string, number>> {
    return bookedByEngineerWeek(ctx.db, engineerIds, weeks[0], weeks[weeks.length - 1]);
  }

  /** A contract company's load over a window, for its members and the coordinator (one aggregate per figure). */
  async companyLoad(ctx: RequestContext, args: { companyId?: string | null; asOf?: string | null; weeks?: number | null; threshold?: number | null }): Promise<CompanyLoad> {
    const { viewer, now } = ctx;
    const company = await contractCompanyOf(ctx.db, viewer, args.companyId, "load");
    const window = windowOf(args.asOf, args.weeks, now);
    const threshold = checkThreshold(args.threshold);
    const capacity = (await weeklyCapacityOfCompanies(ctx.db, [company.id])).get(company.id) ?? 0;
    const booked = await bookedByCompanyWeek(ctx.db, [company.id], window.weeks[0], window.weeks[window.weeks.length - 1]);
    const bookedByWeek = window.weeks.map((week) => booked.get(`${company.id}|${week}`) ?? 0);
    let weeksBookedAhead = 0;
    while (weeksBookedAhead < bookedByWeek.length && capacity > 0 && bookedByWeek[weeksBookedAhead] >= capacity * threshold) weeksBookedAhead++;
    return { company, window, capacity, bookedByWeek, threshold, weeksBookedAhead };
  }

  /**
   * The company's load per capability it actively offers: the hours of its engineers who hold
   * the capability against what is booked on them, week by week (an engineer with two
   * capabilities counts in both), so that which capability runs short has an answer. Two
   * aggregates and the offers.
   */
  async capabilityLoads(ctx: RequestContext, companyId: number, weeks: readonly string[]): Promise<{ capabilityId: number; capacity: number; bookedByWeek: number[] }[]> {
    const offered = await capabilitiesOfferedBy(ctx.db, companyId, true);
    const capacity = await weeklyCapacityOfHolders(ctx.db, [companyId], null);
    const booked = await bookedOnHoldersByWeek(ctx.db, [companyId], null, weeks[0], weeks[weeks.length - 1]);
    return offered.map((capabilityId) => {
      const key = holderKey(companyId, capabilityId);
      return { capabilityId, capacity: capacity.get(key) ?? 0, bookedByWeek: weeks.map((week) => booked.get(`${key}|${week}`) ?? 0) };
    });
  }

  /**
   * What a live bid's contractor can make of it now: the units whose hours fit in the free hours
   * of its engineers holding the order's capability from this week to the week of its promised
   * date (today + lead time), as an award today would book them. Two aggregates.
   */
  async coverableUnits(ctx: RequestContext, bid: Pick<BidRow, "companyId" | "leadTimeDays" | "centihoursPerUnit">, order: Pick<OrderRow, "capabilityId">): Promise<{ units: number; promisedDate: string }> {
    const today = localDate(ctx.now);
    const promisedDate = addDays(today, bid.leadTimeDays);
    const free = await freeCapacity(ctx.db, [bid.companyId], order.capabilityId, today, promisedDate);
    const [point] = scheduleFrom({ completes: "ON_LEAD_DATE", leadDays: bid.leadTimeDays, centihoursPerUnit: bid.centihoursPerUnit, weeklyFree: free.weekly.get(bid.companyId)! }, free.weeks, today);
    return { units: point?.units ?? 0, promisedDate };
  }

  /** Instant quotes for an order: all for its owner and the coordinator, its own for a contractor. */
  async instantQuotes(ctx: RequestContext, order: OrderRow, args: { quantity?: number | null; asOf?: string | null }, seesAll: boolean): Promise<QuoteFigures[]> {
    const { viewer, now } = ctx;
    const quantity = args.quantity ?? order.quantity;
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > order.quantity) {
      throw badUserInput(`quantity must be from 1 to the order's ${order.quantity} units.`, "quantity");
    }
    // Not the customer's own offer: a cluster's manufacturer orders from the other members.
    const offers = (await activeOffersOfCapability(ctx.db, order.capabilityId)).filter((offer) => offer.companyId !== order.companyId && (seesAll || offer.companyId === viewer?.companyId));
    return await quoteOrder(ctx.db, order.capabilityId, offers, quantity, args.asOf ?? localDate(now));
  }

}
