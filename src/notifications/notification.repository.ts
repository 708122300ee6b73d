import { and, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { countRows, runSql, type Executor } from "../db/executor";
import type { PageRequest } from "../db/page";
import { param, prepared, rowsByIds, statementCache } from "../db/prepared";
import { bids, contracts, notifications, orders, type NotificationRow } from "../db/schema";

export const findNotificationsByIds = rowsByIds(notifications);

const pages = statementCache<NotificationRow[]>();

/** A page of a company's notifications, newest first (`afterId`: older than it), all or unread only. */
export async function notificationsOf(db: Executor, companyId: number, page: PageRequest, filter: NotificationFilter): Promise<NotificationRow[]> {
  const shape = `${filter.unreadOnly ? "unread" : "all"}:${filter.since ? "since" : "ever"}:${page.afterId === null ? "first" : "after"}`;
  const query = pages(db, shape, () => {
    const conditions: (SQL | undefined)[] = [eq(notifications.companyId, param(notifications.companyId, "companyId"))];
    if (filter.unreadOnly) conditions.push(isNull(notifications.readAt));
    if (filter.since) conditions.push(gte(notifications.at, param(notifications.at, "since")));
    if (page.afterId !== null) conditions.push(lt(notifications.id, param(notifications.id, "afterId")));
    return db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.id))
      .limit(sql.placeholder("limit"));
  });
  return await query.execute({ companyId, since: filter.since, afterId: page.afterId, limit: page.limit + 1 });
}

/** Which of a company's notifications: unread only, and those since an instant. */
export interface NotificationFilter {
  unreadOnly: boolean;
  since?: Date;
}

/** How many notifications a company has, all or unread only. */
export async function countNotifications(db: Executor, companyId: number, filter: NotificationFilter): Promise<number> {
  if (filter.unreadOnly && !filter.since) return await unreadCountOf(db, companyId);
  return await countRows(
    db,
    notifications,
    and(eq(notifications.companyId, companyId), filter.unreadOnly ? isNull(notifications.readAt) : undefined, filter.since ? gte(notifications.at, filter.since) : undefined),
  );
}

const unread = prepared((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.companyId, param(notifications.companyId, "companyId")), isNull(notifications.readAt))),
);

/** How many of a company's notifications are unread (the partial index of unread rows answers it). */
export async function unreadCountOf(db: Executor, companyId: number): Promise<number> {
  return Number((await unread(db).execute({ companyId }))[0]?.n ?? 0);
}

/** Marks a company's notifications read: these (ids of others' are left alone), or every one. */
export async function markRead(db: Executor, companyId: number, ids: readonly number[] | "all", at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.companyId, companyId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, [...ids])))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Sends the reminders due at `now`, each once (a reminder's once_key is unique per company):
 * - to an order's owner, when its bidding closes within 24 hours and no bid is live;
 * - to a bidder, when its live bid's validity ends within 24 hours;
 * - to a contract's contractor and customer, when its promised date (`today` or before) passed with units undelivered.
 * Whole statements, one per kind and side: the sweep costs what the rows due cost.
 */
export async function insertDueReminders(db: Executor, now: Date, today: string): Promise<void> {
  const at = sql.param(now, notifications.at);
  const dayAhead = sql.param(new Date(now.getTime() + 86_400_000), notifications.at);
  await runSql(
    db,
    sql`insert into notifications (company_id, kind, at, order_id, actor_name, once_key)
      select ${orders.companyId}, 'BIDDING_CLOSES_SOON', ${at}, ${orders.id}, 'platform', 'BIDDING_CLOSES_SOON:order:' || ${orders.id}
      from ${orders}
      where ${orders.status} = 'OPEN' and ${orders.biddingClosesAt} > ${at} and ${orders.biddingClosesAt} <= ${dayAhead}
        and not exists (select 1 from ${bids} where ${bids.orderId} = ${orders.id} and ${bids.status} = 'LIVE')
      on conflict do nothing`,
  );
  await runSql(
    db,
    sql`insert into notifications (company_id, kind, at, order_id, bid_id, actor_name, once_key)
      select ${bids.companyId}, 'BID_EXPIRES_SOON', ${at}, ${bids.orderId}, ${bids.id}, 'platform', 'BID_EXPIRES_SOON:bid:' || ${bids.id}
      from ${bids}
      where ${bids.status} = 'LIVE' and ${bids.validUntil} > ${at} and ${bids.validUntil} <= ${dayAhead}
      on conflict do nothing`,
  );
  for (const side of [contracts.companyId, contracts.customerCompanyId]) {
    await runSql(
      db,
      sql`insert into notifications (company_id, kind, at, order_id, contract_id, actor_name, once_key)
        select ${side}, 'DELIVERY_OVERDUE', ${at}, ${contracts.orderId}, ${contracts.id}, 'platform', 'DELIVERY_OVERDUE:contract:' || ${contracts.id}
        from ${contracts}
        where ${contracts.status} in ('AWARDED', 'IN_PRODUCTION') and ${contracts.promisedDate} < ${today}
        on conflict do nothing`,
    );
  }
}
