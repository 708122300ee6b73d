import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { toHours } from "../capacity/hours";
import { isoWeekLabel } from "../capacity/weeks";
import { INTERMITTENT_INTERVAL, INTERVAL_PERCENT, MIN_FIT_WEEKS, type ForecastMethod as Method } from "../reports/forecast";
import type { CapabilityForecastFigures, DemandForecastFigures, ForecastWeekFigures } from "../reports/forecast.service";
import { Capability, toCapability } from "./capability.type";
import { Park, toPark } from "./park.type";

export enum ForecastMethod {
  DAMPED_TREND = "DAMPED_TREND",
  INTERMITTENT = "INTERMITTENT",
  MEAN = "MEAN",
  NONE = "NONE",
}

registerEnumType(ForecastMethod, {
  name: "ForecastMethod",
  description: "How a capability's demand was forecast (README, Demand forecast).",
  valuesConfig: {
    DAMPED_TREND: { description: `Exponential smoothing with a damped additive trend (Holt, Gardner-McKenzie; ETS(A,Ad,N)), parameters fitted to the history: ${MIN_FIT_WEEKS} weeks of it or more.` },
    INTERMITTENT: {
      description: `Demand in fewer than one week in ${INTERMITTENT_INTERVAL} (orders posted in batches): Croston's method with the Syntetos-Boylan correction, a flat rate per week from the smoothed sizes of the batches and the intervals between them.`,
    },
    MEAN: { description: `Fewer than ${MIN_FIT_WEEKS} weeks of history: the mean of the weeks there are, the interval from their spread.` },
    NONE: { description: "No demand in the history: nothing is forecast." },
  },
});

@ObjectType({ description: "Engineer-hours demanded in one past week: the orders posted that week that reached the park's contractors." })
export class DemandWeek {
  @Field(() => GraphQLLocalDate, { description: "The Monday the week starts on." })
  weekStart!: string;

  @Field(() => String, { description: 'The ISO week, e.g. "2026-W48".' })
  week!: string;

  @Field(() => Float, { description: "Engineer-hours: each order's quantity x the park's mean hours per unit of the capability, exact to 0.01." })
  demandHours!: number;
}

@ObjectType({ description: "One coming week of a capability's forecast, against the free hours of the engineers who hold it. Hours exact to 0.01." })
export class ForecastWeek {
  @Field(() => GraphQLLocalDate, { description: "The Monday the week starts on; the first is the current week." })
  weekStart!: string;

  @Field(() => String, { description: 'The ISO week, e.g. "2026-W48".' })
  week!: string;

  @Field(() => Float, { description: "Engineer-hours of new orders expected to be posted this week: the forecast." })
  forecastHours!: number;

  @Field(() => Float, { description: `The lower end of the forecast's ${INTERVAL_PERCENT} % interval (never below 0).` })
  lowerHours!: number;

  @Field(() => Float, { description: `The upper end of the forecast's ${INTERVAL_PERCENT} % interval.` })
  upperHours!: number;

  @Field(() => Float, { description: "Engineer-hours of orders already open, spread evenly from the week their bidding closes to their needed-by week (as in the heat-map's outlook)." })
  openOrderHours!: number;

  @Field(() => Float, { description: "The weekly hours of the active engineers of the park's offering contractors who hold the capability." })
  availableHours!: number;

  @Field(() => Float, { description: "Hours already booked on those engineers this week." })
  bookedHours!: number;

  @Field(() => Float, { description: "availableHours - bookedHours, at least 0." })
  freeHours!: number;

  @Field(() => Float, {
    description: "Demand from the first week to this one (open orders and forecast) beyond the free hours of the same weeks; 0 while it fits. Work posted may be done in any later free week, so the sums are compared, not single weeks.",
  })
  shortfallHours!: number;

  @Field(() => Float, { description: `The same with the sum of the forecast at the upper end of its ${INTERVAL_PERCENT} % interval (the weeks' errors taken as independent).` })
  shortfallHoursAtUpper!: number;

  @Field(() => Boolean, { description: "Whether shortfallHours is above 0: the capability runs short by this week." })
  runsShort!: boolean;
}

@ObjectType({
  description:
    "How well the method forecast this capability's own history: a rolling-origin backtest (refitted at every week from the twelfth, forecasting up to the horizon), against the naive forecast that repeats the last week.",
})
export class ForecastBacktest {
  @Field(() => GraphQLSafeInt, { description: "Forecast origins tried." })
  origins!: number;

  @Field(() => GraphQLSafeInt, { description: "Forecast-actual pairs compared." })
  points!: number;

  @Field(() => Float, { nullable: true, description: "Mean absolute percentage error of the method over the weeks whose actual demand is not 0, to one decimal; null when there are none." })
  mapePercent!: number | null;

  @Field(() => Float, { nullable: true, description: "The same for the naive forecast." })
  naiveMapePercent!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean absolute error of the method in engineer-hours, over every pair; null when there are none." })
  meanAbsoluteErrorHours!: number | null;

  @Field(() => Float, { nullable: true, description: "The same for the naive forecast." })
  naiveMeanAbsoluteErrorHours!: number | null;

