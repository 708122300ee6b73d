import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Currency, Money, toMoney } from "../graphql/money";
import type { Comparison } from "../reports/benchmarks";

export enum BenchmarkMeasure {
  REVENUE_PER_EMPLOYEE = "REVENUE_PER_EMPLOYEE",
  REVENUE_PER_SYSTEM_ENGINEER = "REVENUE_PER_SYSTEM_ENGINEER",
  GROWTH = "GROWTH",
  WEEKS_BOOKED_AHEAD = "WEEKS_BOOKED_AHEAD",
  PARTICIPATION = "PARTICIPATION",
  PRODUCTION_COOPERATION = "PRODUCTION_COOPERATION",
  TRANSACTION_TIME_SAVING = "TRANSACTION_TIME_SAVING",
}

registerEnumType(BenchmarkMeasure, {
  name: "BenchmarkMeasure",
  description: "A figure the platform reports beside a reference from the field (README, Benchmarks beside the figures).",
  valuesConfig: {
    REVENUE_PER_EMPLOYEE: { description: "Revenue per declared employee, annualised, against 30 million roubles a year." },
    REVENUE_PER_SYSTEM_ENGINEER: { description: "Revenue per active system engineer, annualised, against 175 million roubles a year." },
    GROWTH: { description: "Revenue growth against the period of the same length before, compounded to a year, against 25 % a year." },
    WEEKS_BOOKED_AHEAD: { description: "Weeks in a row from this one booked at or above the threshold, against 26 (six months)." },
    PARTICIPATION: { description: "The share of the park's trading companies active on the platform in the period, against the 55-65 % where network effects start." },
    PRODUCTION_COOPERATION: { description: "The level of production cooperation (OrderVolume.productionCooperationPercent), against the Voronezh cluster's 54 %." },
    TRANSACTION_TIME_SAVING: { description: "How much shorter the mean time from posting an order to its award got on the period before, against the 23-40 % standard APIs save in transaction costs." },
  },
});

export enum BenchmarkUnit {
  ROUBLES_A_YEAR = "ROUBLES_A_YEAR",
  PERCENT_A_YEAR = "PERCENT_A_YEAR",
  PERCENT = "PERCENT",
  WEEKS = "WEEKS",
}

registerEnumType(BenchmarkUnit, {
  name: "BenchmarkUnit",
  description: "What a benchmark's figures count.",
  valuesConfig: {
    ROUBLES_A_YEAR: { description: "Money a year: the figures are in amount, referenceAmount and gapAmount (exact), value, reference and gap are null." },
    PERCENT_A_YEAR: { description: "Percent a year, in value, reference and gap." },
    PERCENT: { description: "Percent, in value, reference and gap." },
    WEEKS: { description: "Weeks, in value, reference and gap." },
  },
});

@ObjectType({ description: "A figure beside its reference from the field: what a dashboard draws as a bar against a mark." })
export class BenchmarkComparison {
  @Field(() => BenchmarkMeasure, { description: "What is compared." })
  measure!: BenchmarkMeasure;

  @Field(() => BenchmarkUnit, { description: "The unit, and so which fields carry the figures." })
  unit!: BenchmarkUnit;

  @Field(() => Float, { nullable: true, description: "The figure, for measures not in money; null for money or when there is nothing to measure." })
  value!: number | null;

  @Field(() => Money, { nullable: true, description: "The figure, for money measures; null otherwise or when there is nothing to measure (nobody to divide by)." })
  amount!: Money | null;

  @Field(() => Float, { nullable: true, description: "The reference, for measures not in money (the bottom of a range)." })
  reference!: number | null;

  @Field(() => Float, { nullable: true, description: "The top of the reference's range (participation's 65 %); null when it is one figure." })
  referenceUpTo!: number | null;

  @Field(() => Money, { nullable: true, description: "The reference, for money measures." })
  referenceAmount!: Money | null;

  @Field(() => Float, { nullable: true, description: "value - reference (percentage points, weeks), to one decimal; null with the value." })
  gap!: number | null;

  @Field(() => Money, { nullable: true, description: "amount - referenceAmount, exact; negative when short of it." })
  gapAmount!: Money | null;

  @Field(() => Float, { nullable: true, description: "100 x the figure / the reference, to one decimal, halves away from zero: a bar's length." })
  percentOfReference!: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the figure reaches the reference (the bottom of a range); null with the figure." })
  meets!: boolean | null;

  @Field(() => String, { description: "Where the reference comes from." })
  source!: string;
}

export function toBenchmark(c: Comparison): BenchmarkComparison {
  const money = c.reference.unit === "ROUBLES_A_YEAR";
  const rub = (x: bigint | number | null) => (x === null ? null : toMoney(x, Currency.RUB));
  return Object.assign(new BenchmarkComparison(), {
    measure: c.measure as BenchmarkMeasure,
    unit: c.reference.unit as BenchmarkUnit,
    value: money || c.value === null ? null : Number(c.value),
    amount: money ? rub(c.value) : null,
    reference: money ? null : c.reference.value,
    referenceUpTo: c.reference.upTo,
    referenceAmount: money ? rub(c.reference.value) : null,
    gap: money || c.gap === null ? null : Number(c.gap),
    gapAmount: money ? rub(c.gap) : null,
    percentOfReference: c.percentOfReference,
    meets: c.meets,
    source: c.reference.source,
  });
}
