import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contracts } from "./contracts";
import { engineers } from "./engineers";

/**
 * Work of a contract booked on one engineer in one ISO week (identified by its Monday,
 * YYYY-MM-DD), in hundredths of an engineer-hour.
 */
export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contractId: integer("contract_id")
      .notNull()
      .references(() => contracts.id),
    engineerId: integer("engineer_id")
      .notNull()
      .references(() => engineers.id),
    week: text("week").notNull(),
    centihours: integer("centihours").notNull(),
  },
  (t) => [
    uniqueIndex("bookings_contract_engineer_week_unique").on(t.contractId, t.engineerId, t.week),
    index("bookings_engineer_week_idx").on(t.engineerId, t.week),
    index("bookings_week_idx").on(t.week),
    check("bookings_hours_check", sql`${t.centihours} > 0`),
  ],
);