  @Field(() => GraphQLSafeInt, { description: "Origins with a whole horizon of weeks after them, whose totals are compared." })
  totalOrigins!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean absolute percentage error of the horizon's total demand (what capacity must absorb), to one decimal: the figure that matters for lumpy demand, whose single weeks no method forecasts well. Null when no origin has a whole horizon after it.",
  })
  totalMapePercent!: number | null;

  @Field(() => Float, { nullable: true, description: "The same for the naive forecast (the last week times the horizon)." })
  naiveTotalMapePercent!: number | null;
}

@ObjectType({ description: "One capability's demand: its history, the forecast and whether the engineers who hold it can take it." })
export class CapabilityDemandForecast {
  series!: number[];
  horizon!: number;

  @Field(() => Capability, { description: "The capability." })
  capability!: Capability;

  @Field(() => GraphQLSafeInt, { description: "Contract companies of the park with an active offer of it." })
  contractorCount!: number;

  @Field(() => Float, { description: "The mean engineer-hours per unit of the park's active offers of it: what one ordered unit counts." })
  hoursPerUnit!: number;

  @Field(() => ForecastMethod, { description: "How the forecast was made." })
  method!: ForecastMethod;

  @Field(() => [DemandWeek], { description: "The complete weeks of history the forecast learned from, oldest first, from the first with demand." })
  history!: DemandWeek[];

  @Field(() => [ForecastWeek], { description: "The coming weeks, the current one first." })
  weeks!: ForecastWeek[];

  @Field(() => Boolean, { description: "Whether some coming week runs short." })
  runsShort!: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "The Monday of the first week that runs short; null when none does." })
  firstShortWeek!: string | null;

  @Field(() => Boolean, { description: "Whether some coming week runs short with the forecast at the upper end of its interval." })
  runsShortAtUpper!: boolean;
}

@ObjectType({ description: "Demand forecast per capability against the capacity of the engineers who hold it: what will run short in a park. The coordinator, investors, banks and universities." })
export class DemandForecast {
  @Field(() => Park, { description: "The park." })
  park!: Park;

  @Field(() => GraphQLLocalDate, { description: "Today, the date the forecast is made." })
  asOf!: string;

  @Field(() => GraphQLLocalDate, { description: "The Monday the history starts on (it ends with last week)." })
  historyFrom!: string;

  @Field(() => GraphQLSafeInt, { description: "Weeks forecast, the current one included." })
  horizonWeeks!: number;

  @Field(() => GraphQLSafeInt, { description: `The coverage of each forecast's interval, in percent (${INTERVAL_PERCENT}).` })
  intervalPercent!: number;

  @Field(() => [CapabilityDemandForecast], { description: "One row per capability offered in the park (for all but the coordinator, by two contractors or more): those running short soonest first, then by code." })
  capabilities!: CapabilityDemandForecast[];

  @Field(() => GraphQLSafeInt, { description: "Capabilities left out because only one contractor offers them: its row would be that company's load, which only the coordinator sees. 0 for the coordinator." })
  withheldCapabilities!: number;
}

const hours = (centihours: number) => toHours(Math.round(centihours));

function toForecastWeek(w: ForecastWeekFigures): ForecastWeek {
  return Object.assign(new ForecastWeek(), {
    weekStart: w.week,
    week: isoWeekLabel(w.week),
    forecastHours: hours(w.forecast),
    lowerHours: hours(w.lower),
    upperHours: hours(w.upper),
    openOrderHours: hours(w.openOrders),
    availableHours: hours(w.capacity),
    bookedHours: hours(w.booked),
    freeHours: hours(w.free),
    shortfallHours: hours(w.shortfall),
    shortfallHoursAtUpper: hours(w.shortfallAtUpper),
    runsShort: w.shortfall > 0,
  });
}

function toCapabilityForecast(row: CapabilityForecastFigures, horizon: number): CapabilityDemandForecast {
  const short = row.weeks.find((w) => w.shortfall > 0);
  return Object.assign(new CapabilityDemandForecast(), {
    series: row.history.map((h) => h.demand),
    horizon,
    capability: toCapability(row.capability),
    contractorCount: row.contractorCount,
    hoursPerUnit: toHours(row.centihoursPerUnit),
    method: row.forecast.method as Method as ForecastMethod,
    history: row.history.map((h) => Object.assign(new DemandWeek(), { weekStart: h.week, week: isoWeekLabel(h.week), demandHours: hours(h.demand) })),
    weeks: row.weeks.map(toForecastWeek),
    runsShort: short !== undefined,
    firstShortWeek: short?.week ?? null,
    runsShortAtUpper: row.weeks.some((w) => w.shortfallAtUpper > 0),
  });
}

export function toDemandForecast(f: DemandForecastFigures): DemandForecast {
  return Object.assign(new DemandForecast(), {
    park: toPark(f.park),
    asOf: f.asOf,
    historyFrom: f.historyFrom,
    horizonWeeks: f.horizon,
    intervalPercent: INTERVAL_PERCENT,
    capabilities: f.capabilities.map((row) => toCapabilityForecast(row, f.horizon)),
    withheldCapabilities: f.withheld,
  });
}
