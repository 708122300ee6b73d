import { BenchmarkComparison } from "./benchmark.type";
import type { ReportService } from "../reports/report.service";
import { toCapability, Capability } from "./capability.type";
import { toPark, Park } from "./park.type";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import { Company } from "./company.type";
import { Engineer } from "./engineer.type";
import { ConnectionType } from "../graphql/connection";
import { Money } from "../graphql/money";
import { CapabilityOffer } from "./capability-offer.type";
import { toHours, utilisationOf } from "../capacity/hours";
import { isoWeekLabel } from "../capacity/weeks";

@ObjectType({ description: "Booked against available engineer-hours in one ISO week." })
export class WeekLoad {
  @Field(() => GraphQLLocalDate, { description: "The Monday the week starts on." })
  weekStart!: string;

  @Field(() => String, { description: 'The ISO week, e.g. "2026-W48".' })
  week!: string;

  @Field(() => Float, { description: "Engineer-hours booked, exact to 0.01." })
  bookedHours!: number;

  @Field(() => Float, { description: "Engineer-hours available: the weekly hours of active engineers." })
  availableHours!: number;

  @Field(() => Float, {
    description: "bookedHours / availableHours, rounded to 4 decimals (0 when nothing is available). 1 means fully booked.",
  })
  utilisation!: number;
}

export function toWeekLoad(weekStart: string, bookedCentihours: number, availableCentihours: number): WeekLoad {
  return Object.assign(new WeekLoad(), {
    weekStart,
    week: isoWeekLabel(weekStart),
    bookedHours: toHours(bookedCentihours),
    availableHours: toHours(availableCentihours),
    utilisation: utilisationOf(bookedCentihours, availableCentihours),
  });
}

@ObjectType({ description: "One engineer's load, week by week." })
export class EngineerLoad {
  @Field(() => Engineer, { description: "The engineer." })
  engineer!: Engineer;

  @Field(() => Float, { description: "Engineer-hours booked over the whole window." })
  bookedHours!: number;

  @Field(() => [WeekLoad], { description: "One entry per week of the report's window, in order." })
  weeks!: WeekLoad[];
}

export const EngineerLoadConnection = ConnectionType("EngineerLoad", EngineerLoad, "A page of engineers' loads, by engineer id.");

@ObjectType({ description: "A contract company's load in one capability it offers: the hours of its engineers who hold it, against what is booked on them." })
export class OfferedCapabilityLoad {
  @Field(() => Capability, { description: "The capability." })
  capability!: Capability;

  @Field(() => [WeekLoad], { description: "Booked against the holders' hours, one entry per week of the window (an engineer holding two capabilities counts in both)." })
  weeks!: WeekLoad[];

  @Field(() => Float, { description: "The highest weekly utilisation in the window." })
  peakUtilisation!: number;

  @Field(() => Boolean, { description: "Whether some week reaches the report's threshold: this capability runs short." })
  runsShort!: boolean;
}

@ObjectType({ description: "A contract company's booked load against its capacity over a window of weeks." })
export class LoadReport {
  companyDbId!: number;
  windowWeeks!: string[];

  @Field(() => Company, { description: "The contract company." })
  company!: Company;

  @Field(() => GraphQLLocalDate, { description: "The date the report is as of; its window starts on that date's week." })
  asOf!: string;

  @Field(() => Float, { description: "The utilisation counted as fully booked for weeksBookedAhead (1 = 100 %)." })
  threshold!: number;

  @Field(() => [WeekLoad], { description: "The company's totals, one entry per week of the window, in order." })
  weeks!: WeekLoad[];

  @Field(() => GraphQLSafeInt, {
    description: "How many weeks in a row, from the first of the window, the company is booked at or above the threshold.",
  })
  weeksBookedAhead!: number;

  @Field(() => [OfferedCapabilityLoad], { description: "The load per capability the company actively offers, by capability id: which of them runs short." })
  capabilities!: OfferedCapabilityLoad[];

  @Field(() => [BenchmarkComparison], { description: "weeksBookedAhead beside the reference contract company's 26 weeks (counted within the report's window: ask for 26 weeks or more)." })
  benchmarks!: BenchmarkComparison[];
}

@ObjectType({ description: "Load of the contract companies that offer one capability, week by week." })
export class CapabilityLoad {
  @Field(() => Capability, { description: "The capability." })
  capability!: Capability;

  @Field(() => GraphQLSafeInt, { description: "Contract companies of the park with an active offer of it." })
  contractorCount!: number;

  @Field(() => [WeekLoad], { description: "Their booked hours against their engineers' hours, per week of the window." })
  weeks!: WeekLoad[];

  @Field(() => Float, { description: "The highest weekly utilisation in the window." })
  peakUtilisation!: number;

  @Field(() => Boolean, { description: "Whether some week reaches the threshold: the capability is running short of capacity." })
  runsShort!: boolean;

