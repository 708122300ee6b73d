import { bidEvent, type OrderRef } from "../events/domain-events";
import { and, count, eq, gte, inArray, lt, min, or, sql, type Placeholder } from "drizzle-orm";
import { countPerParent, countRows, pagesPerParent, sortedPage, sortedPagePerParent, type Executor } from "../db/executor";
import { first, idList, inIdList, only, param, prepared, rowsByIds } from "../db/prepared";
import { bidRevisions, bids, orders, type BidRow, type BidSourceValue, type BidStatusValue } from "../db/schema";
import { appendEvents, type Actor } from "../events/event.repository";
import type { PageRequest, Sort, SortedPageRequest, SortSpec } from "../db/page";
import { BidSortField } from "./bid.inputs";

export const findBidsByIds = rowsByIds(bids);

const liveBid = prepared((db) =>
  db
    .select()
    .from(bids)
    // 'LIVE' as a literal, not a bound value: only then does SQLite plan with the partial unique
    // index (order, company) where status = 'LIVE' once, instead of re-planning at every run.
    .where(and(eq(bids.orderId, param(bids.orderId, "orderId")), eq(bids.companyId, param(bids.companyId, "companyId")), sql`${bids.status} = 'LIVE'`)),
);

export async function findLiveBid(db: Executor, orderId: number, companyId: number): Promise<BidRow | undefined> {
  return first(liveBid(db).execute({ orderId, companyId }));
}

export async function findLiveBidsOfOrder(db: Executor, orderId: number): Promise<BidRow[]> {
  return db
    .select()
    .from(bids)
    .where(and(eq(bids.orderId, orderId), eq(bids.status, "LIVE")));
}

type Terms = Pick<BidRow, "unitPriceMinor" | "currency" | "minLot" | "maxQuantity" | "centihoursPerUnit" | "leadTimeDays" | "validUntil">;

const TERMS = ["unitPriceMinor", "currency", "minLot", "maxQuantity", "centihoursPerUnit", "leadTimeDays", "validUntil"] as const;
const termPlaceholders = Object.fromEntries(TERMS.map((name) => [name, sql.placeholder(name)])) as Record<(typeof TERMS)[number], Placeholder>;

const newBid = prepared((db) =>
  db
    .insert(bids)
    .values({
      ...termPlaceholders,
      orderId: sql.placeholder("orderId"),
      companyId: sql.placeholder("companyId"),
      source: sql.placeholder("source"),
      status: "LIVE",
      revision: 1,
      createdAt: sql.placeholder("at"),
      updatedAt: sql.placeholder("at"),
    })
    .returning(),
);

const newRevision = prepared((db) =>
  db
    .insert(bidRevisions)
    .values({ ...termPlaceholders, bidId: sql.placeholder("bidId"), revision: sql.placeholder("revision"), actorName: sql.placeholder("actorName"), createdAt: sql.placeholder("at") }),
);

/** Counts a new bid on its order (orders.bid_count and quoted_bid_count), in the bid's transaction. */
const countBidOnOrder = prepared((db) =>
  db
    .update(orders)
    .set({ bidCount: sql`${orders.bidCount} + 1`, quotedBidCount: sql`${orders.quotedBidCount} + ${sql.placeholder("quoted")}` })
    .where(eq(orders.id, sql.placeholder("orderId"))),
);

/** Inserts a bid on `order` and its first revision (made by `revisionBy`, default the actor), and logs BID_PLACED. */
export async function insertBid(db: Executor, order: OrderRef, values: Terms & { companyId: number; source: BidSourceValue }, actor: Actor, at: Date, revisionBy = actor.name): Promise<BidRow> {
  const bid = await only(newBid(db).execute({ ...values, orderId: order.id, at }));
  await newRevision(db).execute({ bidId: bid.id, revision: 1, ...termsOf(bid), actorName: revisionBy, at });
  await countBidOnOrder(db).execute({ orderId: order.id, quoted: values.source === "SUBMITTED" ? 0 : 1 });
  await appendEvents(db, actor, at, [bidEvent("BID_PLACED", order, bid, null, "LIVE", revisionBy === actor.name ? "" : revisionBy)]);
  return bid;
}

