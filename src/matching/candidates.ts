import { freeCapacity, offerSchedule, pointCovering, scheduleFrom } from "../capacity/free-capacity";
import type { Executor } from "../db/executor";
import type { BidRow, CapabilityOfferRow } from "../db/schema";
import type { Candidate } from "./engine";

/** A candidate with the row it came from, so that plans can name the bid or the offer. */
export interface SourcedCandidate {
  candidate: Candidate;
  bid: BidRow | null;
  offer: CapabilityOfferRow | null;
}

export const bidKey = (id: number) => `bid:${id}`;
export const offerKey = (id: number) => `offer:${id}`;

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
export async function buildCandidates(db: Executor, bids: readonly BidRow[], offers: readonly CapabilityOfferRow[], today: string, neededBy: string): Promise<SourcedCandidate[]> {
  const bidders = new Set(bids.map((b) => b.companyId));
  const quoted = offers.filter((o) => o.active && !bidders.has(o.companyId));
  const free = await freeCapacity(db, [...bidders, ...quoted.map((o) => o.companyId)], today, neededBy);
  const fromBids = bids.map((bid): SourcedCandidate => {
    const capacity = { completes: "ON_LEAD_DATE" as const, leadDays: bid.leadTimeDays, centihoursPerUnit: bid.centihoursPerUnit, weeklyFree: free.weekly.get(bid.companyId)! };
    return {
      candidate: {
        key: bidKey(bid.id),
        contractorId: bid.companyId,
        source: "BID",
        unitPrice: bid.unitPriceMinor,
        minLot: bid.minLot,
        maxQuantity: bid.maxQuantity,
        schedule: scheduleFrom(capacity, free.weeks, today),
      },
      bid,
      offer: null,
    };
  });
  const fromOffers = quoted.map((offer): SourcedCandidate => {
    const schedule = offerSchedule(offer, free, today);
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
  return pointCovering(candidate.schedule, quantity)?.date ?? null;
}
