import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import { openOrderDemand } from "../capacity/capacity.service";
import { capacityByCapability } from "./park-capacity";
import { addWeeks, weekNumber, weekStart, weeksFrom } from "../capacity/weeks";
import { gate, seesAggregate } from "../access/policy";
import type { RequestContext } from "../core/request-context";
import type { CapabilityRow, ParkRow } from "../db/schema";
import { badUserInput } from "../graphql/errors";
import { parkOrNotFound } from "../parks/park.service";
import { groupBy } from "../shared/group-by";
import { localDate } from "../shared/time";
import { forecastSeries, INTERVAL_Z, type SeriesForecast } from "./forecast";
import { openOrderGroups, postedUnitsByWeek } from "./forecast.repository";

export const DEFAULT_HORIZON_WEEKS = 26;
export const MAX_HORIZON_WEEKS = 52;
export const DEFAULT_HISTORY_WEEKS = 104;
export const MAX_HISTORY_WEEKS = 260;

/** One future week of a capability's forecast, in centihours. */
export interface ForecastWeekFigures {
  week: string;
  forecast: number;
  lower: number;
  upper: number;
  openOrders: number;
  capacity: number;
  booked: number;
  free: number;
  /** Demand (open orders and forecast) from the first week to this one beyond the free hours of the same weeks; 0 when it fits. */
  shortfall: number;
  shortfallAtUpper: number;
}

export interface CapabilityForecastFigures {
  capability: CapabilityRow;
  contractorCount: number;
  centihoursPerUnit: number;
  /** Complete weeks of history, oldest first, from the first with demand: [Monday, centihours posted]. */
  history: { week: string; demand: number }[];
  forecast: SeriesForecast;
  weeks: ForecastWeekFigures[];
}

export interface DemandForecastFigures {
  park: ParkRow;
  asOf: string;
  historyFrom: string;
  horizon: number;
  capabilities: CapabilityForecastFigures[];
  /** Capabilities left out because fewer companies offer them than a viewer other than the coordinator may see a figure of. */
  withheld: number;
}

const weeksArg = (value: number | null | undefined, fallback: number, min: number, max: number, name: string): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badUserInput(`${name} must be from ${min} to ${max}.`, name);
  return n;
};

/**
 * The cluster development centre's demand forecast: engineer-hours posted per capability per
 * week, learned from the orders that reached the park's contractors, forecast ahead
 * (src/reports/forecast.ts) against the free hours of the engineers who hold each capability.
 */
export class ForecastService {
  /** Six statements: the units posted by week, the open orders grouped by weeks, the offers, the holders' capacity and bookings, the capabilities. */
  async demandForecast(ctx: RequestContext, args: { parkId: string; weeks?: number | null; historyWeeks?: number | null }): Promise<DemandForecastFigures> {
    gate(ctx.viewer, "demandForecast");
    const horizon = weeksArg(args.weeks, DEFAULT_HORIZON_WEEKS, 1, MAX_HORIZON_WEEKS, "weeks");
    const historyWeeks = weeksArg(args.historyWeeks, DEFAULT_HISTORY_WEEKS, 1, MAX_HISTORY_WEEKS, "historyWeeks");
    const park = await parkOrNotFound(ctx.db, args.parkId);
    const asOf = localDate(ctx.now);
    const thisWeek = weekStart(asOf);
    const historyFrom = addWeeks(thisWeek, -historyWeeks);
    const future = weeksFrom(thisWeek, addWeeks(thisWeek, horizon - 1));

    const posted = groupBy(await postedUnitsByWeek(ctx.db, park.id, new Date(`${historyFrom}T00:00:00+03:00`)), (row) => row.capabilityId);
    const open = groupBy(await openOrderGroups(ctx.db, park.id, ctx.now), (group) => group.capabilityId);
    const all = await capacityByCapability(ctx.db, park.id, future);
    const capabilities = new Map((await findCapabilitiesByIds(ctx.db, all.map((c) => c.capabilityId))).map((c) => [c.id, c]));

    const firstWeek = weekNumber(historyFrom);
    // A capability of one contractor is that company's load: the coordinator's to see only.
    const shown = all.filter((c) => seesAggregate(ctx.viewer, c.contractorCount));
    const rows = shown.map(({ capabilityId, contractorCount, meanCentihoursPerUnit: centihoursPerUnit, available, bookedByWeek }): CapabilityForecastFigures => {
      // Demand per complete week of history, by the week the orders were posted in.
      const weekly = Array.from({ length: historyWeeks }, () => 0);
      for (const { week, units } of posted.get(capabilityId) ?? []) {
        const w = week - firstWeek;
        if (w >= 0 && w < historyWeeks) weekly[w] += units * centihoursPerUnit;
      }
      const start = weekly.findIndex((d) => d > 0);
      const series = start < 0 ? [] : weekly.slice(start);
      const history = series.map((demand, i) => ({ week: addWeeks(historyFrom, start + i), demand }));
      const forecast = forecastSeries(series, horizon);
      const openDemand = openOrderDemand(open.get(capabilityId) ?? [], centihoursPerUnit, { asOf, weeks: future }).demandByWeek;
      let demandSoFar = 0;
      let varianceSoFar = 0;
      let freeSoFar = 0;
      const weeks = future.map((week, w): ForecastWeekFigures => {
        const onHolders = bookedByWeek[w];
        const free = Math.max(0, available - onHolders);
        const [mean, lower, upper] = [forecast.mean[w], forecast.lower[w], forecast.upper[w]].map(Math.round);
        demandSoFar += openDemand[w] + forecast.mean[w];
        varianceSoFar += forecast.variance[w];
        freeSoFar += free;
        return {
          week,
          forecast: mean,
          lower,
          upper,
          openOrders: openDemand[w],
          capacity: available,
          booked: onHolders,
          free,
          shortfall: Math.max(0, Math.round(demandSoFar - freeSoFar)),
          // The upper end of the sum's interval, the weeks' errors taken as independent.
          shortfallAtUpper: Math.max(0, Math.round(demandSoFar + INTERVAL_Z * Math.sqrt(varianceSoFar) - freeSoFar)),
        };
      });
      return { capability: capabilities.get(capabilityId)!, contractorCount, centihoursPerUnit, history, forecast, weeks };
    });
    // Those running short soonest first, then by the capability's code.
    const firstShort = (row: CapabilityForecastFigures) => {
      const w = row.weeks.findIndex((week) => week.shortfall > 0);
      return w < 0 ? Infinity : w;
    };
    rows.sort((a, b) => firstShort(a) - firstShort(b) || a.capability.code.localeCompare(b.capability.code));
    return { park, asOf, historyFrom, horizon, capabilities: rows, withheld: all.length - shown.length };
  }
}
