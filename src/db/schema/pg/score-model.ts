import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { apiTokens } from "./api-tokens";
import { companies } from "./companies";
import { parks } from "./parks";
import { SCORE_COMPONENT_VALUES, SCORE_FACTOR_SOURCES, SCORE_SUBJECTS } from "../values";

/**
 * A sub-factor x(i,k) of the capability score: measured from the platform's data (the built-in
 * ones, by code) or entered per company by the coordinator, for contractors or for customers.
 */
export const scoreFactors = pgTable(
  "score_factors",
  {
    code: text("code").primaryKey(),
    subject: text("subject", { enum: SCORE_SUBJECTS }).notNull(),
    component: text("component", { enum: SCORE_COMPONENT_VALUES }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source", { enum: SCORE_FACTOR_SOURCES }).notNull(),
    /** For an entered sub-factor: the value, in hundredths, that scores 1 (or, lower being better, the value at or under which it does). */
    referenceCenti: int64("reference_centi"),
    /** Where it stands among its component's sub-factors: the measured ones first, then those added, in order. */
    position: int64("position").notNull(),
    lowerIsBetter: boolean("lower_is_better").notNull().default(false),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [check("score_factors_reference_check", sql`${t.referenceCenti} is null or ${t.referenceCenti} > 0`)],
);

export type ScoreFactorRow = typeof scoreFactors.$inferSelect;

/** A park's own weights a(i,k), replacing the default ones (score_weights) for its companies. */
export const parkScoreWeights = pgTable(
  "park_score_weights",
  {
    parkId: int64("park_id")
      .notNull()
      .references(() => parks.id),
    factor: text("factor")
      .notNull()
      .references(() => scoreFactors.code),
    weight: int64("weight").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.factor] }), check("park_score_weights_weight_check", sql`${t.weight} between 0 and 100`)],
);

/** A value of an entered sub-factor for one company, with who entered it and when; the latest is in force. */
export const companyFactorValues = pgTable(
  "company_factor_values",
  {
    id: id(),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    factor: text("factor")
      .notNull()
      .references(() => scoreFactors.code),
    valueCenti: int64("value_centi").notNull(),
    note: text("note").notNull().default(""),
    enteredByTokenId: int64("entered_by_token_id").references(() => apiTokens.id),
    enteredByName: text("entered_by_name").notNull(),
    enteredAt: instant("entered_at").notNull(),
  },
  (t) => [index("company_factor_values_company_idx").on(t.companyId, t.factor, t.id), check("company_factor_values_value_check", sql`${t.valueCenti} >= 0`)],
);

export type CompanyFactorValueRow = typeof companyFactorValues.$inferSelect;
