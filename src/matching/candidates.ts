import { bookedByCompanyWeek, weeklyCapacityOfCompanies } from "../capacity/capacity.repository";
import { weekEnd, weekStart, weeksFrom } from "../capacity/weeks";
import type { Executor } from "../db/executor";
import type { BidRow, CapabilityOfferRow } from "../db/schema";
import { addDays } from "../shared/time";
import type { Candidate, SchedulePoint } from "./engine";

/** A candidate with the row it came from, so that plans can name the bid or the offer. */
export interface SourcedCandidate {
  candidate: Candidate;
  bid: BidRow | null;
  offer: CapabilityOfferRow | null;
}

export const bidKey = (id: number) => `bid:${id}`;
export const offerKey = (id: number) => `offer:${id}`;

/**
 * Free centihours per company and week from `today`'s week to `lastDay`'s week, cumulative:
 * capacity of active engineers minus bookings, never below zero in a week (two aggregate
 * statements whatever the number of companies).
 */
function cumulativeFree(db: Executor, companyIds: number[], today: string, lastDay: string) {
  const weeks = weeksFrom(weekStart(today), weekStart(lastDay > today ? lastDay : today));
  const capacity = weeklyCapacityOfCompanies(db, companyIds);
  const booked = bookedByCompanyWeek(db, companyIds, weeks[0], weeks[weeks.length - 1]);
  const free = new Map<number, number[]>();
  for (const id of companyIds) {
    let sum = 0;
    free.set(
      id,
      weeks.map((week) => (sum += Math.max(0, (capacity.get(id) ?? 0) - (booked.get(`${id}|${week}`) ?? 0)))),
    );
  }
  return { weeks, free };
}

/**
 * Turns bids and offers into the engine's candidates, as of `today`, looking as far as
 * `neededBy`. Capacity is the contractor's free engineer-hours, as the award books it:
 *
 * - a bid completes on today + its lead time, and takes at most the units whose hours fit in
 *   the free hours of the weeks up to that date's week;
 * - a quote (an active offer of a contractor without a live bid) completes at the end of the
 *   first week by which the free hours cover its units, no sooner than its minimum lead time:
 *   one schedule point per week.
 * A contractor with a live bid is represented by that bid only (it is its answer to this order).
 */
export function buildCandidates(db: Executor, bids: readonly BidRow[], offers: readonly CapabilityOfferRow[], today: string, neededBy: string): SourcedCandidate[] {
  const bidders = new Set(bids.map((b) => b.companyId));
  const quoted = offers.filter((o) => o.active && !bidders.has(o.companyId));
  const { weeks, free } = cumulativeFree(db, [...bidders, ...quoted.map((o) => o.companyId)], today, neededBy);
  const freeBy = (companyId: number, date: string) => {
    const week = weekStart(date);
    let i = weeks.length - 1;
    while (i >= 0 && weeks[i] > week) i--;
    return i < 0 ? 0 : free.get(companyId)![i];
  };
  const fromBids = bids.map((bid): SourcedCandidate => {
    const date = addDays(today, bid.leadTimeDays);
    return {
      candidate: {
        key: bidKey(bid.id),
        contractorId: bid.companyId,
        source: "BID",
        unitPrice: bid.unitPriceMinor,
        minLot: bid.minLot,
        maxQuantity: bid.maxQuantity,
        schedule: [{ date, units: Math.floor(freeBy(bid.companyId, date) / bid.centihoursPerUnit) }],
      },
      bid,
      offer: null,
    };
  });
  const fromOffers = quoted.map((offer): SourcedCandidate => {
    const byLead = addDays(today, offer.minLeadDays);
    const schedule: SchedulePoint[] = [];
    free.get(offer.companyId)!.forEach((cumulative, i) => {
      const end = weekEnd(weeks[i]);
      const date = end > byLead ? end : byLead;
      const units = Math.floor(cumulative / offer.centihoursPerUnit);
      const last = schedule[schedule.length - 1];
      if (units === 0 || (last && units <= last.units)) return;
      if (last && last.date === date) last.units = units;
      else schedule.push({ date, units });
    });
    return {
      candidate: {
        key: offerKey(offer.id),
        contractorId: offer.companyId,
        source: "QUOTE",
        unitPrice: offer.unitPriceMinor,
        minLot: offer.minLot,
        maxQuantity: offer.maxLot,
        schedule,
      },
      bid: null,
      offer,
    };
  });
  return [...fromBids, ...fromOffers];
}

/** The date a candidate completes `quantity` units, or null when its capacity does not allow it. */
export function completionFor(candidate: Candidate, quantity: number): string | null {
  return candidate.schedule.find((p) => p.units >= quantity)?.date ?? null;
}
