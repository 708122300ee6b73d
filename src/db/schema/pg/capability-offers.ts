import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { capabilities } from "./capabilities";
import { companies } from "./companies";

/**
 * What a contract company makes, at what price and pace. One offer per company and
 * capability; money in integer minor units, engineer-hours in hundredths of an hour.
 */
export const capabilityOffers = pgTable(
  "capability_offers",
  {
    id: id(),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    capabilityId: int64("capability_id")
      .notNull()
      .references(() => capabilities.id),
    unitPriceMinor: int64("unit_price_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    centihoursPerUnit: int64("centihours_per_unit").notNull(),
    minLeadDays: int64("min_lead_days").notNull(),
    minLot: int64("min_lot").notNull(),
    maxLot: int64("max_lot").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
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

export type CapabilityOfferRow = typeof capabilityOffers.$inferSelect;
