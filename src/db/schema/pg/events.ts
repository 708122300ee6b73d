import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { apiTokens } from "./api-tokens";
import { bids } from "./bids";
import { companies } from "./companies";
import { contracts } from "./contracts";
import { deliveries } from "./deliveries";
import { orders } from "./orders";
import { questions } from "./questions";
import { EVENT_TYPES } from "../values";

/**
 * The domain event log: one row per state change, written in the transaction that makes the
 * change, with who acted, when, and the ids it concerns. An order's history and timeline read
 * it; live subscriptions and notifications will. Rows are only ever added.
 */
export const events = pgTable(
  "events",
  {
    id: id(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    at: instant("at").notNull(),
    /** The token that acted; null when the platform itself acted (expiry). */
    actorTokenId: int64("actor_token_id").references(() => apiTokens.id),
    actorName: text("actor_name").notNull(),
    actorCompanyId: int64("actor_company_id").references(() => companies.id),
    orderId: int64("order_id").references(() => orders.id),
    bidId: int64("bid_id").references(() => bids.id),
    contractId: int64("contract_id").references(() => contracts.id),
    deliveryId: int64("delivery_id").references(() => deliveries.id),
    questionId: int64("question_id").references(() => questions.id),
    /** The order's owner and the contractor concerned (the bidder, the contract's company): who may hear of it. */
    customerCompanyId: int64("customer_company_id").references(() => companies.id),
    contractorCompanyId: int64("contractor_company_id").references(() => companies.id),
    /** The subject's status before and after, for status changes (an order's, a bid's, a contract's, a delivery's). */
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** The units it concerns, where it concerns some (a contract's, a delivery's). */
    quantity: int64("quantity"),
    /** The engineer-hours it concerns, in hundredths (work booked or moved). */
    centihours: int64("centihours"),
    note: text("note").notNull().default(""),
  },
  // Every index is paid for on every write (each event row is written inside a use case's own
  // transaction): an order's timeline reads by order; the expiry sweep asks whether a bid's
  // expiry is recorded, and only those rows are indexed for it. Feeds per company (live events,
  // notifications) add their index with the query that reads it.
  (t) => [
    index("events_order_idx").on(t.orderId, t.id),
    index("events_bid_expired_idx").on(t.bidId).where(sql`${t.type} = 'BID_EXPIRED'`),
    check("events_type_check", sql`${t.type} in (${sql.raw(EVENT_TYPES.map((type) => `'${type}'`).join(", "))})`),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
