import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { companies } from "./companies";
import { contracts } from "./contracts";
import { DELIVERY_STATUSES } from "../values";

/**
 * Units of a contract handed over by the contractor, then accepted or rejected by the customer.
 * Revenue is recognised at acceptance: `value_minor` on `decided_on`. Dates are platform-zone
 * calendar dates (YYYY-MM-DD), so that reports group by day with plain string comparisons.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contractId: integer("contract_id")
      .notNull()
      .references(() => contracts.id),
    /** The contractor, copied from the contract so that its reports are one indexed read. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    customerCompanyId: integer("customer_company_id")
      .notNull()
      .references(() => companies.id),
    quantity: integer("quantity").notNull(),
    /** quantity x the contract's unit price. */
    valueMinor: integer("value_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    deliveredOn: text("delivered_on").notNull(),
    /** Delivered after the contract's promised date. */
    late: integer("late", { mode: "boolean" }).notNull(),
    note: text("note").notNull().default(""),
    decidedOn: text("decided_on"),
    rejectReason: text("reject_reason"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("deliveries_contract_idx").on(t.contractId, t.id),
    // Revenue of a contractor in a period: accepted deliveries by decision date.
    index("deliveries_company_status_decided_idx").on(t.companyId, t.status, t.decidedOn),
    index("deliveries_status_decided_idx").on(t.status, t.decidedOn),
    // A customer's decisions (its scorecard's PROMPT_DECISIONS).
    index("deliveries_customer_decided_idx").on(t.customerCompanyId, t.decidedOn),
    index("deliveries_company_delivered_idx").on(t.companyId, t.deliveredOn),
    check("deliveries_quantity_check", sql`${t.quantity} >= 1`),
    check("deliveries_status_check", sql`${t.status} in ('PENDING', 'ACCEPTED', 'REJECTED')`),
    check("deliveries_decided_check", sql`(${t.status} = 'PENDING') = (${t.decidedOn} is null)`),
    check("deliveries_reason_check", sql`(${t.status} = 'REJECTED') = (${t.rejectReason} is not null)`),
  ],
);