  @Field(() => GraphQLSafeInt, { description: "Open orders for this capability that reached the park's contractors (posted by the park's companies, or bid on by its contractors, whichever park posted them): neither awarded, cancelled nor expired." })
  openOrders!: number;

  @Field(() => Float, {
    description: "The engineer-hours those orders would take, at the mean hours per unit of the park's active offers of the capability.",
  })
  openOrderHours!: number;

  @Field(() => [WeekLoad], {
    description:
      "The load if the park's contractors win the open orders: booked hours plus each open order's hours, spread evenly over the weeks from the one its bidding closes in (or this week) to its needed-by week.",
  })
  outlook!: WeekLoad[];

  @Field(() => Boolean, { description: "Whether some week of the outlook reaches the threshold: the capability will run short if the open orders are won here." })
  runsShortWithOpenOrders!: boolean;
}

@ObjectType({ description: "Utilisation per capability per week across a park: the cluster development centre's heat-map." })
export class CapacityHeatMap {
  @Field(() => Park, { description: "The park." })
  park!: Park;

  @Field(() => GraphQLLocalDate, { description: "The date the map is as of." })
  asOf!: string;

  @Field(() => Float, { description: "The utilisation from which a capability counts as running short." })
  threshold!: number;

  @Field(() => [CapabilityLoad], { description: "One row per capability offered in the park (for all but the coordinator, by two contractors or more), the most loaded first." })
  capabilities!: CapabilityLoad[];

  @Field(() => GraphQLSafeInt, { description: "Capabilities left out because only one contractor offers them: its row would be that company's load, which only the coordinator sees. 0 for the coordinator." })
  withheldCapabilities!: number;
}

@ObjectType({ description: "What a contractor's offer and free capacity give for an order now: price and earliest completion." })
export class InstantQuote {
  @Field(() => Company, { description: "The contract company." })
  company!: Company;

  @Field(() => CapabilityOffer, { description: "The offer the price comes from." })
  capabilityOffer!: CapabilityOffer;

  @Field(() => GraphQLSafeInt, { description: "Units quoted: the quantity asked, capped at the offer's maximum lot." })
  quantity!: number;

  @Field(() => Money, { description: "The offer's unit price." })
  unitPrice!: Money;

  @Field(() => Money, { description: "quantity x unitPrice, exact." })
  totalPrice!: Money;

  @Field(() => Float, { nullable: true, description: "Engineer-hours the work takes at the offer's hours per unit: the contractor's internal figure. Null unless you are the contractor or the coordinator." })
  engineerHours!: number | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "The earliest date the work can be done: the end of the week its free capacity covers it, and no sooner than the offer's minimum lead time. Null when it cannot be quoted.",
  })
  earliestCompletionDate!: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "Days from the as-of date to earliestCompletionDate." })
  leadTimeDays!: number | null;

  @Field(() => Boolean, { description: "Whether earliestCompletionDate is on or before the order's needed-by date." })
  meetsNeededBy!: boolean;

  @Field(() => String, { description: "How the quote was made, e.g. capped at the maximum lot, or why there is none." })
  note!: string;
}

@ObjectType({ description: "A contract's work on one engineer in one ISO week." })
export class Booking {
  id!: number;

  @Field(() => Engineer, { description: "The engineer." })
  engineer!: Engineer;

  @Field(() => GraphQLLocalDate, { description: "The Monday of the week." })
  weekStart!: string;

  @Field(() => String, { description: 'The ISO week, e.g. "2026-W48".' })
  week!: string;

  @Field(() => Float, { description: "Engineer-hours booked." })
  hours!: number;
}

export const BookingConnection = ConnectionType("Booking", Booking, "A page of a contract's bookings, in the order they were made.");

/** A park's heat-map (ReportService.heatMap) as GraphQL objects. */
export function toCapacityHeatMap(map: Awaited<ReturnType<ReportService["heatMap"]>>): CapacityHeatMap {
  const capabilities = map.rows.map((row) =>
    Object.assign(new CapabilityLoad(), {
      capability: toCapability(row.capability),
      contractorCount: row.contractorCount,
      weeks: map.window.weeks.map((week, w) => toWeekLoad(week, row.bookedByWeek[w], row.available)),
      peakUtilisation: row.peakUtilisation,
      runsShort: row.runsShort,
      openOrders: row.openOrders,
      openOrderHours: toHours(row.openOrderCentihours),
      outlook: map.window.weeks.map((week, w) => toWeekLoad(week, row.bookedByWeek[w] + row.demandByWeek[w], row.available)),
      runsShortWithOpenOrders: row.runsShortWithOpenOrders,
    }),
  );
  return Object.assign(new CapacityHeatMap(), { park: toPark(map.park), asOf: map.window.asOf, threshold: map.threshold, capabilities, withheldCapabilities: map.withheld });
}
