import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { apiTokens } from "./api-tokens";
import { parks } from "./parks";
import { TARGET_MEASURES } from "../values";

/** A park's or cluster's target for a yearly figure (the Voronezh cluster's 50 billion roubles of product orders by 2025), set by the coordinator: one per park and measure. */
export const parkTargets = sqliteTable(
  "park_targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parkId: integer("park_id")
      .notNull()
      .references(() => parks.id),
    measure: text("measure", { enum: TARGET_MEASURES }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    targetYear: integer("target_year").notNull(),
    note: text("note").notNull().default(""),
    setByTokenId: integer("set_by_token_id").references(() => apiTokens.id),
    setAt: integer("set_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("park_targets_park_measure_idx").on(t.parkId, t.measure), check("park_targets_amount_check", sql`${t.amountMinor} > 0`)],
);