/** Sets new terms on a live bid, records them as its next revision, and logs BID_REVISED. */
export async function reviseBid(db: Executor, order: OrderRef, bid: BidRow, terms: Terms, actor: Actor, at: Date): Promise<BidRow> {
  const revision = bid.revision + 1;
  const updated = await only(db
    .update(bids)
    .set({ ...terms, revision, updatedAt: at })
    .where(and(eq(bids.id, bid.id), eq(bids.status, "LIVE")))
    .returning());
  await db.insert(bidRevisions).values({ bidId: bid.id, revision, ...termsOf(updated), actorName: actor.name, createdAt: at });
  await appendEvents(db, actor, at, [bidEvent("BID_REVISED", order, updated, "LIVE", "LIVE", `Revision ${revision}.`)]);
  return updated;
}

/** Ends live bids of `order` as withdrawn by their bidder or awarded by its owner, and logs each. */
export async function setBidStatus(db: Executor, order: OrderRef, ended: Pick<BidRow, "id" | "companyId">[], status: "WITHDRAWN" | "AWARDED", actor: Actor, at: Date): Promise<void> {
  if (ended.length === 0) return;
  await db.update(bids).set({ status, updatedAt: at }).where(inArray(bids.id, ended.map((bid) => bid.id)));
  await appendEvents(db, actor, at, ended.map((bid) => bidEvent(status === "WITHDRAWN" ? "BID_WITHDRAWN" : "BID_AWARDED", order, bid, "LIVE", status)));
}

function termsOf(bid: BidRow): Terms {
  const { unitPriceMinor, currency, minLot, maxQuantity, centihoursPerUnit, leadTimeDays, validUntil } = bid;
  return { unitPriceMinor, currency, minLot, maxQuantity, centihoursPerUnit, leadTimeDays, validUntil };
}

export interface BidCriteria {
  companyId?: number;
  orderId?: number;
  /** Any of these, as the API shows them: LIVE is live and still valid at `now`, EXPIRED live and past it. */
  statuses?: readonly (BidStatusValue | "EXPIRED")[];
  updatedSince?: Date;
  now: Date;
}

/** How each sort field of a bid list reads from a row (BidOrder). */
export const BID_SORTS: Record<BidSortField, SortSpec<BidRow>> = {
  [BidSortField.CREATED_AT]: { column: bids.id, valueOf: (r) => r.id, fromCursor: (v) => v, type: "number" },
  [BidSortField.UPDATED_AT]: { column: bids.updatedAt, valueOf: (r) => r.updatedAt.getTime(), fromCursor: (v) => new Date(v as number), type: "number" },
  [BidSortField.UNIT_PRICE]: { column: bids.unitPriceMinor, valueOf: (r) => r.unitPriceMinor, fromCursor: (v) => v, type: "number" },
};

function statusCondition(status: BidStatusValue | "EXPIRED", now: Date) {
  if (status === "LIVE") return and(eq(bids.status, "LIVE"), gte(bids.validUntil, now));
  if (status === "EXPIRED") return and(eq(bids.status, "LIVE"), lt(bids.validUntil, now));
  return eq(bids.status, status);
}

export async function listBids(db: Executor, criteria: BidCriteria, sort: Sort<BidSortField>, page: SortedPageRequest): Promise<BidRow[]> {
  return sortedPage(db, bids, bidsMatching(criteria), BID_SORTS[sort.field], sort.descending, page);
}

const bidsMatching = (criteria: BidCriteria) =>
  and(
    criteria.companyId === undefined ? undefined : eq(bids.companyId, criteria.companyId),
    criteria.orderId === undefined ? undefined : eq(bids.orderId, criteria.orderId),
    criteria.statuses?.length ? or(...criteria.statuses.map((status) => statusCondition(status, criteria.now))) : undefined,
    criteria.updatedSince === undefined ? undefined : gte(bids.updatedAt, criteria.updatedSince),
  );

