import { orderEvent, type OrderRef } from "../events/domain-events";
import { and, asc, count, desc, eq, gt, gte, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { afterKeyset, countRows, sortedPage, type Executor } from "../db/executor";
import { first, only, param, prepared, rowsByIds, statementCache } from "../db/prepared";
import { capabilityOffers, companies, orders, type OrderRow, type OrderStatusValue } from "../db/schema";
import { appendEvents, PLATFORM_ACTOR, type Actor } from "../events/event.repository";
import type { Sort, SortedPageRequest, SortSpec } from "../db/page";
import { DAY_MS } from "../shared/time";
import { AWARD_WINDOW_DAYS } from "./order-state";
import { OrderSortField } from "./order.inputs";

export const findOrdersByIds = rowsByIds(orders);

const orderById = prepared((db) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.id, param(orders.id, "id"))),
);

export async function findOrderById(db: Executor, id: number): Promise<OrderRow | undefined> {
  return first(orderById(db).execute({ id }));
}

/** A production chain's stage orders, in the order they were posted (final first). */
export async function stagesOfChain(db: Executor, chainId: number): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.chainId, chainId)).orderBy(asc(orders.id));
}

/** The stage orders of several chains (at most MAX_BATCH), in one statement, in the order they were posted. */
export async function stagesOfChains(db: Executor, chainIds: readonly number[]): Promise<OrderRow[]> {
  return db.select().from(orders).where(inArray(orders.chainId, [...chainIds])).orderBy(asc(orders.id));
}

/** The orders that place again the units of any of these orders, oldest first (one statement). */
export async function findOrdersReplacingAny(db: Executor, orderIds: readonly number[]): Promise<OrderRow[]> {
  return orderIds.length === 0 ? [] : db.select().from(orders).where(inArray(orders.replacesOrderId, [...orderIds])).orderBy(asc(orders.id));
}

/** Inserts an order, with the park of the company posting it. */
export async function insertOrder(db: Executor, values: Omit<typeof orders.$inferInsert, "parkId">): Promise<OrderRow> {
  return only(db.insert(orders).values({ ...values, parkId: sql`(select ${companies.parkId} from ${companies} where ${companies.id} = ${values.companyId})` }).returning());
}

/**
 * Moves an order from `from` to `to` and records who did it in the event log. The update is
 * conditional on the current status, so of two concurrent transitions (two awards, say) only
 * one can win, even across processes. Returns false, changing nothing, when the order was not in `from`.
 */
export async function transitionOrder(db: Executor, order: OrderRef, from: OrderStatusValue, to: OrderStatusValue, actor: Actor, at: Date, note = ""): Promise<boolean> {
  const changed = await db
    .update(orders)
    .set({ status: to, updatedAt: at })
    .where(and(eq(orders.id, order.id), eq(orders.status, from)))
    .returning({ id: orders.id });
  if (changed.length === 1) await appendEvents(db, actor, at, [orderEvent(order, from, to, note)]);
  return changed.length === 1;
}

const expiredBefore = (now: Date) => new Date(now.getTime() - AWARD_WINDOW_DAYS * DAY_MS);

/** Records the expiry of every open order past its award deadline; returns them. */
export async function expireOverdueOrders(db: Executor, now: Date): Promise<OrderRef[]> {
  const overdue = await db
    .select({ id: orders.id, companyId: orders.companyId })
    .from(orders)
    .where(and(eq(orders.status, "OPEN"), lte(orders.biddingClosesAt, expiredBefore(now))));
  const expired: OrderRef[] = [];
  for (const order of overdue) {
    if (await transitionOrder(db, order, "OPEN", "EXPIRED", PLATFORM_ACTOR, now, "Not awarded by the award deadline.")) expired.push(order);
  }
  return expired;
}

/** SQL for "the order's status as of now is `status`" (an OPEN order past its deadline is EXPIRED). */
function statusIs(status: OrderStatusValue, now: Date): SQL | undefined {
  if (status === "OPEN") return and(eq(orders.status, "OPEN"), gt(orders.biddingClosesAt, expiredBefore(now)));
  if (status === "EXPIRED") return or(eq(orders.status, "EXPIRED"), and(eq(orders.status, "OPEN"), lte(orders.biddingClosesAt, expiredBefore(now))));
  return eq(orders.status, status);
}

export interface OrderCriteria {
  companyId?: number;
  /** Any of these states (as of now); none: every state. */
  statuses?: readonly OrderStatusValue[];
  /** Only orders changed at or after this instant. */
  updatedSince?: Date;
}

/** A page of orders matching the criteria, in the sort asked for (keyset on its value, then id). */
export async function listOrders(db: Executor, criteria: OrderCriteria, sort: Sort<OrderSortField>, page: SortedPageRequest, now: Date): Promise<OrderRow[]> {
  return sortedPage(db, orders, ordersMatching(criteria, now), ORDER_SORTS[sort.field], sort.descending, page);
}

const ordersMatching = (criteria: OrderCriteria, now: Date) =>
  and(
    criteria.companyId === undefined ? undefined : eq(orders.companyId, criteria.companyId),
    criteria.statuses?.length ? or(...criteria.statuses.map((status) => statusIs(status, now))) : undefined,
    criteria.updatedSince === undefined ? undefined : gte(orders.updatedAt, criteria.updatedSince),
  );

