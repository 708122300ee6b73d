import { and, asc, eq, inArray } from "drizzle-orm";
import { afterCursor, pagePerParent, type Executor } from "../db/executor";
import { bidRevisions, bids, type BidRow, type BidStatusValue } from "../db/schema";
import type { PageRequest } from "../graphql/connection";

export function findBidsByIds(db: Executor, ids: number[]): BidRow[] {
  return db.select().from(bids).where(inArray(bids.id, ids)).all();
}

export function findLiveBid(db: Executor, orderId: number, companyId: number): BidRow | undefined {
  return db
    .select()
    .from(bids)
    .where(and(eq(bids.orderId, orderId), eq(bids.companyId, companyId), eq(bids.status, "LIVE")))
    .get();
}

export function findLiveBidsOfOrder(db: Executor, orderId: number): BidRow[] {
  return db
    .select()
    .from(bids)
    .where(and(eq(bids.orderId, orderId), eq(bids.status, "LIVE")))
    .all();
}

type Terms = Pick<BidRow, "unitPriceMinor" | "currency" | "minLot" | "maxQuantity" | "centihoursPerUnit" | "leadTimeDays" | "validUntil">;

/** Inserts a bid and its first revision. */
export function insertBid(db: Executor, values: Terms & { orderId: number; companyId: number }, actorName: string, at: Date): BidRow {
  const bid = db
    .insert(bids)
    .values({ ...values, status: "LIVE", revision: 1, createdAt: at, updatedAt: at })
    .returning()
    .get();
  db.insert(bidRevisions).values({ bidId: bid.id, revision: 1, ...termsOf(bid), actorName, createdAt: at }).run();
  return bid;
}

/** Sets new terms on a live bid and records them as its next revision. */
export function reviseBid(db: Executor, bid: BidRow, terms: Terms, actorName: string, at: Date): BidRow {
  const revision = bid.revision + 1;
  const updated = db
    .update(bids)
    .set({ ...terms, revision, updatedAt: at })
    .where(and(eq(bids.id, bid.id), eq(bids.status, "LIVE")))
    .returning()
    .get();
  db.insert(bidRevisions).values({ bidId: bid.id, revision, ...termsOf(updated), actorName, createdAt: at }).run();
  return updated;
}

export function setBidStatus(db: Executor, ids: number[], status: BidStatusValue, at: Date): void {
  if (ids.length > 0) db.update(bids).set({ status, updatedAt: at }).where(inArray(bids.id, ids)).run();
}

/** Marks every live bid of an order NOT_AWARDED (the order was awarded, cancelled or expired). */
export function closeLiveBids(db: Executor, orderId: number, at: Date): void {
  db.update(bids)
    .set({ status: "NOT_AWARDED", updatedAt: at })
    .where(and(eq(bids.orderId, orderId), eq(bids.status, "LIVE")))
    .run();
}

function termsOf(bid: BidRow): Terms {
  const { unitPriceMinor, currency, minLot, maxQuantity, centihoursPerUnit, leadTimeDays, validUntil } = bid;
  return { unitPriceMinor, currency, minLot, maxQuantity, centihoursPerUnit, leadTimeDays, validUntil };
}

export interface BidCriteria {
  companyId?: number;
  status?: BidStatusValue;
}

export function listBids(db: Executor, criteria: BidCriteria, page: PageRequest): BidRow[] {
  return db
    .select()
    .from(bids)
    .where(
      and(
        criteria.companyId === undefined ? undefined : eq(bids.companyId, criteria.companyId),
        criteria.status === undefined ? undefined : eq(bids.status, criteria.status),
        afterCursor(bids.id, page),
      ),
    )
    .orderBy(asc(bids.id))
    .limit(page.limit + 1)
    .all();
}

/**
 * A page of bids for each order, in one statement. `onlyCompanyId` restricts to one bidder's
 * own bids (what a contractor may see of an order: sealed bids).
 */
export function bidsPerOrder(db: Executor, orderIds: number[], page: PageRequest, filter: { onlyCompanyId: number | null }): BidRow[] {
  return pagePerParent(db, bids, bids.orderId, orderIds, page, filter.onlyCompanyId === null ? undefined : eq(bids.companyId, filter.onlyCompanyId));
}

/** Which of these orders a company has bid on (any status), in one statement. */
export function ordersBidOnBy(db: Executor, companyId: number, orderIds: number[]): Set<number> {
  const rows = db
    .selectDistinct({ orderId: bids.orderId })
    .from(bids)
    .where(and(eq(bids.companyId, companyId), inArray(bids.orderId, orderIds)))
    .all();
  return new Set(rows.map((r) => r.orderId));
}

export function revisionsPerBid(db: Executor, bidIds: number[], page: PageRequest) {
  return pagePerParent(db, bidRevisions, bidRevisions.bidId, bidIds, page);
}
