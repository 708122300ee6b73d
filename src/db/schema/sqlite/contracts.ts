import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bids } from "./bids";
import { companies } from "./companies";
import { orders } from "./orders";
import { CONTRACT_STATUSES } from "../values";

/** Work awarded to one contractor on one order, at its bid's terms. */
export const contracts = sqliteTable(
  "contracts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    bidId: integer("bid_id")
      .notNull()
      .references(() => bids.id),
    /** The contractor. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    /** The order's owner, copied so that either side's contracts are one indexed read. */
    customerCompanyId: integer("customer_company_id")
      .notNull()
      .references(() => companies.id),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    valueMinor: integer("value_minor").notNull(),
    centihoursPerUnit: integer("centihours_per_unit").notNull(),
    /**
     * The first day its work may be booked: the award's date, or for a chain stage the day its
     * inputs arrive (moved later when an input stage is late).
     */
    startDate: text("start_date").notNull(),
    promisedDate: text("promised_date").notNull(),
    /** Units delivered and awaiting the customer's decision. */
    pendingQuantity: integer("pending_quantity").notNull().default(0),
    /** Units the customer accepted: the contract's recognised revenue is this times the unit price. */
    acceptedQuantity: integer("accepted_quantity").notNull().default(0),
    cancelReason: text("cancel_reason"),
    status: text("status", { enum: CONTRACT_STATUSES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("contracts_bid_unique").on(t.bidId),
    index("contracts_order_idx").on(t.orderId, t.id),
    index("contracts_company_idx").on(t.companyId, t.id),
    index("contracts_customer_idx").on(t.customerCompanyId, t.id),
    // myContracts filtered by status, from either side.
    index("contracts_company_status_idx").on(t.companyId, t.status, t.id),
    index("contracts_customer_status_idx").on(t.customerCompanyId, t.status, t.id),
    // Reports: contracts won by a contractor in a period, and order volume of a period.
    index("contracts_company_created_idx").on(t.companyId, t.createdAt),
    index("contracts_created_idx").on(t.createdAt),
    check("contracts_quantity_check", sql`${t.quantity} >= 1`),
    check("contracts_dates_check", sql`${t.startDate} <= ${t.promisedDate}`),
    check("contracts_value_check", sql`${t.valueMinor} = ${t.quantity} * ${t.unitPriceMinor}`),
    check("contracts_status_check", sql`${t.status} in ('AWARDED', 'IN_PRODUCTION', 'DELIVERED', 'ACCEPTED', 'CANCELLED')`),
    check(
      "contracts_delivered_check",
      sql`${t.pendingQuantity} >= 0 and ${t.acceptedQuantity} >= 0 and ${t.pendingQuantity} + ${t.acceptedQuantity} <= ${t.quantity}`,
    ),
  ],
);
