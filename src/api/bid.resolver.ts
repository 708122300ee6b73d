import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from "type-graphql";
import { Company } from "./company.type";
import { BidFromInstantQuoteInput, BidFilter, BidOrder, BidSortField, ReviseBidInput, SubmitBidInput, WithdrawBidInput } from "../bids/bid.inputs";
import { BID_SORTS } from "../bids/bid.repository";
import { sortOf } from "./sort";
import { sees } from "../access/policy";
import { loadCompany } from "./company-field";
import type { Context } from "./context";
import { PageArgs, pageRequest, sortedPageRequest, toConnection, toSortedConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { loadOrder } from "./order-field";
import { Order } from "./order.type";
import { BidPayload } from "./bid.payloads";
import { bidStatusAt, type BidDisplayStatus } from "../bids/bid-state";
import { Bid, BidCapacityCheck, BidConnection, BidRevisionConnection, BidTerms, toBid, toBidRevision, type BidRevision } from "./bid.type";
import { BidStatus } from "../bids/bid-status";

@Resolver(() => Bid)
export class BidResolver {
  @Query(() => BidConnection, { nullable: true, description: "Your contract company's bids, newest first unless orderBy says otherwise." })
  async myBids(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => BidFilter, { nullable: true, description: "Narrows the list." }) filter: BidFilter | null,
    @Arg("orderBy", () => BidOrder, { nullable: true, description: "Sort; default newest first (CREATED_AT, DESC)." }) orderBy: BidOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Bid>> {
    const sort = sortOf(orderBy, BidSortField.CREATED_AT);
    const page = sortedPageRequest(args, BID_SORTS[sort.field].type);
    const { rows, count } = await ctx.services.bids.listOwn(ctx, filter ?? {}, sort, page);
    return toSortedConnection(rows, page, BID_SORTS[sort.field].valueOf, toBid, count);
  }

  @FieldResolver(() => BidStatus, { description: "Where the bid is in its life." })
  status(@Root() bid: Bid, @Ctx() ctx: Context): BidDisplayStatus {
    return bidStatusAt({ status: bid.storedStatus, validUntil: bid.validUntil }, ctx.now);
  }

  @FieldResolver(() => BidCapacityCheck, {
    nullable: true,
    description:
      "For the bidder and the coordinator, while the bid is live: whether its contractor's free engineer-hours in the order's capability complete its units by the date an award today would promise. Null otherwise, and for a stage of a production chain (its lead time counts from its inputs' arrival).",
  })
  async capacityCheck(@Root() bid: Bid, @Ctx() ctx: Context): Promise<BidCapacityCheck | null> {
    if (!sees(ctx.viewer, "Bid.engineerHoursPerUnit", { owner: bid.companyDbId })) return null;
    if (bidStatusAt({ status: bid.storedStatus, validUntil: bid.validUntil }, ctx.now) !== "LIVE") return null;
    const order = await ctx.loaders.orderById.load(bid.orderDbId);
    if (!order || order.chainId !== null) return null;
    const { units, promisedDate } = await ctx.services.capacity.coverableUnits(ctx, { companyId: bid.companyDbId, leadTimeDays: bid.terms.leadTimeDays, centihoursPerUnit: bid.terms.centihoursPerUnit }, order);
    const { minLot, maxQuantity } = bid.terms;
    const warning =
      units >= maxQuantity
        ? null
        : units < minLot
          ? `Your engineers who hold this capability have free hours for ${units} units by ${promisedDate}, below the bid's minimum lot of ${minLot}: an award today would be refused for capacity. Lengthen the lead time or free engineer-hours.`
          : `Your engineers who hold this capability have free hours for ${units} of the bid's up to ${maxQuantity} units by ${promisedDate}: an award above ${units} units today would be refused for capacity.`;
    return Object.assign(new BidCapacityCheck(), { promisedDate, coverableUnits: units, coversMaximum: units >= maxQuantity, warning });
  }

  @FieldResolver(() => Order, { description: "The order bid on." })
  order(@Root() bid: Bid, @Ctx() ctx: Context): Promise<Order> {
    return loadOrder(ctx, bid.orderDbId);
  }

  @FieldResolver(() => Company, { description: "The contract company that bid." })
  company(@Root() bid: Bid, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, bid.companyDbId);
  }

  @FieldResolver(() => BidRevisionConnection, { description: "Every set of terms the bid had, oldest first." })
  async revisions(@Root() bid: Bid, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<BidRevision>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.revisionsByBid.load({ parentId: bid.dbId, page, filter: null });
    return toConnection(rows, page, (row) => toBidRevision(row, bid.companyDbId), () => ctx.loaders.revisionsByBid.countOf(bid.dbId, null));
  }

  @Mutation(() => BidPayload, { description: "A contract company bids on an open order. Members of contract companies only." })
  submitBid(@Arg("input", () => SubmitBidInput, { description: "The mutation's input; its type describes each field." }) input: SubmitBidInput, @Ctx() ctx: Context): Promise<BidPayload> {
    return payloadOf(ctx.services.bids.submit(ctx, input), (row) => ({ bid: toBid(row) }), { bid: null });
  }

  @Mutation(() => BidPayload, { description: "New terms for your live bid while bidding is open; the history of revisions is kept." })
  reviseBid(@Arg("input", () => ReviseBidInput, { description: "The mutation's input; its type describes each field." }) input: ReviseBidInput, @Ctx() ctx: Context): Promise<BidPayload> {
    return payloadOf(ctx.services.bids.revise(ctx, input), (row) => ({ bid: toBid(row) }), { bid: null });
  }

  @Mutation(() => BidPayload, { description: "Withdraws your live bid while the order is open." })
  withdrawBid(@Arg("input", () => WithdrawBidInput, { description: "The mutation's input; its type describes each field." }) input: WithdrawBidInput, @Ctx() ctx: Context): Promise<BidPayload> {
    return payloadOf(ctx.services.bids.withdraw(ctx, input), (row) => ({ bid: toBid(row) }), { bid: null });
  }

  @Mutation(() => BidPayload, { description: "Turns your instant quote for an open order into a bid, in one step." })
  bidFromInstantQuote(
    @Arg("input", () => BidFromInstantQuoteInput, { description: "The mutation's input; its type describes each field." }) input: BidFromInstantQuoteInput,
    @Ctx() ctx: Context,
  ): Promise<BidPayload> {
    return payloadOf(ctx.services.bids.fromInstantQuote(ctx, input), (row) => ({ bid: toBid(row) }), { bid: null });
  }
}

@Resolver(() => BidTerms)
export class BidTermsResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "Engineer-hours per unit the contractor plans: its internal figure. Null unless you are the contractor or the coordinator.",
  })
  engineerHoursPerUnit(@Root() terms: BidTerms, @Ctx() ctx: Context): number | null {
    return sees(ctx.viewer, "Bid.engineerHoursPerUnit", { owner: terms.contractorDbId }) ? terms.centihoursPerUnit / 100 : null;
  }
}
