import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { capabilities } from "./capabilities";
import { companies } from "./companies";

/**
 * What a contract company makes, at what price and pace. One offer per company and
 * capability; money in integer minor units, engineer-hours in hundredths of an hour.
 */
export const capabilityOffers = sqliteTable(
  "capability_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    capabilityId: integer("capability_id")
      .notNull()
      .references(() => capabilities.id),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    centihoursPerUnit: integer("centihours_per_unit").notNull(),
    minLeadDays: integer("min_lead_days").notNull(),
    minLot: integer("min_lot").notNull(),
    maxLot: integer("max_lot").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("capability_offers_company_capability_unique").on(t.companyId, t.capabilityId),
    index("capability_offers_capability_idx").on(t.capabilityId, t.active),
    check("capability_offers_price_check", sql`${t.unitPriceMinor} > 0`),
    check("capability_offers_hours_check", sql`${t.centihoursPerUnit} > 0`),
    check("capability_offers_lead_check", sql`${t.minLeadDays} >= 1`),
    check("capability_offers_lot_check", sql`${t.minLot} >= 1 and ${t.maxLot} >= ${t.minLot}`),
  ],
);
