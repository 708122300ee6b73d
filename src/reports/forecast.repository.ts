import { aliasedTable, and, count, eq, exists, gte, ne, or, sql } from "drizzle-orm";
import { weekOfDate, weekOfInstant } from "../db/expressions";
import type { Executor } from "../db/executor";
import { bids, companies, orders } from "../db/schema";
import { AWARD_WINDOW_DAYS } from "../orders/order-state";
import { DAY_MS } from "../shared/time";

const bidder = aliasedTable(companies, "bidder");

/**
 * Whether an order reached a park's contractors: posted by one of its companies, or bid on by
 * one, whichever park posted it. Cancelled orders (withdrawn demand) are left out, expired ones
 * (demand nobody met) kept.
 */
function reachedPark(db: Executor, parkId: number) {
  const bidOn = db
    .select({ one: bids.id })
    .from(bids)
    .innerJoin(bidder, eq(bidder.id, bids.companyId))
    .where(and(eq(bids.orderId, orders.id), eq(bidder.parkId, parkId)));
  return and(ne(orders.status, "CANCELLED"), or(eq(orders.parkId, parkId), exists(bidOn)));
}

/**
 * Units posted per capability and week (weekNumber of the Moscow date each order was posted on)
 * by the orders that reached the park since `since`: one aggregate, summed in the database.
 */
export async function postedUnitsByWeek(db: Executor, parkId: number, since: Date): Promise<{ capabilityId: number; week: number; units: number }[]> {
  const week = weekOfInstant(orders.createdAt);
  return db
    .select({ capabilityId: orders.capabilityId, week: week.mapWith(Number), units: sql<number>`sum(${orders.quantity})`.mapWith(Number) })
    .from(orders)
    .where(and(gte(orders.createdAt, since), reachedPark(db, parkId)))
    .groupBy(orders.capabilityId, week);
}

/** Open orders of one capability whose bidding closes in one week and that are needed by another: their units and how many they are. */
export interface OpenOrderGroup {
  capabilityId: number;
  /** weekNumber of the Moscow date bidding closes on, and of the needed-by date. */
  closesWeek: number;
  neededWeek: number;
  units: number;
  orders: number;
}

/**
 * The orders open at `now` (OPEN and not past their award deadline, effectiveStatus) that
 * reached the park, grouped by capability, the week bidding closes in and the week they are
 * needed by: one aggregate, a few thousand rows however many orders are open.
 */
export async function openOrderGroups(db: Executor, parkId: number, now: Date): Promise<OpenOrderGroup[]> {
  const closedSince = new Date(now.getTime() - AWARD_WINDOW_DAYS * DAY_MS);
  const closesWeek = weekOfInstant(orders.biddingClosesAt);
  const neededWeek = weekOfDate(orders.neededBy);
  return db
    .select({ capabilityId: orders.capabilityId, closesWeek: closesWeek.mapWith(Number), neededWeek: neededWeek.mapWith(Number), units: sql<number>`sum(${orders.quantity})`.mapWith(Number), orders: count() })
    .from(orders)
    .where(and(eq(orders.status, "OPEN"), gte(orders.biddingClosesAt, closedSince), reachedPark(db, parkId)))
    .groupBy(orders.capabilityId, closesWeek, neededWeek);
}
