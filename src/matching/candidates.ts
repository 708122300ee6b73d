import { freeCapacity, pointCovering, scheduleFrom, type CapacityFromStart, type FreeCapacity } from "../capacity/free-capacity";
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

/** A bid's or an offer's terms as the engines read them, the capacity its schedule is drawn from, and the row. */
export interface CandidateSource {
  terms: Omit<Candidate, "schedule">;
  capacity: CapacityFromStart;
  bid: BidRow | null;
  offer: CapabilityOfferRow | null;
}

/**
 * The offers that quote for an order: active, of contractors without a live bid on it (a bid is
 * its contractor's answer to this order), and not the customer's own (a cluster's manufacturer
 * orders from the other members).
 */
export function quotedOffers(bids: readonly BidRow[], offers: readonly CapabilityOfferRow[], customerId: number | null): CapabilityOfferRow[] {
  const bidders = new Set(bids.map((b) => b.companyId));
  return offers.filter((o) => o.active && !bidders.has(o.companyId) && o.companyId !== customerId);
}

/**
 * Bids and quoted offers as candidate sources over `free` (which must hold their contractors):
 * a bid completes on its lead date with the units the free hours by then cover; a quote at the
 * end of each week as the free hours grow, no sooner than its minimum lead time.
 */
export function candidateSources(bids: readonly BidRow[], quoted: readonly CapabilityOfferRow[], free: FreeCapacity): CandidateSource[] {
  return [
    ...bids.map((bid): CandidateSource => ({
      terms: { key: bidKey(bid.id), contractorId: bid.companyId, source: "BID", unitPrice: bid.unitPriceMinor, minLot: bid.minLot, maxQuantity: bid.maxQuantity },
      capacity: { completes: "ON_LEAD_DATE", leadDays: bid.leadTimeDays, centihoursPerUnit: bid.centihoursPerUnit, weeklyFree: free.weekly.get(bid.companyId)! },
      bid,
      offer: null,
    })),
    ...quoted.map((offer): CandidateSource => ({
      terms: { key: offerKey(offer.id), contractorId: offer.companyId, source: "QUOTE", unitPrice: offer.unitPriceMinor, minLot: offer.minLot, maxQuantity: offer.maxLot },
      capacity: { completes: "AS_HOURS_FREE", leadDays: offer.minLeadDays, centihoursPerUnit: offer.centihoursPerUnit, weeklyFree: free.weekly.get(offer.companyId)! },
      bid: null,
      offer,
    })),
  ];
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
export async function buildCandidates(db: Executor, order: { capabilityId: number; customerId: number | null }, bids: readonly BidRow[], offers: readonly CapabilityOfferRow[], today: string, neededBy: string): Promise<SourcedCandidate[]> {
  const { capabilityId } = order;
  const quoted = quotedOffers(bids, offers, order.customerId);
  const free = await freeCapacity(db, [...new Set([...bids, ...quoted].map((row) => row.companyId))], capabilityId, today, neededBy);
  return candidateSources(bids, quoted, free).map(({ terms, capacity, bid, offer }) => ({ candidate: { ...terms, schedule: scheduleFrom(capacity, free.weeks, today) }, bid, offer }));
}

/** The date a candidate completes `quantity` units, or null when its capacity does not allow it. */
export function completionFor(candidate: Candidate, quantity: number): string | null {
  return pointCovering(candidate.schedule, quantity)?.date ?? null;
}
