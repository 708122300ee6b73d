import { GraphQLSafeInt } from "graphql-scalars";
import { Arg, Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { backtestSeries } from "../reports/forecast";
import { DEFAULT_HISTORY_WEEKS, DEFAULT_HORIZON_WEEKS, MAX_HISTORY_WEEKS, MAX_HORIZON_WEEKS } from "../reports/forecast.service";
import type { Context } from "./context";
import { CapabilityDemandForecast, DemandForecast, ForecastBacktest, toDemandForecast } from "./forecast.type";

const hours = (centihours: number | null) => (centihours === null ? null : Math.round(centihours) / 100);

@Resolver(() => DemandForecast)
export class DemandForecastResolver {
  @Extensions(fieldCost(REPORT_COST.demandForecast))
  @Query(() => DemandForecast, {
    nullable: true,
    description: "Engineer-hours demanded per capability per week, learned from the orders that reached the park's contractors and forecast ahead, against the free hours of the engineers who hold each capability. The coordinator, investors, banks and universities.",
  })
  async demandForecast(
    @Arg("parkId", () => ID, { description: "The park." }) parkId: string,
    @Arg("weeks", () => GraphQLSafeInt, { nullable: true, description: `Weeks ahead, the current one included: 1 to ${MAX_HORIZON_WEEKS} (default ${DEFAULT_HORIZON_WEEKS}).` }) weeks: number | null,
    @Arg("historyWeeks", () => GraphQLSafeInt, { nullable: true, description: `Complete weeks of history to learn from: 1 to ${MAX_HISTORY_WEEKS} (default ${DEFAULT_HISTORY_WEEKS}).` })
    historyWeeks: number | null,
    @Ctx() ctx: Context,
  ): Promise<DemandForecast> {
    return toDemandForecast(await ctx.services.forecasts.demandForecast(ctx, { parkId, weeks, historyWeeks }));
  }
}

@Resolver(() => CapabilityDemandForecast)
export class CapabilityDemandForecastResolver {
  @Extensions(fieldCost(REPORT_COST.forecastBacktest))
  @FieldResolver(() => ForecastBacktest, { description: "The method's error on this capability's own history, beside the naive forecast's: computed when asked." })
  backtest(@Root() row: CapabilityDemandForecast): ForecastBacktest {
    const b = backtestSeries(row.series, row.horizon);
    return Object.assign(new ForecastBacktest(), {
      origins: b.origins,
      points: b.points,
      mapePercent: b.mapePercent,
      naiveMapePercent: b.naiveMapePercent,
      meanAbsoluteErrorHours: hours(b.mae),
      naiveMeanAbsoluteErrorHours: hours(b.naiveMae),
      totalOrigins: b.totalOrigins,
      totalMapePercent: b.totalMapePercent,
      naiveTotalMapePercent: b.naiveTotalMapePercent,
    });
  }
}
