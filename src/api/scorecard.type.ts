import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import type { CompanyFactorValueRow, ScoreFactorRow } from "../db/schema";
import { UserError } from "../graphql/errors";
import type { CompanyScore, ScoreComponentValue } from "../reports/scorecard";
import { ScoreComponent, ScoreSubject } from "../reports/scorecard.inputs";

export enum ScoreFactorSource {
  MEASURED = "MEASURED",
  ENTERED = "ENTERED",
}

registerEnumType(ScoreFactorSource, {
  name: "ScoreFactorSource",
  description: "Where a sub-factor's level comes from.",
  valuesConfig: {
    MEASURED: { description: "Measured from the platform's own data over the last 365 days (the built-in sub-factors)." },
    ENTERED: { description: "Entered per company by the coordinator (recordScoreFactorValue), against the sub-factor's reference." },
  },
});

@ObjectType({ description: "A sub-factor x(i,k) of the capability score." })
export class ScoreFactorDefinition {
  @Field(() => String, { description: "Its code, as weights and scorecards name it." })
  code!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => String, { description: "What it measures." })
  description!: string;

  @Field(() => ScoreSubject, { description: "Whose score it belongs to." })
  subject!: ScoreSubject;

  @Field(() => ScoreComponent, { description: "The component it adds to." })
  component!: ScoreComponent;

  @Field(() => ScoreFactorSource, { description: "Measured from the platform, or entered." })
  source!: ScoreFactorSource;

  @Field(() => Float, { nullable: true, description: "For an entered sub-factor: the value that scores 1; null for measured ones." })
  reference!: number | null;

  @Field(() => Boolean, { description: "Whether a lower value is better (then the reference or less scores 1)." })
  lowerIsBetter!: boolean;
}

export const toScoreFactor = (row: ScoreFactorRow): ScoreFactorDefinition =>
  Object.assign(new ScoreFactorDefinition(), {
    code: row.code,
    name: row.name,
    description: row.description,
    subject: row.subject as ScoreSubject,
    component: row.component as ScoreComponent,
    source: row.source as ScoreFactorSource,
    reference: row.referenceCenti === null ? null : row.referenceCenti / 100,
    lowerIsBetter: row.lowerIsBetter,
  });

@ObjectType({ description: "One sub-factor's part of a score: its level x(i,k), its weight a(i,k), and the points they make." })
export class ScoreFactorPart {
  @Field(() => String, { description: "The sub-factor's code." })
  factor!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => ScoreFactorSource, { description: "Measured from the platform, or entered." })
  source!: ScoreFactorSource;

  @Field(() => String, { nullable: true, description: "For an entered sub-factor: who entered the value in force; null for measured ones and when none was entered." })
  enteredBy!: string | null;

  @Field(() => Date, { nullable: true, description: "And when." })
  enteredAt!: Date | null;

  @Field(() => GraphQLSafeInt, { description: "Its weight in points, set by the coordinator (the park's own weights, or the defaults)." })
  weight!: number;

  @Field(() => Float, { description: "Its level from 0 to 1, to three decimals." })
  level!: number;

  @Field(() => Boolean, { description: "False when there was no data to measure it: the level is then the neutral 0.5." })
  measured!: boolean;

  @Field(() => Float, { description: "weight x level, to one decimal." })
  points!: number;

  @Field(() => String, {
    description: "What was measured, in words: with the company's own figures (units, money, hours, bids) for its members and the coordinator; for everyone else what the level measures, without them.",
  })
  measure!: string;
}

@ObjectType({ description: "One component of the score, the sum of its sub-factors' points." })
export class ScoreComponentPart {
  @Field(() => ScoreComponent, { description: "The component." })
  component!: ScoreComponentValue;

  @Field(() => Float, { description: "Its points, to one decimal." })
  score!: number;

  @Field(() => [ScoreFactorPart], { description: "Its sub-factors: the measured ones, then those the coordinator added." })
  factors!: ScoreFactorPart[];
}

@ObjectType({
  description:
    "A company's capability score C = C1 + C2 + C3 from 0 to 100, with every part shown: a contractor's (seen by itself, the companies that order, the coordinator and investors; not by other contractors) or a customer's (seen by itself, the producers, the coordinator and investors; not by other customers).",
})
export class Scorecard {
  @Field(() => ScoreSubject, { description: "Whose score: a contractor's or a customer's, each with its own sub-factors and weights." })
  subject!: ScoreSubject;

  @Field(() => Float, { description: "The score from 0 to 100, to one decimal (halves away from zero); orders' minimum scores compare with a contractor's." })
  score!: number;

  @Field(() => GraphQLLocalDate, { description: "The day it was computed for (today)." })
  asOf!: string;

  @Field(() => GraphQLLocalDate, { description: "The first day of the 365 days measured." })
  windowFrom!: string;

  @Field(() => [ScoreComponentPart], { description: "C1, C2 and C3, in that order." })
  components!: ScoreComponentPart[];
}

/**
 * A scorecard as a viewer may read it: with the company's own figures in each measure for its
 * members and the coordinator ("Company.internalReports"), with the levels only for everyone else.
 */
export const toScorecard = (score: CompanyScore, withFigures: boolean): Scorecard =>
  Object.assign(new Scorecard(), {
    ...score,
    components: score.components.map((c) => ({ ...c, factors: c.factors.map(({ publicMeasure, ...f }) => ({ ...f, measure: withFigures ? f.measure : publicMeasure })) })),
  });

@ObjectType({ description: "The weight of one scorecard sub-factor." })
export class ScoreWeight {
  @Field(() => String, { description: "The sub-factor's code." })
  factor!: string;

  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => ScoreComponent, { description: "The component it belongs to." })
  component!: ScoreComponentValue;

  @Field(() => GraphQLSafeInt, { description: "Its weight in points; a subject's weights add up to 100." })
  weight!: number;

  @Field(() => Boolean, { description: "Whether it is the park's own weight (false: the default, which a park without its own uses)." })
  parkOwn!: boolean;
}

@ObjectType({ description: "Result of setScoreWeights." })
export class SetScoreWeightsPayload {
  @Field(() => [ScoreWeight], { nullable: true, description: "The weights now in force; null when refused." })
  weights!: ScoreWeight[] | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of addScoreFactor." })
export class ScoreFactorPayload {
  @Field(() => ScoreFactorDefinition, { nullable: true, description: "The sub-factor added (weight 0 until the coordinator gives it one); null when refused." })
  factor!: ScoreFactorDefinition | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "A value of an entered sub-factor for a company." })
export class ScoreFactorValue {
  @Field(() => String, { description: "The sub-factor's code." })
  factor!: string;

  @Field(() => Float, { description: "The value." })
  value!: number;

  @Field(() => String, { description: "Where it comes from." })
  note!: string;

  @Field(() => String, { description: "Who entered it." })
  enteredBy!: string;

  @Field(() => Date, { description: "When." })
  enteredAt!: Date;
}

export const toScoreFactorValue = (row: CompanyFactorValueRow): ScoreFactorValue =>
  Object.assign(new ScoreFactorValue(), { factor: row.factor, value: row.valueCenti / 100, note: row.note, enteredBy: row.enteredByName, enteredAt: row.enteredAt });

@ObjectType({ description: "Result of recordScoreFactorValue." })
export class ScoreFactorValuePayload {
  @Field(() => ScoreFactorValue, { nullable: true, description: "The value recorded, now in force; null when refused." })
  value!: ScoreFactorValue | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}
