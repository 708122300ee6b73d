import { bidEvent, type OrderRef } from "../events/domain-events";
import { and, eq, lte, notExists, sql } from "drizzle-orm";
import { type Executor } from "../db/executor";
import { bids, events, orders } from "../db/schema";
import { appendEvents, PLATFORM_ACTOR, type Actor } from "../events/event.repository";

/**
 * What an order's end does to its bids, with their events: it lives with the order, since bids
 * come after orders in the layers (src/bids imports src/orders, never the reverse).
 */

/** Marks every live bid of an order NOT_AWARDED (the order was awarded, cancelled or expired) and logs each. */
export async function closeLiveBids(db: Executor, order: OrderRef, actor: Actor, at: Date): Promise<void> {
  const closed = await db
    .update(bids)
    .set({ status: "NOT_AWARDED", updatedAt: at })
    .where(and(eq(bids.orderId, order.id), eq(bids.status, "LIVE")))
    .returning({ id: bids.id, companyId: bids.companyId });
  await appendEvents(db, actor, at, closed.map((bid) => bidEvent("BID_NOT_AWARDED", order, bid, "LIVE", "NOT_AWARDED")));
}

/**
 * Logs BID_EXPIRED, once, for each live bid whose validity ended by `now` (its status stays
 * LIVE in the table; the API shows it EXPIRED from that instant). Returns how many.
 */
export async function recordLapsedBids(db: Executor, now: Date): Promise<number> {
  const lapsed = await db
    .select({ id: bids.id, companyId: bids.companyId, orderId: bids.orderId, customerCompanyId: orders.companyId })
    .from(bids)
    .innerJoin(orders, eq(orders.id, bids.orderId))
    .where(and(sql`${bids.status} = 'LIVE'`, lte(bids.validUntil, now), notExists(db.select({ id: events.id }).from(events).where(and(eq(events.bidId, bids.id), sql`${events.type} = 'BID_EXPIRED'`)))));
  await appendEvents(db, PLATFORM_ACTOR, now, lapsed.map((bid) => bidEvent("BID_EXPIRED", { id: bid.orderId, companyId: bid.customerCompanyId }, bid, "LIVE", "LIVE", "Valid-until passed.")));
  return lapsed.length;
}
