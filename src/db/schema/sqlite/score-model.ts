import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { apiTokens } from "./api-tokens";
import { companies } from "./companies";
import { parks } from "./parks";
import { SCORE_COMPONENT_VALUES, SCORE_FACTOR_SOURCES, SCORE_SUBJECTS } from "../values";

/**
 * A sub-factor x(i,k) of the capability score: measured from the platform's data (the built-in
 * ones, by code) or entered per company by the coordinator, for contractors or for customers.
 */
export const scoreFactors = sqliteTable(
  "score_factors",
  {
    code: text("code").primaryKey(),
    subject: text("subject", { enum: SCORE_SUBJECTS }).notNull(),
    component: text("component", { enum: SCORE_COMPONENT_VALUES }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source", { enum: SCORE_FACTOR_SOURCES }).notNull(),
    /** For an entered sub-factor: the value, in hundredths, that scores 1 (or, lower being better, the value at or under which it does). */
    referenceCenti: integer("reference_centi"),
    /** Where it stands among its component's sub-factors: the measured ones first, then those added, in order. */
    position: integer("position").notNull(),
    lowerIsBetter: integer("lower_is_better", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [check("score_factors_reference_check", sql`${t.referenceCenti} is null or ${t.referenceCenti} > 0`)],
);

/** A park's own weights a(i,k), replacing the default ones (score_weights) for its companies. */
export const parkScoreWeights = sqliteTable(
  "park_score_weights",
  {
    parkId: integer("park_id")
      .notNull()
      .references(() => parks.id),
    factor: text("factor")
      .notNull()
      .references(() => scoreFactors.code),
    weight: integer("weight").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.factor] }), check("park_score_weights_weight_check", sql`${t.weight} between 0 and 100`)],
);

/** A value of an entered sub-factor for one company, with who entered it and when; the latest is in force. */
export const companyFactorValues = sqliteTable(
  "company_factor_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    factor: text("factor")
      .notNull()
      .references(() => scoreFactors.code),
    valueCenti: integer("value_centi").notNull(),
    note: text("note").notNull().default(""),
    enteredByTokenId: integer("entered_by_token_id").references(() => apiTokens.id),
    enteredByName: text("entered_by_name").notNull(),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("company_factor_values_company_idx").on(t.companyId, t.factor, t.id), check("company_factor_values_value_check", sql`${t.valueCenti} >= 0`)],
);
