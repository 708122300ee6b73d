import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { chains } from "./chains";
import { orders } from "./orders";

/**
 * Parts of a chain sourced outside the platform (bought in from outside the cluster): declared
 * with their value, which counts in the cluster's cooperation as made elsewhere, and the days
 * they take to arrive, which the stage they feed waits for. Set when the chain is awarded:
 * `awarded_on`, from which they arrive `lead_days` + `move_days` later.
 */
export const chainOutsideStages = sqliteTable(
  "chain_outside_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    chainId: integer("chain_id")
      .notNull()
      .references(() => chains.id),
    feedsOrderId: integer("feeds_order_id")
      .notNull()
      .references(() => orders.id),
    title: text("title").notNull(),
    valueMinor: integer("value_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    leadDays: integer("lead_days").notNull(),
    moveDays: integer("move_days").notNull().default(0),
    awardedOn: text("awarded_on"),
  },
  (t) => [
    index("chain_outside_stages_chain_idx").on(t.chainId, t.id),
    check("chain_outside_stages_value_check", sql`${t.valueMinor} >= 0`),
    check("chain_outside_stages_days_check", sql`${t.leadDays} >= 1 and ${t.moveDays} >= 0`),
  ],
);

export type ChainOutsideStageRow = typeof chainOutsideStages.$inferSelect;
