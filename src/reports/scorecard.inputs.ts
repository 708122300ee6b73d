import { GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ID, InputType, registerEnumType } from "type-graphql";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";

export enum ScoreSubject {
  CONTRACTOR = "CONTRACTOR",
  CUSTOMER = "CUSTOMER",
}

registerEnumType(ScoreSubject, {
  name: "ScoreSubject",
  description: "Whose capability score: each has its own sub-factors and weights.",
  valuesConfig: {
    CONTRACTOR: { description: "Producers: contract companies and research institutes." },
    CUSTOMER: { description: "Those who order: product companies and outside customers." },
  },
});

export enum ScoreComponent {
  VIABILITY = "VIABILITY",
  DEVELOPMENT = "DEVELOPMENT",
  COMPETITIVENESS = "COMPETITIVENESS",
}

registerEnumType(ScoreComponent, {
  name: "ScoreComponent",
  description: "A component C(k) of the capability score C = C1 + C2 + C3.",
  valuesConfig: {
    VIABILITY: { description: "C1: viability." },
    DEVELOPMENT: { description: "C2: development." },
    COMPETITIVENESS: { description: "C3: competitiveness." },
  },
});

@InputType({ description: "A weight for one sub-factor." })
export class ScoreWeightInput {
  @Field(() => String, { description: "The sub-factor's code (scoreFactors lists them)." })
  factor!: string;

  @Field(() => GraphQLSafeInt, { description: "Points from 0 to 100." })
  weight!: number;
}

@InputType({ description: "New scorecard weights for one subject: every one of its sub-factors once, adding up to 100; the defaults, or one park's own." })
export class SetScoreWeightsInput {
  @Field(() => ID, { nullable: true, description: "The park whose own weights these are; null for the defaults every park without its own uses." })
  parkId?: string | null;

  @Field(() => ScoreSubject, { nullable: true, description: "Whose score (default CONTRACTOR)." })
  subject?: ScoreSubject | null;

  @Field(() => [ScoreWeightInput], { description: "One weight per sub-factor of the subject." })
  weights!: ScoreWeightInput[];
}

@InputType({ description: "A sub-factor the coordinator adds to a component, entered per company (certifications, patents, staff qualification, equipment age)." })
export class AddScoreFactorInput {
  @Field(() => String, { description: "Its code: 3 to 40 of A-Z, 0-9 and _, starting with a letter, e.g. CERTIFICATIONS." })
  code!: string;

  @Field(() => String, { description: "Its name, at most 120 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What it measures and how it is entered, at most 4000 characters." })
  description?: string | null;

  @Field(() => ScoreComponent, { description: "The component it adds to." })
  component!: ScoreComponent;

  @Field(() => ScoreSubject, { description: "Whose score it belongs to." })
  subject!: ScoreSubject;

  @Field(() => Float, { description: "The value that scores 1, above 0, to two decimals (5 certifications; 10 years of equipment age with lowerIsBetter)." })
  reference!: number;

  @Field(() => Boolean, { nullable: true, description: "Whether a lower value is better (equipment age): then the reference or less scores 1, and twice it 0.5. Default false." })
  lowerIsBetter?: boolean | null;
}

@InputType({ description: "A value of an entered sub-factor for one company; the latest entered is in force." })
export class RecordScoreFactorValueInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The company." })
  companyId!: string;

  @Field(() => String, { description: "The entered sub-factor's code." })
  factor!: string;

  @Field(() => Float, { description: "The value, 0 or more, to two decimals." })
  value!: number;

  @Field(() => String, { nullable: true, description: "Where the value comes from (a certificate's number, an audit), at most 4000 characters." })
  note?: string | null;
}
