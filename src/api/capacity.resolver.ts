import { sees } from "../access/policy";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Arg, Args, Ctx, Extensions, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { BidPayload } from "./bid.payloads";
import { toBid } from "./bid.type";
import { loadCapability } from "./capability-field";
import { loadCompany } from "./company-field";
import { toCompany } from "./company.type";
import type { Context } from "./context";
import { Contract, toContract } from "./contract.type";
import { toEngineer } from "./engineer.type";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { type Currency, toMoney } from "../graphql/money";
import { toCapabilityOffer } from "./capability-offer.type";
import { Order } from "./order.type";
import { toPark } from "./park.type";
import { BidFromInstantQuoteInput } from "../bids/bid.inputs";
import { ReassignWorkInput } from "../contracts/contract.inputs";
import { ReassignWorkPayload } from "./capacity.payloads";
import { Booking, BookingConnection, CapabilityLoad, CapacityHeatMap, EngineerLoad, EngineerLoadConnection, InstantQuote, LoadReport, toWeekLoad } from "./capacity.type";
import { toHours } from "../capacity/hours";
import { isoWeekLabel } from "../capacity/weeks";
import { bookedKey } from "../capacity/booking";

const weeksArg = { nullable: true, description: "How many weeks the window spans, 1 to 104 (default 26)." } as const;
const asOfArg = { nullable: true, description: "The date to report as of (default today, Europe/Moscow); the window starts on its week." } as const;
const thresholdArg = { nullable: true, description: "The utilisation that counts as fully booked, above 0 and at most 10 (default 1 = 100 %)." } as const;

