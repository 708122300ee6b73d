import { sql } from "drizzle-orm";
import { check, index, pgTable, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { capabilities } from "./capabilities";
import { chains } from "./chains";
import { companies } from "./companies";
import { parks } from "./parks";
import { ORDER_STATUSES } from "../values";

/**
 * A product company's order for its product. Dates without time (`needed_by`) are ISO
 * `YYYY-MM-DD` text in the platform time zone; instants are timestamptz.
 */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    /**
     * The park of the company that posted it (companies do not move): park-wide reports read a
     * park's orders by it, without a join per order. Set by the order insert and, for older
     * orders, by the migration that added it; nullable only because SQLite cannot add a NOT NULL
     * column with a foreign key to a table that has rows.
     */
    parkId: int64("park_id").references(() => parks.id),
    capabilityId: int64("capability_id")
      .notNull()
      .references(() => capabilities.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    quantity: int64("quantity").notNull(),
    neededBy: text("needed_by").notNull(),
    maxUnitPriceMinor: int64("max_unit_price_minor"),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    biddingClosesAt: instant("bidding_closes_at").notNull(),
    maxSharePercent: int64("max_share_percent").notNull(),
    minContractors: int64("min_contractors").notNull(),
    /** What each day earlier is worth to the owner, minor units: the BALANCED plan weighs cost against it. */
    valuePerDayMinor: int64("value_per_day_minor").notNull().default(0),
    /** The lowest contractor scorecard score (0-100) the owner accepts; null for any. */
    minScore: int64("min_score"),
    /** The production chain this order is a stage of; null for a single order. */
    chainId: int64("chain_id").references(() => chains.id),
    /** The stage of the same chain this one hands its parts on to; null for a chain's final stage and single orders. */
    feedsOrderId: int64("feeds_order_id").references((): AnyPgColumn => orders.id),
    /** Parts of this stage one unit of the stage it feeds takes (2 seals a valve). */
    partsPerUnit: int64("parts_per_unit").notNull().default(1),
    /** Percent of this stage's units expected good: its quantity is what it hands on, scrap included. */
    yieldPercent: int64("yield_percent").notNull().default(100),
    /** Days to move this stage's parts to the stage it feeds. */
    moveDays: int64("move_days").notNull().default(0),
    /** The order whose units, left by cancelled contracts, this one places again; null for an order posted afresh. */
    replacesOrderId: int64("replaces_order_id").references((): AnyPgColumn => orders.id),
    /**
     * Bids placed on it (withdrawn ones too) and those of them from instant quotes, counted by the
     * bid insert in its transaction: the cluster's transaction costs sum them over a period's
     * orders instead of counting every bid of the period on each request.
     */
    bidCount: int64("bid_count").notNull().default(0),
    quotedBidCount: int64("quoted_bid_count").notNull().default(0),
    /** When its first contract was made, set by the contract insert; null until then. */
    firstContractAt: instant("first_contract_at"),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("orders_status_capability_idx").on(t.status, t.capabilityId, t.biddingClosesAt),
    // openOrders walks these in sort order and stops after a page, instead of sorting every open order.
    index("orders_status_needed_by_idx").on(t.status, t.neededBy, t.id),
    index("orders_replaces_idx").on(t.replacesOrderId),
    // (Its last columns let the heat-map and forecast group the open orders from the index alone.)
    index("orders_status_closes_idx").on(t.status, t.biddingClosesAt, t.id, t.capabilityId, t.neededBy, t.quantity, t.parkId),
    index("orders_status_quantity_idx").on(t.status, t.quantity, t.id),
    // openOrders by creation (id): seeks the open ones instead of walking every order from the oldest.
    index("orders_status_id_idx").on(t.status, t.id),
    index("orders_company_idx").on(t.companyId, t.id),
    // A park's orders of a period read from the index alone: the demand forecast's units posted per
    // capability and week, the transaction costs' figures.
    index("orders_park_created_figures_idx").on(t.parkId, t.createdAt, t.capabilityId, t.quantity, t.status, t.firstContractAt, t.bidCount, t.quotedBidCount),
    // myOrders filtered by status: seeks the company's orders of a state in id order (and counts them from the index).
    index("orders_company_status_idx").on(t.companyId, t.status, t.id),
    // Participation: whether a company posted an order in a period, one seek per company.
    index("orders_company_created_idx").on(t.companyId, t.createdAt),
    // openOrders of one capability by needed-by (the default sort): walks one capability's open orders in order.
    index("orders_status_capability_needed_idx").on(t.status, t.capabilityId, t.neededBy, t.id),
    index("orders_chain_idx").on(t.chainId, t.id),
    check("orders_quantity_check", sql`${t.quantity} >= 1`),
    check("orders_share_check", sql`${t.maxSharePercent} between 1 and 100`),
    check("orders_min_contractors_check", sql`${t.minContractors} >= 1`),
    check("orders_value_per_day_check", sql`${t.valuePerDayMinor} >= 0`),
    check("orders_min_score_check", sql`${t.minScore} is null or ${t.minScore} between 0 and 100`),
    check("orders_max_price_check", sql`${t.maxUnitPriceMinor} is null or ${t.maxUnitPriceMinor} > 0`),
    check("orders_stage_check", sql`${t.partsPerUnit} >= 1 and ${t.yieldPercent} between 1 and 100 and ${t.moveDays} >= 0`),
    check("orders_status_check", sql`${t.status} in ('OPEN', 'AWARDED', 'IN_PRODUCTION', 'COMPLETED', 'CANCELLED', 'EXPIRED')`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
