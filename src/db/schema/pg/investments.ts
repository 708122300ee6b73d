import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { apiTokens } from "./api-tokens";
import { companies } from "./companies";

/** Money an investor put into a company of a park, as recorded by the coordinator. */
export const investments = pgTable(
  "investments",
  {
    id: id(),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    investorName: text("investor_name").notNull(),
    amountMinor: int64("amount_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    investedOn: text("invested_on").notNull(),
    note: text("note").notNull().default(""),
    recordedByTokenId: int64("recorded_by_token_id").references(() => apiTokens.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("investments_company_idx").on(t.companyId, t.id),
    index("investments_invested_on_idx").on(t.investedOn),
    check("investments_amount_check", sql`${t.amountMinor} > 0`),
  ],
);

export type InvestmentRow = typeof investments.$inferSelect;

/** The coordinator's weight a(i,k) of each scorecard sub-factor, in points; they add up to 100. */
export const scoreWeights = pgTable(
  "score_weights",
  {
    // A score_factors code (the default weights; a park may have its own: park_score_weights).
    factor: text("factor").primaryKey(),
    weight: int64("weight").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [check("score_weights_weight_check", sql`${t.weight} between 0 and 100`)],
);

export type ScoreWeightRow = typeof scoreWeights.$inferSelect;
