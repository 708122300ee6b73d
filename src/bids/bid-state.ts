import type { BidRow, BidStatusValue } from "../db/schema";

/** A bid's status as the API shows it: a live bid past its valid-until date is EXPIRED. */
export type BidDisplayStatus = BidStatusValue | "EXPIRED";

/**
 * The bid's status at `now`. Only a LIVE one (still valid) enters plans or an award; an EXPIRED
 * one stands again when its contractor revises it with a new valid-until date.
 */
export function bidStatusAt(bid: Pick<BidRow, "status" | "validUntil">, now: Date): BidDisplayStatus {
  return bid.status === "LIVE" && bid.validUntil.getTime() < now.getTime() ? "EXPIRED" : bid.status;
}
