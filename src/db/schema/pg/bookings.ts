import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, int64 } from "./columns";
import { contracts } from "./contracts";
import { engineers } from "./engineers";

/**
 * Work of a contract booked on one engineer in one ISO week (identified by its Monday,
 * YYYY-MM-DD), in hundredths of an engineer-hour.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    contractId: int64("contract_id")
      .notNull()
      .references(() => contracts.id),
    engineerId: int64("engineer_id")
      .notNull()
      .references(() => engineers.id),
    week: text("week").notNull(),
    centihours: int64("centihours").notNull(),
  },
  (t) => [
    uniqueIndex("bookings_contract_engineer_week_unique").on(t.contractId, t.engineerId, t.week),
    index("bookings_engineer_week_idx").on(t.engineerId, t.week),
    index("bookings_week_idx").on(t.week),
    check("bookings_hours_check", sql`${t.centihours} > 0`),
  ],
);

export type BookingRow = typeof bookings.$inferSelect;
