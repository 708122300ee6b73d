import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { toCapacityHeatMap, CapacityHeatMap } from "./capacity.type";
import { toHours } from "../capacity/hours";
import { toCompany } from "./company.type";
import { type CompanyKind } from "../companies/company-kind";
import { KIND_RIGHTS, SPLIT_KINDS } from "../access/policy";
import type { CompanyKindValue } from "../db/schema";


import type { Context } from "./context";
import { toEngineer } from "./engineer.type";
import { PageArgs, pageRequest, toListConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { Currency, toMoney } from "../graphql/money";
import { toPark } from "./park.type";
import { annualised, growthPercent, percentOf, perHead } from "../shared/ratio";
import { annualGrowthPercent, compare, REFERENCES } from "../reports/benchmarks";
import { MAX_COMPARED_PARKS, type ParkFiguresRow } from "../reports/report.service";
import { daysToAwardReductionPercent } from "../reports/transaction-costs";
import { ParkComparison, ParkRankMeasure, ParkStanding, ParkStandingConnection } from "./park-comparison.type";
import { toBenchmark } from "./benchmark.type";
import {
  ClusterAnalytics,
  EngineerRevenue,
  EngineerRevenueConnection,
  KindShare,
  OrderVolume,
  ParticipantCount,
  Participation,
  RevenueReport,
  revenueFigures,
  TransactionCostFigures,
  TransactionCosts,
  ParkTarget,
  ParkTargetPayload,
  toParkTarget,
  toContractsWon,
  toReportPeriod,
} from "./report.type";
import { ScoreFactorDefinition, ScoreFactorPayload, ScoreFactorValuePayload, ScoreWeight, SetScoreWeightsPayload, toScoreFactor, toScoreFactorValue } from "./scorecard.type";
import { AddScoreFactorInput, RecordScoreFactorValueInput, ScoreSubject, SetScoreWeightsInput } from "../reports/scorecard.inputs";
import { SetParkTargetInput } from "../reports/target.inputs";

const fromArg = { description: "First day of the period (YYYY-MM-DD, Europe/Moscow)." } as const;
const toArg = { description: "Last day of the period, included; at most 3660 days after from." } as const;

@Resolver(() => RevenueReport)
export class RevenueReportResolver {
  @Extensions(fieldCost(REPORT_COST.revenueReport))
  @Query(() => RevenueReport, {
    nullable: true,
    description: "A contract company's revenue over a period: per employee, engineer and system engineer, annualised, per engineer, and growth. Its members and the coordinator.",
  })
  async revenueReport(
    @Arg("companyId", () => ID, { nullable: true, description: "The contract company; defaults to your own." }) companyId: string | null,
    @Arg("from", () => GraphQLLocalDate, fromArg) from: string,
    @Arg("to", () => GraphQLLocalDate, toArg) to: string,
    @Ctx() ctx: Context,
  ): Promise<RevenueReport> {
    const r = await ctx.services.reports.revenue(ctx, { companyId, from, to });
    const heads = { employees: r.employees, engineers: r.engineers, systemEngineers: r.systemEngineers };
    const attributed = r.byEngineer.reduce((sum, e) => sum + e.revenueMinor, 0);
    return Object.assign(new RevenueReport(), {
      company: toCompany(r.company),
      period: toReportPeriod(r.period),
      previousPeriod: toReportPeriod(r.previous),
      ...heads,
      inPeriod: revenueFigures(r.revenueMinor, heads),
      annualised: revenueFigures(r.revenueMinor, heads, r.period.days),
      previousRevenue: toMoney(r.previousRevenueMinor, Currency.RUB),
      revenueGrowthPercent: growthPercent(r.revenueMinor, r.previousRevenueMinor),
      contractsWon: toContractsWon(r.contractsWon),
      previousContractsWon: toContractsWon(r.previousContractsWon),
      contractsWonGrowthPercent: growthPercent(r.contractsWon.valueMinor, r.previousContractsWon.valueMinor),
      unattributedRevenue: toMoney(r.revenueMinor - attributed, Currency.RUB),
      benchmarks: [
        compare("REVENUE_PER_EMPLOYEE", perHead(annualised(r.revenueMinor, r.period.days), r.employees)),
        compare("REVENUE_PER_SYSTEM_ENGINEER", perHead(annualised(r.revenueMinor, r.period.days), r.systemEngineers)),
        compare("GROWTH", annualGrowthPercent(r.revenueMinor, r.previousRevenueMinor, r.period.days)),
      ].map(toBenchmark),
      byEngineer: r.byEngineer.map((e) => ({ ...e, engineer: toEngineer(e.engineer) })),
    });
  }

  @FieldResolver(() => EngineerRevenueConnection, { description: "Each engineer's attributed revenue, highest first: active engineers and any others with revenue." })
  engineerRevenue(@Root() report: RevenueReport, @Args(() => PageArgs) args: PageArgs): Connection<EngineerRevenue> {
    const items = report.byEngineer.map((e) =>
      Object.assign(new EngineerRevenue(), {
        engineer: e.engineer,
        hours: toHours(e.centihours),
        revenue: toMoney(e.revenueMinor, Currency.RUB),
        annualisedRevenue: toMoney(annualised(e.revenueMinor, report.period.days), Currency.RUB),
      }),
    );
    return toListConnection(items, pageRequest(args));
  }
}

@Resolver(() => ScoreWeight)
export class ScoreWeightResolver {
  @Query(() => [ScoreWeight], { nullable: true, description: "The scorecard weights in force for a subject, per sub-factor by component: a park's own if it has them, else the defaults. Any signed-in viewer." })
  async scoreWeights(
    @Arg("subject", () => ScoreSubject, { defaultValue: ScoreSubject.CONTRACTOR, description: "Whose score (default CONTRACTOR)." }) subject: ScoreSubject,
    @Arg("parkId", () => ID, { nullable: true, description: "The park whose weights are in force; default the defaults." }) parkId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ScoreWeight[]> {
    const { parkOwn, weights } = await ctx.services.scoreModel.weights(ctx, { subject, parkId });
    return weights.map((w) => Object.assign(new ScoreWeight(), { ...w, parkOwn }));
  }

  @Query(() => [ScoreFactorDefinition], { nullable: true, description: "The sub-factors of the capability scores, measured and entered, for contractors, customers, or both. Any signed-in viewer." })
  async scoreFactors(@Arg("subject", () => ScoreSubject, { nullable: true, description: "Whose score; default both." }) subject: ScoreSubject | null, @Ctx() ctx: Context): Promise<ScoreFactorDefinition[]> {
    return (await ctx.services.scoreModel.factors(ctx, subject)).map(toScoreFactor);
  }

  @Mutation(() => SetScoreWeightsPayload, { description: "The coordinator sets a subject's scorecard weights, the defaults or one park's own: every sub-factor of the subject once, adding up to 100 points." })
  setScoreWeights(@Arg("input", () => SetScoreWeightsInput, { description: "The mutation's input; its type describes each field." }) input: SetScoreWeightsInput, @Ctx() ctx: Context): Promise<SetScoreWeightsPayload> {
    return payloadOf(ctx.services.scoreModel.setWeights(ctx, input), (rows) => ({ weights: rows.map((w) => Object.assign(new ScoreWeight(), { ...w, parkOwn: input.parkId != null })) }), { weights: null });
  }

  @Mutation(() => ScoreFactorPayload, { description: "The coordinator adds a sub-factor to a component of the contractor or customer score, entered per company (certifications, patents, staff qualification, equipment age); weight 0 until set." })
  addScoreFactor(@Arg("input", () => AddScoreFactorInput, { description: "The mutation's input; its type describes each field." }) input: AddScoreFactorInput, @Ctx() ctx: Context): Promise<ScoreFactorPayload> {
    return payloadOf(ctx.services.scoreModel.addFactor(ctx, input), (row) => ({ factor: toScoreFactor(row) }), { factor: null });
  }

  @Mutation(() => ScoreFactorValuePayload, { description: "The coordinator enters a company's value of an entered sub-factor; the latest is in force, with who entered it and when." })
  recordScoreFactorValue(
    @Arg("input", () => RecordScoreFactorValueInput, { description: "The mutation's input; its type describes each field." }) input: RecordScoreFactorValueInput,
    @Ctx() ctx: Context,
  ): Promise<ScoreFactorValuePayload> {
    return payloadOf(ctx.services.scoreModel.recordValue(ctx, input), (row) => ({ value: toScoreFactorValue(row) }), { value: null });
  }
}

/** The technopark split's shares (80/20): product and contract companies only; the other participants stand outside it. */
const kindShares = (values: Map<CompanyKindValue, number>, money: boolean): KindShare[] => {
  const whole = SPLIT_KINDS.reduce((sum, kind) => sum + (values.get(kind) ?? 0), 0);
  return SPLIT_KINDS.map((kind) => {
    const part = values.get(kind) ?? 0;
    return Object.assign(new KindShare(), {
      kind: kind as CompanyKind,
      count: money ? null : part,
      amount: money ? toMoney(part, Currency.RUB) : null,
      sharePercent: percentOf(part, whole),
    });
  });
};

/** A park's growth, participation and cooperation beside their references. */
const parkBenchmarks = (c: ParkFiguresRow) =>
  [compare("GROWTH", c.growthPercent), compare("PARTICIPATION", c.participationPercent), compare("PRODUCTION_COOPERATION", c.cooperationPercent)].map(toBenchmark);

/** How many of a park's trading companies were active. */
const toParticipation = (c: ParkFiguresRow): Participation =>
  Object.assign(new Participation(), { companies: c.tradingCompanies, active: c.active, activePercent: c.participationPercent });

@Resolver(() => ParkComparison)
export class ParkComparisonResolver {
  @Extensions(fieldCost(REPORT_COST.clusterAnalytics))
  @Query(() => ParkComparison, {
    nullable: true,
    description: `Parks and clusters side by side over a period, ranked by growth, load, participation, cooperation, investment or order volume (at most ${MAX_COMPARED_PARKS}). The coordinator, investors and banks.`,
  })
  async parkComparison(
    @Arg("from", () => GraphQLLocalDate, fromArg) from: string,
    @Arg("to", () => GraphQLLocalDate, toArg) to: string,
    @Arg("rankBy", () => ParkRankMeasure, { defaultValue: ParkRankMeasure.GROWTH, description: "The measure to rank by (default GROWTH)." }) rankBy: ParkRankMeasure,
    @Arg("parkIds", () => [ID], { nullable: true, description: `The parks to compare, 1 to ${MAX_COMPARED_PARKS}; default every park (refused when there are more).` }) parkIds: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<ParkComparison> {
    const { period, standings } = await ctx.services.reports.compareParks(ctx, { from, to, parkIds, rankBy });
    return Object.assign(new ParkComparison(), {
      period: toReportPeriod(period),
      rankedBy: rankBy,
      rows: standings.map((s, i) =>
        Object.assign(new ParkStanding(), {
          rank: i + 1,
          park: toPark(s.park),
          contractRevenue: toMoney(s.revenue.revenueMinor, Currency.RUB),
          previousContractRevenue: toMoney(s.previousRevenueMinor, Currency.RUB),
          revenueGrowthPercent: s.growthPercent,
          loadPercent: s.loadPercent,
          participation: toParticipation(s),
          productionCooperationPercent: s.cooperationPercent,
          investment: toMoney(s.investmentMinor, Currency.RUB),
          investmentByKind: kindShares(s.investment, true),
          orderVolume: toMoney(s.volume.valueMinor, Currency.RUB),
          contracts: s.volume.contracts,
          benchmarks: parkBenchmarks(s),
        }),
      ),
    });
  }

  @FieldResolver(() => ParkStandingConnection, { description: "The parks, in the order of the ranking." })
  standings(@Root() comparison: ParkComparison, @Args(() => PageArgs) args: PageArgs): Connection<ParkStanding> {
    return toListConnection(comparison.rows, pageRequest(args));
  }
}

@Resolver(() => ClusterAnalytics)
export class ClusterAnalyticsResolver {
  @Extensions(fieldCost(REPORT_COST.clusterAnalytics))
  @Query(() => ClusterAnalytics, { nullable: true, description: "A park's economy over a period: companies, investment, order volume, production cooperation, participation, revenue per engineer. The coordinator and investors." })
  async clusterAnalytics(
    @Arg("parkId", () => ID, { description: "The park." }) parkId: string,
    @Arg("from", () => GraphQLLocalDate, fromArg) from: string,
    @Arg("to", () => GraphQLLocalDate, toArg) to: string,
    @Ctx() ctx: Context,
  ): Promise<ClusterAnalytics> {
    const c = await ctx.services.reports.cluster(ctx, { parkId, from, to });
    // Only engineers are counted across the park: perEmployee and perSystemEngineer come out null.
    const heads = { employees: 0, engineers: c.revenue.engineers, systemEngineers: 0 };
    return Object.assign(new ClusterAnalytics(), {
      parkDbId: c.park.id,
      periodRow: c.period,
      park: toPark(c.park),
      period: toReportPeriod(c.period),
      companies: kindShares(c.companies, false),
      otherParticipants: (Object.keys(KIND_RIGHTS) as CompanyKindValue[])
        .filter((kind) => !SPLIT_KINDS.includes(kind) && (c.companies.get(kind) ?? 0) > 0)
        .map((kind) => Object.assign(new ParticipantCount(), { kind: kind as CompanyKind, count: c.companies.get(kind)! })),
      investment: toMoney(c.investmentMinor, Currency.RUB),
      investmentByKind: kindShares(c.investment, true),
      orderVolume: Object.assign(new OrderVolume(), {
        contracts: c.volume.contracts,
        value: toMoney(c.volume.valueMinor, Currency.RUB),
        producedInPark: toMoney(c.volume.inParkMinor, Currency.RUB),
        membersValue: toMoney(c.volume.membersValueMinor, Currency.RUB),
        membersProducedInPark: toMoney(c.volume.membersInParkMinor, Currency.RUB),
        sourcedOutside: toMoney(c.volume.sourcedOutsideMinor, Currency.RUB),
        productionCooperationPercent: c.cooperationPercent,
        referenceCooperationPercent: REFERENCES.PRODUCTION_COOPERATION.value,
      }),
      participation: toParticipation(c),
      previousContractRevenue: toMoney(c.previousRevenueMinor, Currency.RUB),
      benchmarks: parkBenchmarks(c),
      contractRevenue: toMoney(c.revenue.revenueMinor, Currency.RUB),
      engineers: c.revenue.engineers,
      inPeriod: revenueFigures(c.revenue.revenueMinor, heads),
      annualised: revenueFigures(c.revenue.revenueMinor, heads, c.period.days),
    });
  }

  @Extensions(fieldCost(REPORT_COST.revenueReport))
  @FieldResolver(() => [ParkTarget], { description: "The park's targets (at most one per measure) and where it stands against each today, whatever the period." })
  async targets(@Root() analytics: ClusterAnalytics, @Ctx() ctx: Context): Promise<ParkTarget[]> {
    return (await ctx.services.reports.targets(ctx, analytics.parkDbId)).map((t) => toParkTarget(t.target, t.progress));
  }

  @Mutation(() => ParkTargetPayload, { description: "The coordinator sets a park's target for a yearly figure (replacing the one for that measure): the material's 50 billion roubles of product orders by 2025." })
  setParkTarget(@Arg("input", () => SetParkTargetInput, { description: "The mutation's input; its type describes each field." }) input: SetParkTargetInput, @Ctx() ctx: Context): Promise<ParkTargetPayload> {
    return payloadOf(ctx.services.reports.setTarget(ctx, input), (row) => ({ target: toParkTarget(row, null) }), { target: null });
  }

  @Extensions(fieldCost(REPORT_COST.revenueReport))
  @FieldResolver(() => TransactionCosts, { description: "Days from posting to award, bids per order, share of orders awarded and of bids from instant quotes: the period against the one before." })
  async transactionCosts(@Root() analytics: ClusterAnalytics, @Ctx() ctx: Context): Promise<TransactionCosts> {
    const { current, previous } = await ctx.services.reports.transactionCosts(ctx, analytics.parkDbId, analytics.periodRow);
    const reduction = daysToAwardReductionPercent(current, previous);
    return Object.assign(new TransactionCosts(), {
      current: Object.assign(new TransactionCostFigures(), current),
      previous: Object.assign(new TransactionCostFigures(), previous),
      daysToAwardReductionPercent: reduction,
      benchmark: toBenchmark(compare("TRANSACTION_TIME_SAVING", reduction)),
    });
  }

  @Extensions(fieldCost(REPORT_COST.capacityHeatMap))
  @FieldResolver(() => CapacityHeatMap, { description: "Demand (booked engineer-hours) against capacity per capability over the coming weeks from today, flagging capabilities that will run short." })
  async capacityOutlook(
    @Root() analytics: ClusterAnalytics,
    @Arg("weeks", () => GraphQLSafeInt, { nullable: true, description: "How many weeks ahead, 1 to 104 (default 26)." }) weeks: number | null,
    @Arg("threshold", () => Float, { nullable: true, description: "The utilisation that counts as running short (default 1 = 100 %)." }) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<CapacityHeatMap> {
    return toCapacityHeatMap(await ctx.services.reports.heatMap(ctx, { parkId: analytics.park.id, asOf: null, weeks, threshold }));
  }

}

