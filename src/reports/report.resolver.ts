import { GraphQLLocalDate } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
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
