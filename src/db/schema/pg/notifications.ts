import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { bids } from "./bids";
import { companies } from "./companies";
import { contracts } from "./contracts";
import { deliveries } from "./deliveries";
import { events } from "./events";
import { orders } from "./orders";
import { questions } from "./questions";
import { NOTIFICATION_KINDS } from "../values";

/**
 * A company's inbox: what happened that concerns it, done by someone else (written with the
 * event, in its transaction), and the platform's reminders. Read per company, newest first.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    /** The company told. */
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    at: instant("at").notNull(),
    /** The event it tells of; null for a reminder. */
    eventId: int64("event_id").references(() => events.id),
    orderId: int64("order_id").references(() => orders.id),
    bidId: int64("bid_id").references(() => bids.id),
    contractId: int64("contract_id").references(() => contracts.id),
    deliveryId: int64("delivery_id").references(() => deliveries.id),
    questionId: int64("question_id").references(() => questions.id),
    /** Who acted ("platform" for reminders and expiry). */
    actorName: text("actor_name").notNull(),
    readAt: instant("read_at"),
    /** A reminder's key ("BIDDING_CLOSES_SOON:order:12"), so that each is sent once; null for events. */
    onceKey: text("once_key"),
  },
  (t) => [
    index("notifications_company_idx").on(t.companyId, t.id),
    index("notifications_unread_idx").on(t.companyId, t.id).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_once_unique").on(t.companyId, t.onceKey),
    check("notifications_kind_check", sql`${t.kind} in (${sql.raw(NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(", "))})`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
