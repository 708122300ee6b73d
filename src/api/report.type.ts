import { BenchmarkComparison } from "./benchmark.type";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import { Company } from "./company.type";
import { CompanyKind } from "../companies/company-kind";
import { Park } from "./park.type";
import { Engineer } from "./engineer.type";
import { ConnectionType } from "../graphql/connection";
import { Currency, Money, toMoney } from "../graphql/money";
import { annualised, perHead } from "../shared/ratio";
import type { Period } from "../reports/period";
import type { TargetProgress as TargetProgressFigures } from "../reports/targets";
import { TargetMeasure } from "../reports/target.inputs";
import type { ParkTargetRow } from "../db/schema";
import { UserError } from "../graphql/errors";

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
  byEngineer!: { engineer: Engineer; centihours: number; revenueMinor: number }[];

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

  @Field(() => [BenchmarkComparison], {
    description: "Annualised revenue per employee and per system engineer, and growth compounded to a year, each beside the reference contract company's (VDL ETG, 2019). Revenue per engineer has no published reference and is not among them.",
  })
  benchmarks!: BenchmarkComparison[];
}

@ObjectType({ description: "A share of a whole, with its rounding rule." })
export class KindShare {
  @Field(() => CompanyKind, { description: "The kind of company." })
  kind!: CompanyKind;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "How many companies (for the companies split; null for money)." })
  count!: number | null;

  @Field(() => Money, { nullable: true, description: "How much money (for the investment split; null for companies)." })
  amount!: Money | null;

  @Field(() => Float, { nullable: true, description: `Its share of the whole. ${PERCENT_RULE}; null when the whole is 0.` })
  sharePercent!: number | null;
}

@ObjectType({ description: "How many participants of one kind outside the technopark split a park has." })
export class ParticipantCount {
  @Field(() => CompanyKind, { description: "The kind: outside customers, research institutes, universities, suppliers or financial institutions." })
  kind!: CompanyKind;

  @Field(() => GraphQLSafeInt, { description: "How many, registered by the period's end." })
  count!: number;
}

@ObjectType({ description: "Contracts awarded in the period on orders of the park's companies, not cancelled since." })
export class OrderVolume {
  @Field(() => GraphQLSafeInt, { description: "How many contracts." })
  contracts!: number;

  @Field(() => Money, { description: "Their total value." })
  value!: Money;

  @Field(() => Money, { description: "The part made by contract companies of the same park." })
  producedInPark!: Money;

  @Field(() => Money, { description: "Of the park's members' own products (outside customers' orders left out): the value awarded on the platform." })
  membersValue!: Money;

  @Field(() => Money, { description: "Of that, the part made by the park's own members." })
  membersProducedInPark!: Money;

  @Field(() => Money, { description: "Parts the members' production chains awarded in the period buy in from outside the park, as declared (ChainOutsideStage)." })
  sourcedOutside!: Money;

  @Field(() => Float, {
    nullable: true,
    description: `The level of production cooperation, as a cluster measures it: of the value of the members' products (membersValue + sourcedOutside), the share its own members made (membersProducedInPark). ${PERCENT_RULE}; null when there is no value.`,
  })
  productionCooperationPercent!: number | null;

  @Field(() => Float, { description: "The reference beside it: 54 %, the Voronezh oil-and-gas equipment cluster's production cooperation (2019)." })
  referenceCooperationPercent!: number;
}

@ObjectType({ description: "How many of the park's companies used the platform in the period (the network effect starts above 55-65 %)." })
export class Participation {
  @Field(() => GraphQLSafeInt, { description: "The park's companies registered by the period's end." })
  companies!: number;

  @Field(() => GraphQLSafeInt, { description: "Those that posted an order, bid, or were awarded a contract in the period." })
  active!: number;

  @Field(() => Float, { nullable: true, description: `active / companies. ${PERCENT_RULE}; null for an empty park.` })
  activePercent!: number | null;
}

@ObjectType({
  description: "A park's economy over a period, for the coordinator and investors: who is in it, where the money goes, how much work stays in the park, and what will run short.",
})
export class ClusterAnalytics {
  parkDbId!: number;
  periodRow!: Period;

  @Field(() => Park, { description: "The park." })
  park!: Park;

  @Field(() => ReportPeriod, { description: "The period." })
  period!: ReportPeriod;

  @Field(() => [KindShare], { description: "Product and contract companies and their shares of the two (the technopark's reference: 80 % product, 20 % contract); the other participants are not in the split." })
  companies!: KindShare[];

  @Field(() => [ParticipantCount], { description: "The park's other participants by kind (outside customers, research institutes, universities, suppliers, banks): at most five, kinds with none left out." })
  otherParticipants!: ParticipantCount[];

  @Field(() => Money, { description: "Investment recorded in the period." })
  investment!: Money;

  @Field(() => [KindShare], { description: "Investment by kind of company and shares (the reference: 20 % to product, 80 % to contract companies)." })
  investmentByKind!: KindShare[];

  @Field(() => OrderVolume, { description: "Order volume and the level of production cooperation." })
  orderVolume!: OrderVolume;

  @Field(() => Participation, { description: "Share of the park's companies active on the platform." })
  participation!: Participation;

  @Field(() => Money, { description: "Revenue accepted by the park's contract companies in the period." })
  contractRevenue!: Money;

  @Field(() => GraphQLSafeInt, { description: "Active engineers of the park's contract companies." })
  engineers!: number;

  @Field(() => RevenueFigures, { description: "Revenue per engineer across the park, in the period (perEmployee and perSystemEngineer are null: only engineers are counted)." })
  inPeriod!: RevenueFigures;

