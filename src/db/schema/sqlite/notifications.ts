import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The company told. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    /** The event it tells of; null for a reminder. */
    eventId: integer("event_id").references(() => events.id),
    orderId: integer("order_id").references(() => orders.id),
    bidId: integer("bid_id").references(() => bids.id),
    contractId: integer("contract_id").references(() => contracts.id),
    deliveryId: integer("delivery_id").references(() => deliveries.id),
    questionId: integer("question_id").references(() => questions.id),
    /** Who acted ("platform" for reminders and expiry). */
    actorName: text("actor_name").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
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
