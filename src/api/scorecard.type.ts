import { ScoreFactor } from "../reports/scorecard.inputs";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { type ScoreFactorValue } from "../db/schema";
import { UserError } from "../graphql/errors";
import type { CompanyScore, ScoreComponentValue } from "../reports/scorecard";

export enum ScoreComponent {
  VIABILITY = "VIABILITY",
  DEVELOPMENT = "DEVELOPMENT",
  COMPETITIVENESS = "COMPETITIVENESS",
}

registerEnumType(ScoreComponent, {
  name: "ScoreComponent",
  description: "The three components of the capability score C = C1 + C2 + C3.",
  valuesConfig: {
    VIABILITY: { description: "C1: delivers on time, at quality, and is booked." },
    DEVELOPMENT: { description: "C2: earns per engineer and grows." },
    COMPETITIVENESS: { description: "C3: wins bids at competitive prices." },
  },
});

@ObjectType({ description: "One sub-factor's part of a score: its level x(i,k), its weight a(i,k), and the points they make." })
export class ScoreFactorPart {
  @Field(() => ScoreFactor, { description: "The sub-factor." })
  factor!: ScoreFactorValue;

  @Field(() => GraphQLSafeInt, { description: "Its weight in points, set by the coordinator." })
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

  @Field(() => [ScoreFactorPart], { description: "Its sub-factors (two or three)." })
  factors!: ScoreFactorPart[];
}

@ObjectType({
  description:
    "A contract company's capability score C = C1 + C2 + C3 from 0 to 100, with every part shown. Seen by the company, product companies, the coordinator and investors; not by other contract companies.",
})
export class Scorecard {
  @Field(() => Float, { description: "The score from 0 to 100, to one decimal (halves away from zero); orders' minimum scores compare with this." })
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
  @Field(() => ScoreFactor, { description: "The sub-factor." })
  factor!: ScoreFactorValue;

  @Field(() => ScoreComponent, { description: "The component it belongs to." })
  component!: ScoreComponentValue;

  @Field(() => GraphQLSafeInt, { description: "Its weight in points; all weights add up to 100." })
  weight!: number;
}

@ObjectType({ description: "Result of setScoreWeights." })
export class SetScoreWeightsPayload {
  @Field(() => [ScoreWeight], { nullable: true, description: "The weights now in force; null when refused." })
  weights!: ScoreWeight[] | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}
