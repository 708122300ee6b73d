import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { apiTokens } from "./api-tokens";
import { parks } from "./parks";
import { TARGET_MEASURES } from "../values";

/** A park's or cluster's target for a yearly figure (the Voronezh cluster's 50 billion roubles of product orders by 2025), set by the coordinator: one per park and measure. */
export const parkTargets = pgTable(
  "park_targets",
  {
    id: id(),
    parkId: int64("park_id")
      .notNull()
      .references(() => parks.id),
    measure: text("measure", { enum: TARGET_MEASURES }).notNull(),
    amountMinor: int64("amount_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    targetYear: int64("target_year").notNull(),
    note: text("note").notNull().default(""),
    setByTokenId: int64("set_by_token_id").references(() => apiTokens.id),
    setAt: instant("set_at").notNull(),
  },
  (t) => [uniqueIndex("park_targets_park_measure_idx").on(t.parkId, t.measure), check("park_targets_amount_check", sql`${t.amountMinor} > 0`)],
);

export type ParkTargetRow = typeof parkTargets.$inferSelect;
