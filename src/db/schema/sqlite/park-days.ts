import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { parks } from "./parks";

/**
 * A park's figures of one day, kept as the data changes (in the write's transaction) so that the
 * cluster's analytics over a year sum 365 rows instead of the year's contracts and deliveries:
 * the contracts awarded that day on orders of its companies (not cancelled since), their value,
 * the parts made by contractors of the same park, the same for its members' own products
 * (outside customers left out); and the revenue its contractors' accepted deliveries earned,
 * by the day they were accepted. Minor units.
 */
export const parkDays = sqliteTable(
  "park_days",
  {
    parkId: integer("park_id")
      .notNull()
      .references(() => parks.id),
    day: text("day").notNull(),
    contracts: integer("contracts").notNull().default(0),
    contractValueMinor: integer("contract_value_minor").notNull().default(0),
    inParkValueMinor: integer("in_park_value_minor").notNull().default(0),
    membersValueMinor: integer("members_value_minor").notNull().default(0),
    membersInParkValueMinor: integer("members_in_park_value_minor").notNull().default(0),
    revenueMinor: integer("revenue_minor").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.day] })],
);
