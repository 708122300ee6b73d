import { compare } from "../reports/benchmarks";
import { toBenchmark } from "./benchmark.type";
import { toCapacityHeatMap, CapacityHeatMap, EngineerLoad, EngineerLoadConnection, LoadReport, OfferedCapabilityLoad, toWeekLoad } from "./capacity.type";
import { toCapability } from "./capability.type";
import type { CapabilityRow } from "../db/schema";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { toCompany } from "./company.type";
import type { Context } from "./context";
import { toEngineer } from "./engineer.type";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { toHours } from "../capacity/hours";
import { bookedKey } from "../capacity/booking";

const weeksArg = { nullable: true, description: "How many weeks the window spans, 1 to 104 (default 26)." } as const;
const asOfArg = { nullable: true, description: "The date to report as of (default today, Europe/Moscow); the window starts on its week." } as const;
const thresholdArg = { nullable: true, description: "The utilisation that counts as fully booked, above 0 and at most 10 (default 1 = 100 %)." } as const;

@Resolver(() => LoadReport)
export class LoadReportResolver {
  @Extensions(fieldCost(REPORT_COST.loadReport))
  @Query(() => LoadReport, {
    nullable: true,
    description: "A contract company's booked load against its engineers' hours, week by week. Its members and the coordinator.",
  })
  async loadReport(
    @Arg("companyId", () => ID, { nullable: true, description: "The contract company; defaults to your own." }) companyId: string | null,
    @Arg("asOf", () => GraphQLLocalDate, asOfArg) asOf: string | null,
    @Arg("weeks", () => GraphQLSafeInt, weeksArg) weeks: number | null,
    @Arg("threshold", () => Float, thresholdArg) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<LoadReport> {
    const load = await ctx.services.capacity.companyLoad(ctx, { companyId, asOf, weeks, threshold });
    const perCapability = await ctx.services.capacity.capabilityLoads(ctx, load.company.id, load.window.weeks);
    const capabilities = await ctx.loaders.capabilityById.loadMany(perCapability.map((c) => c.capabilityId));
    return Object.assign(new LoadReport(), {
      capabilities: perCapability.map((row, i) => {
        const weekLoads = load.window.weeks.map((week, w) => toWeekLoad(week, row.bookedByWeek[w], row.capacity));
        const peakUtilisation = Math.max(0, ...weekLoads.map((w) => w.utilisation));
        return Object.assign(new OfferedCapabilityLoad(), { capability: toCapability(capabilities[i] as CapabilityRow), weeks: weekLoads, peakUtilisation, runsShort: peakUtilisation >= load.threshold });
      }),
      companyDbId: load.company.id,
      windowWeeks: load.window.weeks,
      company: toCompany(load.company),
      asOf: load.window.asOf,
      threshold: load.threshold,
      weeks: load.window.weeks.map((week, i) => toWeekLoad(week, load.bookedByWeek[i], load.capacity)),
      weeksBookedAhead: load.weeksBookedAhead,
      benchmarks: [toBenchmark(compare("WEEKS_BOOKED_AHEAD", load.weeksBookedAhead))],
    });
  }

  @FieldResolver(() => EngineerLoadConnection, { description: "Each active engineer's load over the window, by engineer id." })
  async engineers(@Root() report: LoadReport, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<EngineerLoad>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.engineersByCompany.load({ parentId: report.companyDbId, page, filter: { activeOnly: true } });
    const weeks = report.windowWeeks;
    const booked = await ctx.services.capacity.bookedByEngineer(ctx, rows.slice(0, page.limit).map((r) => r.id), weeks);
    return toConnection(rows, page, (row) => {
      const perWeek = weeks.map((week) => booked.get(bookedKey(row.id, week)) ?? 0);
      return Object.assign(new EngineerLoad(), {
        engineer: toEngineer(row),
        bookedHours: toHours(perWeek.reduce((a, b) => a + b, 0)),
        weeks: weeks.map((week, i) => toWeekLoad(week, perWeek[i], row.weeklyHours * 100)),
      });
    }, () => ctx.loaders.engineersByCompany.countOf(report.companyDbId, { activeOnly: true }));
  }

}

@Resolver(() => CapacityHeatMap)
export class CapacityHeatMapResolver {
  @Extensions(fieldCost(REPORT_COST.capacityHeatMap))
  @Query(() => CapacityHeatMap, {
    nullable: true,
    description: "Utilisation per capability per week across a park, flagging capabilities that run short. The coordinator and investors.",
  })
  async capacityHeatMap(
    @Arg("parkId", () => ID, { description: "The park." }) parkId: string,
    @Arg("asOf", () => GraphQLLocalDate, asOfArg) asOf: string | null,
    @Arg("weeks", () => GraphQLSafeInt, weeksArg) weeks: number | null,
    @Arg("threshold", () => Float, thresholdArg) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<CapacityHeatMap> {
    return toCapacityHeatMap(await ctx.services.reports.heatMap(ctx, { parkId, asOf, weeks, threshold }));
  }
}
