import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { int64 } from "./columns";
import { parks } from "./parks";

/**
 * A park's figures of one day, kept as the data changes (in the write's transaction) so that the
 * cluster's analytics over a year sum 365 rows instead of the year's contracts and deliveries:
 * the contracts awarded that day on orders of its companies (not cancelled since), their value,
 * the parts made by contractors of the same park, the same for its members' own products
 * (outside customers left out); and the revenue its contractors' accepted deliveries earned,
 * by the day they were accepted. Minor units.
 */
export const parkDays = pgTable(
  "park_days",
  {
    parkId: int64("park_id")
      .notNull()
      .references(() => parks.id),
    day: text("day").notNull(),
    contracts: int64("contracts").notNull().default(0),
    contractValueMinor: int64("contract_value_minor").notNull().default(0),
    inParkValueMinor: int64("in_park_value_minor").notNull().default(0),
    membersValueMinor: int64("members_value_minor").notNull().default(0),
    membersInParkValueMinor: int64("members_in_park_value_minor").notNull().default(0),
    revenueMinor: int64("revenue_minor").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.day] })],
);