  @Field(() => RevenueFigures, { description: "The same scaled to a year of 365 days." })
  annualised!: RevenueFigures;

  @Field(() => Money, { description: "Revenue accepted by the park's contract companies in the period of the same length before." })
  previousContractRevenue!: Money;

  @Field(() => [BenchmarkComparison], {
    description: "The park's revenue growth compounded to a year (against 25 %), participation (against 55-65 %) and production cooperation (against 54 %), each with its source.",
  })
  benchmarks!: BenchmarkComparison[];
}

@ObjectType({ description: "What it took a park's companies to place work: the orders they posted in a period, their awards and bids." })
export class TransactionCostFigures {
  @Field(() => GraphQLSafeInt, { description: "Orders posted in the period (cancelled ones included: they count as not awarded)." })
  ordersPosted!: number;

  @Field(() => GraphQLSafeInt, { description: "Of those, the orders awarded (with at least one contract), whenever the award." })
  ordersAwarded!: number;

  @Field(() => Float, { nullable: true, description: `ordersAwarded / ordersPosted. ${PERCENT_RULE}; null without orders.` })
  awardedSharePercent!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean days from posting an order to its first contract, over the orders awarded, to one decimal; null when none was." })
  meanDaysToAward!: number | null;

  @Field(() => Float, { nullable: true, description: "The median of the same." })
  medianDaysToAward!: number | null;

  @Field(() => GraphQLSafeInt, { description: "Bids on those orders, in any state." })
  bids!: number;

  @Field(() => Float, { nullable: true, description: "bids / ordersPosted, to one decimal; null without orders." })
  bidsPerOrder!: number | null;

  @Field(() => GraphQLSafeInt, { description: "Of those bids, the ones from instant quotes (Bid.source INSTANT_QUOTE or AWARDED_QUOTE): work placed without a contractor typing terms." })
  quotedBids!: number;

  @Field(() => Float, { nullable: true, description: `quotedBids / bids. ${PERCENT_RULE}; null without bids.` })
  quotedBidSharePercent!: number | null;
}

@ObjectType({ description: "A park's transaction-cost indicators in the period beside the period of the same length before: the before and after a coordinator shows." })
export class TransactionCosts {
  @Field(() => TransactionCostFigures, { description: "The orders posted in the period." })
  current!: TransactionCostFigures;

  @Field(() => TransactionCostFigures, { description: "The orders posted in the period of the same length before." })
  previous!: TransactionCostFigures;

  @Field(() => Float, { nullable: true, description: "How much shorter meanDaysToAward got on the period before, in percent to one decimal (negative when longer); null without both." })
  daysToAwardReductionPercent!: number | null;

  @Field(() => BenchmarkComparison, { description: "daysToAwardReductionPercent beside the 23-40 % that standard APIs save in transaction costs." })
  benchmark!: BenchmarkComparison;
}

@ObjectType({ description: "How a park stands against its target, as of today: the last 365 days beside the target and the growth it takes." })
export class TargetProgress {
  @Field(() => Money, { description: "The measure over the last 365 days, today included." })
  lastYear!: Money;

  @Field(() => Money, { description: "The same over the 365 days before." })
  yearBefore!: Money;

  @Field(() => Float, { nullable: true, description: `lastYear / the target. ${PERCENT_RULE}.` })
  percentOfTarget!: number | null;

  @Field(() => Float, { description: "Years from today to the end of the target's year, to two decimals; 0 once it has passed." })
  yearsLeft!: number;

  @Field(() => Float, { nullable: true, description: "The yearly growth that takes lastYear to the target by then, compounded, percent to one decimal; 0 once reached; null with nothing yet or no time left." })
  requiredGrowthPercent!: number | null;

  @Field(() => Float, { nullable: true, description: "lastYear's growth on yearBefore, percent to one decimal; null when yearBefore had none." })
  growthPercent!: number | null;

  @Field(() => Boolean, { description: "Whether lastYear has reached the target." })
  reached!: boolean;

  @Field(() => Boolean, { nullable: true, description: "Reached, or growing at least as fast as required; null when either growth is unknown." })
  onTrack!: boolean | null;
}

@ObjectType({ description: "A park's target for a yearly figure, set by the coordinator." })
export class ParkTarget {
  @Field(() => TargetMeasure, { description: "The figure." })
  measure!: TargetMeasure;

  @Field(() => Money, { description: "The figure to reach in a year." })
  amount!: Money;

  @Field(() => GraphQLSafeInt, { description: "The year by whose end to reach it." })
  year!: number;

  @Field(() => String, { description: "Where the target comes from." })
  note!: string;

  @Field(() => Date, { description: "When it was set." })
  setAt!: Date;

  @Field(() => TargetProgress, { nullable: true, description: "Where the park stands against it today; null in setParkTarget's payload (ask clusterAnalytics.targets)." })
  progress!: TargetProgress | null;
}

@ObjectType({ description: "Result of setParkTarget." })
export class ParkTargetPayload {
  @Field(() => ParkTarget, { nullable: true, description: "The target in force; null when refused." })
  target!: ParkTarget | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

export function toParkTarget(row: ParkTargetRow, progress: TargetProgressFigures | null): ParkTarget {
  return Object.assign(new ParkTarget(), {
    measure: row.measure as TargetMeasure,
    amount: toMoney(row.amountMinor, row.currency as Currency),
    year: row.targetYear,
    note: row.note,
    setAt: row.setAt,
    progress:
      progress &&
      Object.assign(new TargetProgress(), {
        ...progress,
        lastYear: toMoney(progress.lastYearMinor, Currency.RUB),
        yearBefore: toMoney(progress.yearBeforeMinor, Currency.RUB),
      }),
  });
}