export async function countOrders(db: Executor, criteria: OrderCriteria, now: Date): Promise<number> {
  return await countRows(db, orders, ordersMatching(criteria, now));
}

/** How each sort field reads from a row, and turns back into a column value from a cursor. */
export const ORDER_SORTS: Record<OrderSortField, SortSpec<OrderRow>> = {
  [OrderSortField.NEEDED_BY]: { column: orders.neededBy, valueOf: (r) => r.neededBy, fromCursor: (v) => v, type: "string" },
  [OrderSortField.BIDDING_CLOSES_AT]: {
    column: orders.biddingClosesAt,
    valueOf: (r) => r.biddingClosesAt.getTime(),
    fromCursor: (v) => new Date(v as number),
    type: "number",
  },
  [OrderSortField.QUANTITY]: { column: orders.quantity, valueOf: (r) => r.quantity, fromCursor: (v) => v, type: "number" },
  [OrderSortField.CREATED_AT]: { column: orders.id, valueOf: (r) => r.id, fromCursor: (v) => v, type: "number" },
  [OrderSortField.UPDATED_AT]: { column: orders.updatedAt, valueOf: (r) => r.updatedAt.getTime(), fromCursor: (v) => new Date(v as number), type: "number" },
};

export interface OpenOrderCriteria {
  /** Only capabilities this contract company actively offers (its own market). */
  offeredByCompanyId?: number;
  /** Not this company's own orders (a cluster's manufacturer does not bid on its own). */
  notOwnedBy?: number;
  capabilityId?: number;
  neededFrom?: string;
  neededUntil?: string;
}

const openOrderPages = statementCache<OrderRow[]>();
const openOrderCounts = statementCache<{ n: number }[]>();

/** The conditions of an open orders list, its values as placeholders (the criteria `has` says are given). */
function openOrdersMatching(db: Executor, has: (name: keyof OpenOrderCriteria) => boolean): SQL | undefined {
  const offered = !has("offeredByCompanyId")
    ? undefined
    : inArray(
        orders.capabilityId,
        db
          .select({ id: capabilityOffers.capabilityId })
          .from(capabilityOffers)
          .where(and(eq(capabilityOffers.companyId, param(capabilityOffers.companyId, "offeredByCompanyId")), eq(capabilityOffers.active, true))),
      );
  return and(
    eq(orders.status, "OPEN"),
    gt(orders.biddingClosesAt, param(orders.biddingClosesAt, "now")),
    offered,
    has("notOwnedBy") ? ne(orders.companyId, param(orders.companyId, "notOwnedBy")) : undefined,
    has("capabilityId") ? eq(orders.capabilityId, param(orders.capabilityId, "capabilityId")) : undefined,
    has("neededFrom") ? gte(orders.neededBy, param(orders.neededBy, "neededFrom")) : undefined,
    has("neededUntil") ? lte(orders.neededBy, param(orders.neededBy, "neededUntil")) : undefined,
  );
}

/** How many orders the open orders list has under these criteria, every page together. */
export async function countOpenOrders(db: Executor, criteria: OpenOrderCriteria, now: Date): Promise<number> {
  const given = (Object.keys(criteria) as (keyof OpenOrderCriteria)[]).filter((name) => criteria[name] !== undefined).sort();
  const query = openOrderCounts(db, given.join(":"), () =>
    db
      .select({ n: count() })
      .from(orders)
      .where(openOrdersMatching(db, (name) => given.includes(name))),
  );
  return Number((await query.execute({ ...criteria, now }))[0]?.n ?? 0);
}

/**
 * Orders taking bids now, sorted and paged by keyset on (sort value, id). Prepared once per
 * shape: sort, direction, which criteria are given, first or later page.
 */
export async function listOpenOrders(
  db: Executor,
  criteria: OpenOrderCriteria,
  sort: { field: OrderSortField; descending: boolean },
  page: SortedPageRequest,
  now: Date,
): Promise<OrderRow[]> {
  const spec = ORDER_SORTS[sort.field];
  const given = (Object.keys(criteria) as (keyof OpenOrderCriteria)[]).filter((name) => criteria[name] !== undefined).sort();
  const shape = [sort.field, sort.descending ? "desc" : "asc", page.after ? "after" : "first", ...given].join(":");
  const query = openOrderPages(db, shape, () => {
    const has = (name: keyof OpenOrderCriteria) => given.includes(name);
    const direction = sort.descending ? desc : asc;
    return db
      .select()
      .from(orders)
      .where(
        and(
          openOrdersMatching(db, has),
          page.after ? afterKeyset(spec.column, orders.id, { value: param(spec.column, "afterValue"), id: param(orders.id, "afterId") }, sort.descending) : undefined,
        ),
      )
      .orderBy(direction(spec.column), direction(orders.id))
      .limit(sql.placeholder("limit"));
  });
  return query.execute({
    ...criteria,
    now,
    afterValue: page.after && spec.fromCursor(page.after.value),
    afterId: page.after?.id,
    limit: page.limit + 1,
  });
}

