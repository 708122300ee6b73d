import { GraphQLLocalDate } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Company } from "../companies/company.type";
import { payloadOf } from "../graphql/errors";
import { Scorecard, ScoreWeight, SetScoreWeightsInput, SetScoreWeightsPayload, toScorecard } from "./scorecard.type";
import { toCompany } from "../companies/company.type";
import type { Context } from "../context";
import { toEngineer } from "../engineers/engineer.type";
import { PageArgs, pageRequest, toListConnection, type Connection } from "../graphql/connection";
import { Currency, toMoney } from "../graphql/money";
import { toHours } from "../capacity/hours";
import { annualised, growthPercent } from "../shared/ratio";
import { EngineerRevenue, EngineerRevenueConnection, RevenueReport, revenueFigures, toContractsWon, toReportPeriod } from "./report.type";

const fromArg = { description: "First day of the period (YYYY-MM-DD, Europe/Moscow)." } as const;
const toArg = { description: "Last day of the period, included; at most 3660 days after from." } as const;

@Resolver(() => RevenueReport)
export class RevenueReportResolver {
  @Query(() => RevenueReport, {
    description: "A contract company's revenue over a period: per employee, engineer and system engineer, annualised, per engineer, and growth. Its members and the coordinator.",
  })
  revenueReport(
    @Arg("companyId", () => ID, { nullable: true, description: "The contract company; defaults to your own." }) companyId: string | null,
    @Arg("from", () => GraphQLLocalDate, fromArg) from: string,
    @Arg("to", () => GraphQLLocalDate, toArg) to: string,
    @Ctx() ctx: Context,
  ): RevenueReport {
    const r = ctx.services.reports.revenue(ctx.viewer, { companyId, from, to });
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
      byEngineer: r.byEngineer.map((e) => ({ ...e, engineer: toEngineer(e.engineer), days: r.period.days })),
    });
  }

  @FieldResolver(() => EngineerRevenueConnection, { description: "Each engineer's attributed revenue, highest first: active engineers and any others with revenue." })
  engineerRevenue(@Root() report: RevenueReport, @Args(() => PageArgs) args: PageArgs): Connection<EngineerRevenue> {
    const items = report.byEngineer.map((e) =>
      Object.assign(new EngineerRevenue(), {
        engineer: e.engineer,
        hours: toHours(e.centihours),
        revenue: toMoney(e.revenueMinor, Currency.RUB),
        annualisedRevenue: toMoney(annualised(e.revenueMinor, e.days), Currency.RUB),
      }),
    );
    return toListConnection(items, pageRequest(args));
  }
}

/** Who may read a contract company's scorecard: itself, product companies, the coordinator and investors. */
export function canSeeScorecard(viewer: Context["viewer"], companyId: number): boolean {
  if (!viewer) return false;
  if (viewer.role !== "MEMBER") return true;
  return viewer.companyKind === "PRODUCT" || viewer.companyId === companyId;
}

@Resolver(() => Company)
export class CompanyScorecardResolver {
  @FieldResolver(() => Scorecard, {
    nullable: true,
    description: "A contract company's capability score with its parts. Null for product companies, and for viewers other than the company itself, product companies, the coordinator and investors.",
  })
  async scorecard(@Root() company: Company, @Ctx() ctx: Context): Promise<Scorecard | null> {
    if (company.kind !== "CONTRACT" || !canSeeScorecard(ctx.viewer, company.dbId)) return null;
    return toScorecard(await ctx.loaders.scorecardByCompany.load(company.dbId));
  }
}

@Resolver()
export class ScoreWeightResolver {
  @Query(() => [ScoreWeight], { description: "The scorecard weights in force, per sub-factor (seven). Any signed-in viewer." })
  scoreWeights(@Ctx() ctx: Context): ScoreWeight[] {
    return ctx.services.reports.weights(ctx.viewer).map((w) => Object.assign(new ScoreWeight(), w));
  }

  @Mutation(() => SetScoreWeightsPayload, { description: "The coordinator sets the scorecard weights: every sub-factor once, adding up to 100 points." })
  setScoreWeights(@Arg("input", () => SetScoreWeightsInput, { description: "The mutation's input; its type describes each field." }) input: SetScoreWeightsInput, @Ctx() ctx: Context): SetScoreWeightsPayload {
    return payloadOf(ctx.services.reports.setWeights(ctx.viewer, input), (rows) => ({ weights: rows.map((w) => Object.assign(new ScoreWeight(), w)) }), { weights: null });
  }
}
