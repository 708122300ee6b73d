import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { companies } from "./companies";
import { orders } from "./orders";
import { BID_SOURCES, BID_STATUSES } from "../values";

/** A contract company's bid on an order; the current terms. Each change is kept in bid_revisions. */
export const bids = pgTable(
  "bids",
  {
    id: id(),
    orderId: int64("order_id")
      .notNull()
      .references(() => orders.id),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    status: text("status", { enum: BID_STATUSES }).notNull(),
    unitPriceMinor: int64("unit_price_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    minLot: int64("min_lot").notNull(),
    maxQuantity: int64("max_quantity").notNull(),
    centihoursPerUnit: int64("centihours_per_unit").notNull(),
    leadTimeDays: int64("lead_time_days").notNull(),
    validUntil: instant("valid_until").notNull(),
    /** Where the terms came from (BID_SOURCES): the transaction-cost indicators count bids from instant quotes. */
    source: text("source", { enum: BID_SOURCES }).notNull().default("SUBMITTED"),
    revision: int64("revision").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    // One live bid per contractor per order, enforced by the database too.
    uniqueIndex("bids_one_live_per_company").on(t.orderId, t.companyId).where(sql`${t.status} = 'LIVE'`),
    index("bids_order_idx").on(t.orderId, t.id),
    index("bids_company_idx").on(t.companyId, t.id),
    // myBids(status: ...): a busy contractor's live bids without walking its thousands of lost ones.
    index("bids_company_status_idx").on(t.companyId, t.status, t.id),
    // Participation: whether a company bid in a period, one seek per company.
    index("bids_company_created_idx").on(t.companyId, t.createdAt),
    check("bids_status_check", sql`${t.status} in ('LIVE', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED')`),
    check("bids_price_check", sql`${t.unitPriceMinor} > 0`),
    check("bids_quantity_check", sql`${t.minLot} >= 1 and ${t.maxQuantity} >= ${t.minLot}`),
    check("bids_hours_check", sql`${t.centihoursPerUnit} > 0`),
    check("bids_lead_check", sql`${t.leadTimeDays} >= 1`),
  ],
);

export type BidRow = typeof bids.$inferSelect;

/** The terms of a bid at each revision; revision 1 is the bid as submitted. */
export const bidRevisions = pgTable(
  "bid_revisions",
  {
    id: id(),
    bidId: int64("bid_id")
      .notNull()
      .references(() => bids.id),
    revision: int64("revision").notNull(),
    unitPriceMinor: int64("unit_price_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    minLot: int64("min_lot").notNull(),
    maxQuantity: int64("max_quantity").notNull(),
    centihoursPerUnit: int64("centihours_per_unit").notNull(),
    leadTimeDays: int64("lead_time_days").notNull(),
    validUntil: instant("valid_until").notNull(),
    actorName: text("actor_name").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("bid_revisions_bid_revision_unique").on(t.bidId, t.revision)],
);

export type BidRevisionRow = typeof bidRevisions.$inferSelect;
