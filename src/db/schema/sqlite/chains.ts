import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { companies } from "./companies";

/**
 * A production chain: one product made through several stages by different contractors
 * (casting, machining, treatment, assembly). Each stage is an order (`orders.chain_id`), bid on
 * like one; the chain holds what the stages share: the product, its quantity and its date.
 */
export const chains = sqliteTable(
  "chains",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Good units of the product the final stage hands over. */
    quantity: integer("quantity").notNull(),
    neededBy: text("needed_by").notNull(),
    valuePerDayMinor: integer("value_per_day_minor").notNull().default(0),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("chains_company_idx").on(t.companyId, t.id),
    check("chains_quantity_check", sql`${t.quantity} >= 1`),
    check("chains_value_per_day_check", sql`${t.valuePerDayMinor} >= 0`),
  ],
);

export type ChainRow = typeof chains.$inferSelect;
