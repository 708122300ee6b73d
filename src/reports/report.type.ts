import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import { Company } from "../companies/company.type";
import { Engineer } from "../engineers/engineer.type";
import { ConnectionType } from "../graphql/connection";
import { Currency, Money, toMoney } from "../graphql/money";
import { annualised, perHead } from "../shared/ratio";
import type { Period } from "./period";

export const PERCENT_RULE = "Percent to one decimal, halves rounded away from zero";
export const MONEY_RULE = "rounded to the kopeck, halves away from zero";

@ObjectType({ description: "Calendar days from and to, both included (Europe/Moscow)." })
export class ReportPeriod {
  @Field(() => GraphQLLocalDate, { description: "First day." })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: "Last day." })
  to!: string;

  @Field(() => GraphQLSafeInt, { description: "Number of days." })
  days!: number;
}

export const toReportPeriod = (period: Period): ReportPeriod => Object.assign(new ReportPeriod(), period);

@ObjectType({ description: `Revenue and revenue per head; per-head figures ${MONEY_RULE}, null when there is no one to divide by.` })
export class RevenueFigures {
  @Field(() => Money, { description: "Revenue: the value of deliveries accepted." })
  revenue!: Money;

  @Field(() => Money, { nullable: true, description: "Revenue per employee (the company's declared employee count)." })
  perEmployee!: Money | null;

  @Field(() => Money, { nullable: true, description: "Revenue per active engineer (system engineers included)." })
  perEngineer!: Money | null;

  @Field(() => Money, { nullable: true, description: "Revenue per active system engineer." })
  perSystemEngineer!: Money | null;
}

/** Revenue and per-head figures; with `days`, scaled to a year of 365 days first. */
export function revenueFigures(revenueMinor: bigint | number, heads: { employees: number; engineers: number; systemEngineers: number }, days?: number): RevenueFigures {
  const revenue = days === undefined ? BigInt(revenueMinor) : annualised(revenueMinor, days);
  const money = (minor: bigint | null) => (minor === null ? null : toMoney(minor, Currency.RUB));
  return Object.assign(new RevenueFigures(), {
    revenue: toMoney(revenue, Currency.RUB),
    perEmployee: money(perHead(revenue, heads.employees)),
    perEngineer: money(perHead(revenue, heads.engineers)),
    perSystemEngineer: money(perHead(revenue, heads.systemEngineers)),
  });
}

@ObjectType({ description: "One engineer's share of the revenue: each accepted contract's revenue split by the hours each engineer is booked on it." })
export class EngineerRevenue {
  @Field(() => Engineer, { description: "The engineer." })
  engineer!: Engineer;

  @Field(() => Float, { description: "Hours booked on contracts with revenue in the period (after acceptance, the weeks up to it)." })
  hours!: number;

  @Field(() => Money, { description: "Revenue attributed: the sum over contracts of revenue x own hours / all hours, each rounded down to the kopeck." })
  revenue!: Money;

  @Field(() => Money, { description: `Attributed revenue scaled to 365 days, ${MONEY_RULE}.` })
  annualisedRevenue!: Money;
}

export const EngineerRevenueConnection = ConnectionType("EngineerRevenue", EngineerRevenue, "Engineers by attributed revenue, highest first.");

@ObjectType({ description: "Contracts won: awarded in a period and not cancelled since." })
export class ContractsWon {
  @Field(() => GraphQLSafeInt, { description: "How many." })
  count!: number;

  @Field(() => Money, { description: "Their total value." })
  value!: Money;
}

export const toContractsWon = (won: { count: number; valueMinor: number }): ContractsWon =>
  Object.assign(new ContractsWon(), { count: won.count, value: toMoney(won.valueMinor, Currency.RUB) });

@ObjectType({
  description:
    "A contract company's revenue over a period: revenue is recognised when the customer accepts a delivery. Headcounts are today's (the platform keeps no headcount history). Its members and the coordinator.",
})
export class RevenueReport {
  byEngineer!: { engineer: Engineer; centihours: number; revenueMinor: number; days: number }[];

  @Field(() => Company, { description: "The contract company." })
  company!: Company;

  @Field(() => ReportPeriod, { description: "The period reported." })
  period!: ReportPeriod;

  @Field(() => ReportPeriod, { description: "The period of the same length just before, for growth." })
  previousPeriod!: ReportPeriod;

  @Field(() => GraphQLSafeInt, { description: "Declared employees." })
  employees!: number;

  @Field(() => GraphQLSafeInt, { description: "Active engineers, system engineers included." })
  engineers!: number;

  @Field(() => GraphQLSafeInt, { description: "Active system engineers." })
  systemEngineers!: number;

  @Field(() => RevenueFigures, { description: "Revenue in the period and per head." })
  inPeriod!: RevenueFigures;

  @Field(() => RevenueFigures, { description: `The same scaled to a year: revenue x 365 / days, ${MONEY_RULE}, then per head.` })
  annualised!: RevenueFigures;

  @Field(() => Money, { description: "Revenue in the previous period." })
  previousRevenue!: Money;

  @Field(() => Float, { nullable: true, description: `Revenue growth against the previous period. ${PERCENT_RULE}; null when the previous period had none.` })
  revenueGrowthPercent!: number | null;

  @Field(() => ContractsWon, { description: "Contracts won in the period." })
  contractsWon!: ContractsWon;

  @Field(() => ContractsWon, { description: "Contracts won in the previous period." })
  previousContractsWon!: ContractsWon;

  @Field(() => Float, { nullable: true, description: `Growth of the value of contracts won. ${PERCENT_RULE}; null when the previous period had none.` })
  contractsWonGrowthPercent!: number | null;

  @Field(() => Money, {
    description: "Revenue not attributed to any engineer: the kopecks lost rounding each share down, and contracts with no booked hours.",
  })
  unattributedRevenue!: Money;
}
