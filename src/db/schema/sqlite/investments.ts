import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { apiTokens } from "./api-tokens";
import { companies } from "./companies";

/** Money an investor put into a company of a park, as recorded by the coordinator. */
export const investments = sqliteTable(
  "investments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    investorName: text("investor_name").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency", { enum: ["RUB"] }).notNull(),
    investedOn: text("invested_on").notNull(),
    note: text("note").notNull().default(""),
    recordedByTokenId: integer("recorded_by_token_id").references(() => apiTokens.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("investments_company_idx").on(t.companyId, t.id),
    index("investments_invested_on_idx").on(t.investedOn),
    check("investments_amount_check", sql`${t.amountMinor} > 0`),
  ],
);

/** The coordinator's weight a(i,k) of each scorecard sub-factor, in points; they add up to 100. */
export const scoreWeights = sqliteTable(
  "score_weights",
  {
    // A score_factors code (the default weights; a park may have its own: park_score_weights).
    factor: text("factor").primaryKey(),
    weight: integer("weight").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [check("score_weights_weight_check", sql`${t.weight} between 0 and 100`)],
);
