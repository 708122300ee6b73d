import { aliasedTable, and, eq, exists, gte, ne, or } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { bids, companies, orders } from "../db/schema";

export interface DemandOrder {
  capabilityId: number;
  quantity: number;
  createdAt: Date;
  neededBy: string;
  biddingClosesAt: Date;
  status: (typeof orders.$inferSelect)["status"];
}

const bidder = aliasedTable(companies, "bidder");

/**
 * The orders that reached a park's contractors: posted by one of its companies, or bid on by
 * one, whichever park posted them; posted since `since`, or (`open`) still open. Cancelled orders
 * (withdrawn demand) are left out, expired ones (demand nobody met) kept (one statement).
 */
export async function ordersReachingPark(db: Executor, parkId: number, which: { since: Date } | { open: true }): Promise<DemandOrder[]> {
  const reachedByBid = db
    .select({ one: bids.id })
    .from(bids)
    .innerJoin(bidder, eq(bidder.id, bids.companyId))
    .where(and(eq(bids.orderId, orders.id), eq(bidder.parkId, parkId)));
  return db
    .select({ capabilityId: orders.capabilityId, quantity: orders.quantity, createdAt: orders.createdAt, neededBy: orders.neededBy, biddingClosesAt: orders.biddingClosesAt, status: orders.status })
    .from(orders)
    .innerJoin(companies, eq(companies.id, orders.companyId))
    .where(and("since" in which ? gte(orders.createdAt, which.since) : eq(orders.status, "OPEN"), ne(orders.status, "CANCELLED"), or(eq(companies.parkId, parkId), exists(reachedByBid))));
}