export async function countBids(db: Executor, criteria: BidCriteria): Promise<number> {
  return await countRows(db, bids, bidsMatching(criteria));
}

const bidPages = pagesPerParent(bids, bids.orderId, { companyId: bids.companyId });

/**
 * A page of bids for each order, in one statement. `onlyCompanyId` restricts to one bidder's
 * own bids (what a contractor may see of an order: sealed bids).
 */
export async function bidsPerOrder(db: Executor, orderIds: number[], page: PageRequest, filter: { onlyCompanyId: number | null }): Promise<BidRow[]> {
  return await bidPages(db, orderIds, page, { companyId: filter.onlyCompanyId });
}

/** Each order's live bids (valid at `now`): how many, and the lowest unit price; orders with none are absent. */
export async function liveBidStatsPerOrder(db: Executor, orderIds: readonly number[], now: Date): Promise<Map<number, { count: number; lowestMinor: number }>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ orderId: bids.orderId, count: count(), lowest: min(bids.unitPriceMinor) })
    .from(bids)
    .where(and(inArray(bids.orderId, [...orderIds]), eq(bids.status, "LIVE"), gte(bids.validUntil, now)))
    .groupBy(bids.orderId);
  return new Map(rows.map((row) => [row.orderId, { count: Number(row.count), lowestMinor: Number(row.lowest) }]));
}

/** An order's bids asked for with list options (a filter or a sort): one bidder's own with `onlyCompanyId`. */
export interface OrderBidsQuery {
  onlyCompanyId: number | null;
  criteria: Omit<BidCriteria, "companyId" | "orderId">;
  sort: Sort<BidSortField>;
  after: SortedPageRequest["after"];
}

const orderBidsMatching = (query: OrderBidsQuery) => and(query.onlyCompanyId === null ? undefined : eq(bids.companyId, query.onlyCompanyId), bidsMatching(query.criteria));

export async function sortedBidsPerOrder(db: Executor, orderIds: number[], limit: number, query: OrderBidsQuery): Promise<BidRow[]> {
  return await sortedPagePerParent(db, bids, bids.orderId, orderIds, orderBidsMatching(query), BID_SORTS[query.sort.field], query.sort.descending, { limit, after: query.after });
}

export async function sortedBidCountsPerOrder(db: Executor, orderIds: number[], query: OrderBidsQuery): Promise<Map<number, number>> {
  return await countPerParent(db, bids, bids.orderId, orderIds, orderBidsMatching(query));
}

/** How many bids each order has (one bidder's own with `onlyCompanyId`). */
export async function bidCountsPerOrder(db: Executor, orderIds: number[], filter: { onlyCompanyId: number | null }): Promise<Map<number, number>> {
  return await bidPages.count(db, orderIds, { companyId: filter.onlyCompanyId });
}

/** Which of these orders a company has bid on (any status), in one statement. */
const bidOnBy = prepared((db) =>
  db
    .selectDistinct({ orderId: bids.orderId })
    .from(bids)
    .where(and(eq(bids.companyId, param(bids.companyId, "companyId")), inIdList(bids.orderId, "orderIds"))),
);

export async function ordersBidOnBy(db: Executor, companyId: number, orderIds: number[]): Promise<Set<number>> {
  if (orderIds.length === 0) return new Set();
  return new Set((await bidOnBy(db).execute({ companyId, orderIds: idList(orderIds) })).map((r) => r.orderId));
}

const biddersOn = prepared((db) =>
  db
    .selectDistinct({ companyId: bids.companyId })
    .from(bids)
    .where(eq(bids.orderId, param(bids.orderId, "orderId"))),
);

/** The companies that ever bid on an order (they may still see it once it is closed). */
export async function biddersOf(db: Executor, orderId: number): Promise<Set<number>> {
  return new Set((await biddersOn(db).execute({ orderId })).map((r) => r.companyId));
}

export const revisionsPerBid = pagesPerParent(bidRevisions, bidRevisions.bidId);