@Resolver(() => LoadReport)
export class LoadReportResolver {
  @Extensions(fieldCost(REPORT_COST.loadReport))
  @Query(() => LoadReport, {
    description: "A contract company's booked load against its engineers' hours, week by week. Its members and the coordinator.",
  })
  async loadReport(
    @Arg("companyId", () => ID, { nullable: true, description: "The contract company; defaults to your own." }) companyId: string | null,
    @Arg("asOf", () => GraphQLLocalDate, asOfArg) asOf: string | null,
    @Arg("weeks", () => Int, weeksArg) weeks: number | null,
    @Arg("threshold", () => Float, thresholdArg) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<LoadReport> {
    const load = await ctx.services.capacity.companyLoad(ctx, { companyId, asOf, weeks, threshold });
    return Object.assign(new LoadReport(), {
      companyDbId: load.company.id,
      windowWeeks: load.window.weeks,
      company: toCompany(load.company),
      asOf: load.window.asOf,
      threshold: load.threshold,
      weeks: load.window.weeks.map((week, i) => toWeekLoad(week, load.bookedByWeek[i], load.capacity)),
      weeksBookedAhead: load.weeksBookedAhead,
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
    });
  }

  @Extensions(fieldCost(REPORT_COST.capacityHeatMap))
  @Query(() => CapacityHeatMap, {
    description: "Utilisation per capability per week across a park, flagging capabilities that run short. The coordinator and investors.",
  })
  async capacityHeatMap(
    @Arg("parkId", () => ID, { description: "The park." }) parkId: string,
    @Arg("asOf", () => GraphQLLocalDate, asOfArg) asOf: string | null,
    @Arg("weeks", () => Int, weeksArg) weeks: number | null,
    @Arg("threshold", () => Float, thresholdArg) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<CapacityHeatMap> {
    return capacityHeatMap(ctx, { parkId, asOf, weeks, threshold });
  }
}

/** The heat-map of a park as GraphQL objects; capacityHeatMap and clusterAnalytics.capacityOutlook share it. */
export async function capacityHeatMap(
  ctx: Context,
  args: { parkId: string; asOf: string | null; weeks: number | null; threshold: number | null },
): Promise<CapacityHeatMap> {
  const map = await ctx.services.reports.heatMap(ctx, args);
  const capabilities = await Promise.all(map.rows.map((row) => loadCapability(ctx, row.capabilityId)));
  const rows = map.rows.map((row, i) => {
    const loads = map.window.weeks.map((week, w) => toWeekLoad(week, row.bookedByWeek[w], row.available));
    const outlook = map.window.weeks.map((week, w) => toWeekLoad(week, row.bookedByWeek[w] + row.demandByWeek[w], row.available));
    const peak = Math.max(0, ...loads.map((l) => l.utilisation));
    return Object.assign(new CapabilityLoad(), {
      capability: capabilities[i],
      contractorCount: row.contractorCount,
      weeks: loads,
      peakUtilisation: peak,
      runsShort: peak >= map.threshold,
      openOrders: row.openOrders,
      openOrderHours: toHours(row.openOrderCentihours),
      outlook,
      runsShortWithOpenOrders: outlook.some((l) => l.utilisation >= map.threshold),
    });
  });
  rows.sort((a, b) => b.peakUtilisation - a.peakUtilisation || a.capability.code.localeCompare(b.capability.code));
  return Object.assign(new CapacityHeatMap(), { park: toPark(map.park), asOf: map.window.asOf, threshold: map.threshold, capabilities: rows });
}

@Resolver(() => Order)
export class OrderQuotesResolver {
  @Extensions(fieldCost(REPORT_COST.instantQuotes))
  @FieldResolver(() => [InstantQuote], {
    description:
      "For every contractor with an active offer of the order's capability: its price and the earliest completion its free capacity allows, soonest first. The owner and the coordinator see all; a contractor its own.",
  })
  async instantQuotes(
    @Root() order: Order,
    @Arg("quantity", () => GraphQLSafeInt, { nullable: true, description: "Units to quote for, 1 to the order's quantity (default all)." }) quantity: number | null,
    @Arg("asOf", () => GraphQLLocalDate, { nullable: true, description: "The date to quote as of (default today)." }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<InstantQuote[]> {
    const seesAll = sees(ctx.viewer, "Order.everyBid", { owner: order.companyDbId });
    const quotes = await ctx.services.capacity.instantQuotes(ctx, order.row, { quantity, asOf }, seesAll);
    return Promise.all(
      quotes.map(async (q) => {
        const currency = q.offer.currency as Currency;
        return Object.assign(new InstantQuote(), {
          company: await loadCompany(ctx, q.offer.companyId),
          capabilityOffer: toCapabilityOffer(q.offer),
          quantity: q.quantity,
          unitPrice: toMoney(q.offer.unitPriceMinor, currency),
          totalPrice: toMoney(BigInt(q.quantity) * BigInt(q.offer.unitPriceMinor), currency),
          engineerHours: sees(ctx.viewer, "CapabilityOffer.engineerHoursPerUnit", { owner: q.offer.companyId }) ? toHours(q.centihours) : null,
          earliestCompletionDate: q.completion,
          leadTimeDays: q.leadTimeDays,
          meetsNeededBy: q.completion !== null && q.completion <= order.neededBy,
          note: q.note,
        });
      }),
    );
  }
}

@Resolver(() => Contract)
export class ContractBookingsResolver {
  @FieldResolver(() => Float, { description: "Engineer-hours booked for the contract: quantity x hours per unit while it is live, 0 once cancelled." })
  bookedHours(@Root() contract: Contract, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.bookedCentihoursByContract.load(contract.dbId).then(toHours);
  }

  @FieldResolver(() => BookingConnection, {
    nullable: true,
    description: "Which engineer works on the contract in which week. Null unless you are the contractor or the coordinator.",
  })
  async bookings(@Root() contract: Contract, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Booking> | null> {
    if (!sees(ctx.viewer, "Contract.engineerHours", { owner: contract.contractorDbId })) return null;
    const page = pageRequest(args);
    const rows = await ctx.loaders.bookingsByContract.load({ parentId: contract.dbId, page, filter: null });
    const engineers = await Promise.all(rows.map((row) => ctx.loaders.engineerById.load(row.engineerId)));
    const byId = new Map(engineers.filter((e) => e !== undefined).map((e) => [e.id, e]));
    return toConnection(rows, page, (row) =>
      Object.assign(new Booking(), {
        id: row.id,
        engineer: toEngineer(byId.get(row.engineerId)!),
        weekStart: row.week,
        week: isoWeekLabel(row.week),
        hours: toHours(row.centihours),
      }),
    );
  }

  @Mutation(() => ReassignWorkPayload, {
    description: "Moves a contract's booked hours in one week from one engineer to another of the same company, within free hours.",
  })
  async reassignWork(@Arg("input", () => ReassignWorkInput, { description: "The mutation's input; its type describes each field." }) input: ReassignWorkInput, @Ctx() ctx: Context): Promise<ReassignWorkPayload> {
    return payloadOf(
      ctx.services.contracts.reassignWork(ctx, input),
      (contract) => ({ contract: toContract(contract) }),
      { contract: null },
    );
  }

  @Mutation(() => BidPayload, { description: "Turns your instant quote for an open order into a bid, in one step." })
  bidFromInstantQuote(
    @Arg("input", () => BidFromInstantQuoteInput, { description: "The mutation's input; its type describes each field." }) input: BidFromInstantQuoteInput,
    @Ctx() ctx: Context,
  ): Promise<BidPayload> {
    return payloadOf(ctx.services.bids.fromInstantQuote(ctx, input), (row) => ({ bid: toBid(row) }), { bid: null });
  }
}
