import { GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../graphql/connection";
import { Money } from "../graphql/money";
import { BenchmarkComparison } from "./benchmark.type";
import { Park } from "./park.type";
import { KindShare, Participation, PERCENT_RULE, ReportPeriod } from "./report.type";

export enum ParkRankMeasure {
  GROWTH = "GROWTH",
  LOAD = "LOAD",
  PARTICIPATION = "PARTICIPATION",
  COOPERATION = "COOPERATION",
  INVESTMENT = "INVESTMENT",
  ORDER_VOLUME = "ORDER_VOLUME",
}

registerEnumType(ParkRankMeasure, {
  name: "ParkRankMeasure",
  description: "What parks are ranked by, highest first.",
  valuesConfig: {
    GROWTH: { description: "revenueGrowthPercent: the park's contract revenue against the period before, compounded to a year." },
    LOAD: { description: "loadPercent: booked of available engineer-hours over the coming 26 weeks." },
    PARTICIPATION: { description: "participation.activePercent: the share of its trading companies active in the period." },
    COOPERATION: { description: "productionCooperationPercent: the share of its members' products made by its members." },
    INVESTMENT: { description: "investment recorded in the period." },
    ORDER_VOLUME: { description: "orderVolume: the value of contracts awarded in the period on its companies' orders." },
  },
});

@ObjectType({ description: "One park's figures over the period, and its place in the ranking." })
export class ParkStanding {
  @Field(() => GraphQLSafeInt, { description: "1 for the highest; parks without a figure for the measure come last, ties and those by name." })
  rank!: number;

  @Field(() => Park, { description: "The park (technopark or cluster)." })
  park!: Park;

  @Field(() => Money, { description: "Revenue accepted by its contract companies in the period." })
  contractRevenue!: Money;

  @Field(() => Money, { description: "The same in the period of the same length before." })
  previousContractRevenue!: Money;

  @Field(() => Float, { nullable: true, description: `Revenue growth compounded to a year. ${PERCENT_RULE}; null when the period before had none.` })
  revenueGrowthPercent!: number | null;

  @Field(() => Float, { nullable: true, description: `Booked of available engineer-hours of its active engineers over the coming 26 weeks (from this week). ${PERCENT_RULE}; null without engineers.` })
  loadPercent!: number | null;

  @Field(() => Participation, { description: "Its trading companies and how many were active in the period." })
  participation!: Participation;

  @Field(() => Float, { nullable: true, description: `Its level of production cooperation (OrderVolume.productionCooperationPercent). ${PERCENT_RULE}; null without value.` })
  productionCooperationPercent!: number | null;

  @Field(() => Money, { description: "Investment recorded in the period." })
  investment!: Money;

  @Field(() => [KindShare], { description: "Investment by kind of company (the reference: 20 % to product, 80 % to contract companies)." })
  investmentByKind!: KindShare[];

  @Field(() => Money, { description: "Order volume: contracts awarded in the period on its companies' orders, not cancelled since." })
  orderVolume!: Money;

  @Field(() => GraphQLSafeInt, { description: "How many contracts that is." })
  contracts!: number;

  @Field(() => [BenchmarkComparison], { description: "Growth, participation and cooperation beside their references." })
  benchmarks!: BenchmarkComparison[];
}

export const ParkStandingConnection = ConnectionType("ParkStanding", ParkStanding, "Parks in the order of the ranking.");

@ObjectType({ description: "Parks and clusters side by side over a period, ranked by one measure: for investors choosing between them and the coordinator." })
export class ParkComparison {
  rows!: ParkStanding[];

  @Field(() => ReportPeriod, { description: "The period." })
  period!: ReportPeriod;

  @Field(() => ParkRankMeasure, { description: "The measure of the ranking." })
  rankedBy!: ParkRankMeasure;
}
