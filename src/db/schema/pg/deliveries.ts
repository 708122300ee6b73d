import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { companies } from "./companies";
import { contracts } from "./contracts";
import { DELIVERY_STATUSES } from "../values";

/**
 * Units of a contract handed over by the contractor, then accepted or rejected by the customer.
 * Revenue is recognised at acceptance: `value_minor` on `decided_on`. Dates are platform-zone
 * calendar dates (YYYY-MM-DD), so that reports group by day with plain string comparisons.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    contractId: int64("contract_id")
      .notNull()
      .references(() => contracts.id),
    /** The contractor, copied from the contract so that its reports are one indexed read. */
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    customerCompanyId: int64("customer_company_id")
      .notNull()
      .references(() => companies.id),
    quantity: int64("quantity").notNull(),
    /** quantity x the contract's unit price. */
    valueMinor: int64("value_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    deliveredOn: text("delivered_on").notNull(),
    /** Delivered after the contract's promised date. */
    late: boolean("late").notNull(),
    note: text("note").notNull().default(""),
    decidedOn: text("decided_on"),
    rejectReason: text("reject_reason"),
    createdAt: instant("created_at").notNull(),
    decidedAt: instant("decided_at"),
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

export type DeliveryRow = typeof deliveries.$inferSelect;
