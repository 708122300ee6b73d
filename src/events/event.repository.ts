import { asc, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { first, param, prepared, rowsByIds } from "../db/prepared";
import type { Viewer } from "../core/viewer";
import { countPerParent, pagePerParent, type Executor } from "../db/executor";
import { EVENT_TYPES, events, type EventRow, type NewEvent } from "../db/schema";
import type { PageRequest } from "../db/page";
import { notifyOf } from "./notify";

/** Who acted, as the event log records it. */
export interface Actor {
  tokenId: number | null;
  name: string;
  companyId: number | null;
}

export const actorOf = (viewer: Viewer): Actor => ({ tokenId: viewer.tokenId, name: viewer.holderName, companyId: viewer.companyId });
export const PLATFORM_ACTOR: Actor = { tokenId: null, name: "platform", companyId: null };

/** An event as a use case states it; who and when are added by `appendEvents`. */
export type DomainEvent = Omit<NewEvent, "id" | "at" | "actorTokenId" | "actorName" | "actorCompanyId">;

const COLUMNS = ["type", "at", "actorTokenId", "actorName", "actorCompanyId", "orderId", "bidId", "contractId", "deliveryId", "questionId", "customerCompanyId", "contractorCompanyId", "fromStatus", "toStatus", "quantity", "centihours", "note"] as const;

/** One event row, prepared once (a use case appends one to a few events; building the insert each time cost more than running it). */
const insertEvent = prepared((db) =>
  db
    .insert(events)
    .values(Object.fromEntries(COLUMNS.map((column) => [column, sql.placeholder(column)])) as unknown as NewEvent)
    .returning({ id: events.id }),
);

/**
 * Appends events to the log, in the caller's transaction: they are committed with the change
 * they record, or rolled back with it; and with each, the notifications it sends (notify.ts).
 */
export async function appendEvents(db: Executor, actor: Actor, at: Date, list: DomainEvent[]): Promise<void> {
  const statement = insertEvent(db);
  for (const event of list) {
    const [{ id }] = await statement.execute({
      orderId: null,
      bidId: null,
      contractId: null,
      deliveryId: null,
      questionId: null,
      customerCompanyId: null,
      contractorCompanyId: null,
      fromStatus: null,
      toStatus: null,
      quantity: null,
      centihours: null,
      note: "",
      ...event,
      at,
      actorTokenId: actor.tokenId,
      actorName: actor.name,
      actorCompanyId: actor.companyId,
    });
    await notifyOf(db, { ...event, id }, actor, at);
  }
}

const ORDER_EVENT_TYPES = EVENT_TYPES.filter((type) => type.startsWith("ORDER_"));

export async function historyCountsPerOrder(db: Executor, orderIds: readonly number[]): Promise<Map<number, number>> {
  return await countPerParent(db, events, events.orderId, orderIds, inArray(events.type, ORDER_EVENT_TYPES));
}

export async function timelineCountsPerOrder(db: Executor, orderIds: readonly number[], filter: { contractorCompanyId: number | null }): Promise<Map<number, number>> {
  return await countPerParent(db, events, events.orderId, orderIds, timelineFilter(filter));
}

const timelineFilter = (filter: { contractorCompanyId: number | null }) =>
  filter.contractorCompanyId === null ? undefined : or(inArray(events.type, ORDER_EVENT_TYPES), eq(events.contractorCompanyId, filter.contractorCompanyId));

/** The order's state changes (its ORDER_* events), oldest first, a page per order: its history. */
export async function historyPerOrder(db: Executor, orderIds: readonly number[], page: PageRequest): Promise<EventRow[]> {
  return await pagePerParent(db, events, events.orderId, orderIds, page, inArray(events.type, ORDER_EVENT_TYPES));
}

/**
 * A page of each order's events, oldest first: every event, or with `contractorCompanyId` the
 * order's own state changes and the events concerning that contractor only (its bids, its contracts).
 */
export async function timelinePerOrder(db: Executor, orderIds: readonly number[], page: PageRequest, filter: { contractorCompanyId: number | null }): Promise<EventRow[]> {
  return await pagePerParent(db, events, events.orderId, orderIds, page, timelineFilter(filter));
}

/** Events by id (those a PostgreSQL NOTIFY named), in any order. */
export const findEventsByIds = rowsByIds(events);

const eventsAfterId = prepared((db) =>
  db
    .select()
    .from(events)
    .where(gt(events.id, param(events.id, "after")))
    .orderBy(asc(events.id))
    .limit(sql.placeholder("limit")),
);

/** Up to `limit` events with ids above `after`, oldest first: what committed since (SQLite's ids grow in commit order). */
export async function eventsAfter(db: Executor, after: number, limit: number): Promise<EventRow[]> {
  return await eventsAfterId(db).execute({ after, limit });
}

const lastEvent = prepared((db) => db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1));

/** The newest event's id; 0 when the log is empty. */
export async function lastEventId(db: Executor): Promise<number> {
  return (await first(lastEvent(db).execute()))?.id ?? 0;
}
