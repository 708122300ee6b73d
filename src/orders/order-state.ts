import type { OrderStatusValue } from "../db/schema";
import { DAY_MS } from "../shared/time";

/**
 * The order's life, kept in one place.
 *
 *   OPEN -> AWARDED -> IN_PRODUCTION -> COMPLETED
 *   OPEN -> CANCELLED   (by its owner)
 *   OPEN -> EXPIRED     (no award by the award deadline)
 *   AWARDED | IN_PRODUCTION -> CANCELLED   (when its last live contract is cancelled)
 *   IN_PRODUCTION -> COMPLETED   (no live contract left and at least one accepted: see settleOrder)
 *
 * Bids are taken until `biddingClosesAt`; the owner may award from the first bid until
 * AWARD_WINDOW_DAYS after bidding closes, so that the last bids can be weighed too. An OPEN
 * order past that deadline is EXPIRED, whether or not a write has recorded it yet.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatusValue, readonly OrderStatusValue[]>> = {
  OPEN: ["AWARDED", "CANCELLED", "EXPIRED"],
  AWARDED: ["IN_PRODUCTION", "CANCELLED"],
  IN_PRODUCTION: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export const AWARD_WINDOW_DAYS = 14;

export function canTransition(from: OrderStatusValue, to: OrderStatusValue): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The instant after which an unawarded order expires. */
export function awardDeadline(biddingClosesAt: Date): Date {
  return new Date(biddingClosesAt.getTime() + AWARD_WINDOW_DAYS * DAY_MS);
}

/** The status as of `now`: a stored OPEN past its award deadline reads as EXPIRED. */
export function effectiveStatus(order: { status: OrderStatusValue; biddingClosesAt: Date }, now: Date): OrderStatusValue {
  return order.status === "OPEN" && now.getTime() > awardDeadline(order.biddingClosesAt).getTime() ? "EXPIRED" : order.status;
}

/** Whether contractors may still bid or revise bids. */
export function acceptingBids(order: { status: OrderStatusValue; biddingClosesAt: Date }, now: Date): boolean {
  return order.status === "OPEN" && now.getTime() < order.biddingClosesAt.getTime();
}
