import { GraphQLSafeInt } from "graphql-scalars";
import { Field, InputType, registerEnumType } from "type-graphql";
import { SCORE_FACTORS, type ScoreFactorValue } from "../db/schema";

export enum ScoreFactor {
  ON_TIME_DELIVERY = "ON_TIME_DELIVERY",
  ACCEPTED_QUALITY = "ACCEPTED_QUALITY",
  LOAD = "LOAD",
  REVENUE_PER_EMPLOYEE = "REVENUE_PER_EMPLOYEE",
  GROWTH = "GROWTH",
  WIN_RATE = "WIN_RATE",
  PRICE_LEVEL = "PRICE_LEVEL",
}

registerEnumType(ScoreFactor, {
  name: "ScoreFactor",
  description: "A sub-factor of the contractor scorecard, measured from the platform's data over the last 365 days.",
  valuesConfig: {
    ON_TIME_DELIVERY: { description: "Viability: share of units delivered by the contract's promised date." },
    ACCEPTED_QUALITY: { description: "Viability: share of decided units the customers accepted (not rejected for quality)." },
    LOAD: { description: "Viability: share of engineer-hours booked over the next 26 weeks (100 % scores 1)." },
    REVENUE_PER_EMPLOYEE: { description: "Development: revenue per declared employee against 30 000 000 RUB a year, the reference contract company's figure (until issue 18, revenue per engineer against the same figure: REVENUE_PER_ENGINEER)." },
    GROWTH: { description: "Development: revenue growth on the year before against the reference 25 % (no growth or less scores 0)." },
    WIN_RATE: { description: "Competitiveness: share of its decided bids that were awarded." },
    PRICE_LEVEL: { description: "Competitiveness: its offers' prices against the park's median for the same capability (at or below the median scores 1, twice the median 0.5)." },
  },
});

@InputType({ description: "A weight for one sub-factor." })
export class ScoreWeightInput {
  @Field(() => ScoreFactor, { description: "The sub-factor." })
  factor!: ScoreFactorValue;

  @Field(() => GraphQLSafeInt, { description: "Points from 0 to 100." })
  weight!: number;
}

@InputType({ description: `New scorecard weights: every one of the ${SCORE_FACTORS.length} sub-factors once, adding up to 100.` })
export class SetScoreWeightsInput {
  @Field(() => [ScoreWeightInput], { description: "One weight per sub-factor." })
  weights!: ScoreWeightInput[];
}
