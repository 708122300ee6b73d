import { ReorderCancelledUnitsInput } from "../contracts/contract.inputs";
import { toMatchPlans } from "./matching.resolver";
import { MatchPlans } from "./matching.type";
import { Extensions, Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { type Connection, PageArgs, pageRequest, sortedPageRequest, toConnection, toSortedConnection } from "../graphql/connection";
import { Money, MoneyInput, type Currency, toMoney } from "../graphql/money";
import { Order, OrderConnection, type OrderEvent, OrderEventConnection, toOrder, toOrderEvent } from "./order.type";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { Company } from "./company.type";
import { toCapabilityOffer } from "./capability-offer.type";
import { InstantQuote } from "./capacity.type";
import { toHours } from "../capacity/hours";
import { sees } from "../access/policy";
import { BidConnection, toBid, type Bid } from "./bid.type";
import { loadCapability } from "./capability-field";
import { Capability } from "./capability.type";
import { loadCompany } from "./company-field";
import type { Context } from "./context";
import { Contract, ContractConnection, toContract } from "./contract.type";
import { payloadOf, UserError } from "../graphql/errors";
import { AwardOrderInput, CancelOrderInput, OpenOrderFilter, OrderFilter, OrderOrder, OrderSortField, PostOrderInput, SortDirection } from "../orders/order.inputs";
import { OrderPayload, PostOrderPayload } from "./order.payloads";
import { type MarketEvent, MarketEventConnection, toMarketEvent } from "./event.type";
import { ORDER_SORTS } from "../orders/order.repository";
import { sortOf } from "./sort";
import { BidFilter, BidOrder, BidSortField } from "../bids/bid.inputs";
import { BID_SORTS } from "../bids/bid.repository";
import { ContractFilter, ContractOrder, ContractSortField } from "../contracts/contract.inputs";
import { CONTRACT_SORTS } from "../contracts/contract.repository";
import { statusesOf } from "../shared/statuses";

@ObjectType({ description: "Result of awardOrder." })
export class AwardOrderPayload {
  @Field(() => Order, { nullable: true, description: "The awarded order; null when the award was refused." })
  order!: Order | null;

  @Field(() => [Contract], { nullable: true, description: "One contract per awarded bid; null when refused." })
  contracts!: Contract[] | null;

  @Field(() => [UserError], { description: "Why the award was refused; empty on success." })
  userErrors!: UserError[];
}

/** Who sees all of an order's bids and contracts: its owner and the coordinator. */
const seesAllOf = (ctx: Context, order: Order) => sees(ctx.viewer, "Order.everyBid", { owner: order.companyDbId });

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, {
    nullable: true,
    description:
      "Orders taking bids now. A contract company or research institute sees those needing a capability it actively offers, but its own; the coordinator, universities and suppliers see all.",
  })
  async openOrders(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => OpenOrderFilter, { nullable: true, description: "Narrows the list." }) filter: OpenOrderFilter | null,
    @Arg("orderBy", () => OrderOrder, {
      nullable: true,
      description: "Sort; default needed-by date, earliest first.",
    })
    orderBy: OrderOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Order>> {
    const field = orderBy?.field ?? OrderSortField.NEEDED_BY;
    const page = sortedPageRequest(args, ORDER_SORTS[field].type);
    const { rows, count } = await ctx.services.orders.listOpen(
      ctx,
      { capabilityId: filter?.capabilityId, neededFrom: filter?.neededFrom, neededUntil: filter?.neededUntil },
      { field, descending: orderBy?.direction === SortDirection.DESC },
      page,
    );
    return toSortedConnection(rows, page, ORDER_SORTS[field].valueOf, (row) => toOrder(row, ctx.now), count);
  }

  @Query(() => OrderConnection, { nullable: true, description: "Your product company's orders, newest first unless orderBy says otherwise." })
  async myOrders(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => OrderFilter, { nullable: true, description: "Narrows the list (companyId is ignored)." }) filter: OrderFilter | null,
    @Arg("orderBy", () => OrderOrder, { nullable: true, description: "Sort; default newest first (CREATED_AT, DESC)." }) orderBy: OrderOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Order>> {
    const sort = sortOf(orderBy, OrderSortField.CREATED_AT);
    const page = sortedPageRequest(args, ORDER_SORTS[sort.field].type);
    const { rows, count } = await ctx.services.orders.listOwn(ctx, filter ?? {}, sort, page);
    return toSortedConnection(rows, page, ORDER_SORTS[sort.field].valueOf, (row) => toOrder(row, ctx.now), count);
  }

  @Query(() => OrderConnection, { nullable: true, description: "Every order on the platform, newest first unless orderBy says otherwise. Coordinator only." })
  async orders(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => OrderFilter, { nullable: true, description: "Narrows the list." }) filter: OrderFilter | null,
    @Arg("orderBy", () => OrderOrder, { nullable: true, description: "Sort; default newest first (CREATED_AT, DESC)." }) orderBy: OrderOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Order>> {
    const sort = sortOf(orderBy, OrderSortField.CREATED_AT);
    const page = sortedPageRequest(args, ORDER_SORTS[sort.field].type);
    const { rows, count } = await ctx.services.orders.listAll(ctx, filter ?? {}, sort, page);
    return toSortedConnection(rows, page, ORDER_SORTS[sort.field].valueOf, (row) => toOrder(row, ctx.now), count);
  }

  @FieldResolver(() => Company, { description: "The product company that posted the order." })
  company(@Root() order: Order, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, order.companyDbId);
  }

  @FieldResolver(() => Capability, { description: "The capability the work needs." })
  capability(@Root() order: Order, @Ctx() ctx: Context): Promise<Capability> {
    return loadCapability(ctx, order.capabilityDbId);
  }

  @FieldResolver(() => BidConnection, {
    description: "Bids on the order, oldest first. Sealed: the owner and the coordinator see all; a contractor sees only its own.",
  })
  async bids(
    @Root() order: Order,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => BidFilter, { nullable: true, description: "Narrows the list (orderId is ignored)." }) filter: BidFilter | null,
    @Arg("orderBy", () => BidOrder, { nullable: true, description: "Sort; default oldest first (CREATED_AT, ASC)." }) orderBy: BidOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Bid>> {
    const onlyCompanyId = seesAllOf(ctx, order) ? null : (ctx.viewer?.companyId ?? -1);
    if (filter || orderBy) {
      // With list options: sorted keyset pages (the plain list below keeps its prepared statement).
      const sort = sortOf(orderBy, BidSortField.CREATED_AT, false);
      const page = sortedPageRequest(args, BID_SORTS[sort.field].type);
      const query = { onlyCompanyId, criteria: { statuses: statusesOf(filter), updatedSince: filter?.updatedSince ?? undefined, now: ctx.now }, sort, after: page.after };
      const rows = onlyCompanyId === -1 ? [] : await ctx.loaders.sortedBidsByOrder.load({ parentId: order.dbId, page: { limit: page.limit, afterId: null }, filter: query });
      return toSortedConnection(rows, page, BID_SORTS[sort.field].valueOf, toBid, async () => (onlyCompanyId === -1 ? 0 : ctx.loaders.sortedBidsByOrder.countOf(order.dbId, { ...query, after: null })));
    }
    const page = pageRequest(args);
    const rows = onlyCompanyId === -1 ? [] : await ctx.loaders.bidsByOrder.load({ parentId: order.dbId, page, filter: { onlyCompanyId } });
    return toConnection(rows, page, toBid, async () => (onlyCompanyId === -1 ? 0 : ctx.loaders.bidsByOrder.countOf(order.dbId, { onlyCompanyId })));
  }

  @FieldResolver(() => GraphQLSafeInt, {
    nullable: true,
    description: "How many bids are live on the order now. The owner and the coordinator only (sealed bids: a bidder does not learn how many compete).",
  })
  async bidCount(@Root() order: Order, @Ctx() ctx: Context): Promise<number | null> {
    if (!seesAllOf(ctx, order)) return null;
    return (await ctx.loaders.liveBidStatsByOrder.load(order.dbId))?.count ?? 0;
  }

  @FieldResolver(() => Money, { nullable: true, description: "The lowest unit price of the live bids; null without one. The owner and the coordinator only." })
  async lowestBid(@Root() order: Order, @Ctx() ctx: Context): Promise<Money | null> {
    if (!seesAllOf(ctx, order)) return null;
    const stats = await ctx.loaders.liveBidStatsByOrder.load(order.dbId);
    return stats ? toMoney(stats.lowestMinor, order.row.currency as Currency) : null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: "What the order's contracts not cancelled are worth together (0 before the award). The owner and the coordinator only.",
  })
  async awardedValue(@Root() order: Order, @Ctx() ctx: Context): Promise<Money | null> {
    if (!seesAllOf(ctx, order)) return null;
    return toMoney(await ctx.loaders.awardedValueByOrder.load(order.dbId), order.row.currency as Currency);
  }

  @FieldResolver(() => ContractConnection, {
    description: "Contracts of the award, oldest first: all for the owner and the coordinator, a contractor's own for it.",
  })
  async contracts(
    @Root() order: Order,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => ContractFilter, { nullable: true, description: "Narrows the list." }) filter: ContractFilter | null,
    @Arg("orderBy", () => ContractOrder, { nullable: true, description: "Sort; default oldest first (CREATED_AT, ASC)." }) orderBy: ContractOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Contract>> {
    const onlyCompanyId = seesAllOf(ctx, order) ? null : (ctx.viewer?.companyId ?? -1);
    if (filter || orderBy) {
      const sort = sortOf(orderBy, ContractSortField.CREATED_AT, false);
      const page = sortedPageRequest(args, CONTRACT_SORTS[sort.field].type);
      const query = { onlyCompanyId, criteria: { statuses: statusesOf(filter), updatedSince: filter?.updatedSince ?? undefined }, sort, after: page.after };
      const rows = onlyCompanyId === -1 ? [] : await ctx.loaders.sortedContractsByOrder.load({ parentId: order.dbId, page: { limit: page.limit, afterId: null }, filter: query });
      return toSortedConnection(rows, page, CONTRACT_SORTS[sort.field].valueOf, toContract, async () => (onlyCompanyId === -1 ? 0 : ctx.loaders.sortedContractsByOrder.countOf(order.dbId, { ...query, after: null })));
    }
    const page = pageRequest(args);
    const rows = onlyCompanyId === -1 ? [] : await ctx.loaders.contractsByOrder.load({ parentId: order.dbId, page, filter: { onlyCompanyId } });
    return toConnection(rows, page, toContract, async () => (onlyCompanyId === -1 ? 0 : ctx.loaders.contractsByOrder.countOf(order.dbId, { onlyCompanyId })));
  }

  @FieldResolver(() => OrderEventConnection, {
    nullable: true,
    description: "Every change of the order's state, oldest first. Null unless you own the order or are the coordinator.",
  })
  async history(@Root() order: Order, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<OrderEvent> | null> {
    if (!sees(ctx.viewer, "Order.history", { owner: order.companyDbId })) return null;
    const page = pageRequest(args);
    const rows = await ctx.loaders.historyByOrder.load({ parentId: order.dbId, page, filter: null });
    return toConnection(rows, page, toOrderEvent, () => ctx.loaders.historyByOrder.countOf(order.dbId, null));
  }

  @FieldResolver(() => MarketEventConnection, {
    description:
      "Everything that happened to the order, its bids, contracts and deliveries, oldest first, from the event log. The owner and the coordinator see all; a contractor the order's own changes and what concerns its bids and contracts.",
  })
  async timeline(@Root() order: Order, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<MarketEvent>> {
    const page = pageRequest(args);
    const contractorCompanyId = seesAllOf(ctx, order) ? null : (ctx.viewer?.companyId ?? -1);
    const rows = contractorCompanyId === -1 ? [] : await ctx.loaders.timelineByOrder.load({ parentId: order.dbId, page, filter: { contractorCompanyId } });
    return toConnection(rows, page, toMarketEvent, async () => (contractorCompanyId === -1 ? 0 : ctx.loaders.timelineByOrder.countOf(order.dbId, { contractorCompanyId })));
  }

  @Mutation(() => PostOrderPayload, { description: "A product company posts an order for its product. Members of product companies only." })
  postOrder(@Arg("input", () => PostOrderInput, { description: "The mutation's input; its type describes each field." }) input: PostOrderInput, @Ctx() ctx: Context): Promise<PostOrderPayload> {
    return payloadOf(ctx.services.orders.post(ctx, input), (row) => ({ order: toOrder(row, ctx.now) }), { order: null });
  }

  @Mutation(() => OrderPayload, { description: "The owner cancels an open order; live bids on it become NOT_AWARDED." })
  cancelOrder(@Arg("input", () => CancelOrderInput, { description: "The mutation's input; its type describes each field." }) input: CancelOrderInput, @Ctx() ctx: Context): Promise<OrderPayload> {
    return payloadOf(ctx.services.orders.cancel(ctx, input), (row) => ({ order: toOrder(row, ctx.now) }), { order: null });
  }

  @Mutation(() => OrderPayload, {
    description:
      "The owner places again the units its cancelled contracts left: a new open order for them on the old one's terms with new dates, linked to it (replacesOrder). A chain stage's are refused.",
  })
  reorderCancelledUnits(@Arg("input", () => ReorderCancelledUnitsInput, { description: "The mutation's input; its type describes each field." }) input: ReorderCancelledUnitsInput, @Ctx() ctx: Context): Promise<OrderPayload> {
    return payloadOf(ctx.services.reorders.reorder(ctx, input), (row) => ({ order: toOrder(row, ctx.now) }), { order: null });
  }

  @FieldResolver(() => GraphQLSafeInt, {
    nullable: true,
    description: "Units no contract holds and no order placing them again covers: what cancelled contracts left undelivered (reorderCancelledUnits places them). The owner and the coordinator; null for others.",
  })
  async unitsToPlaceAgain(@Root() order: Order, @Ctx() ctx: Context): Promise<number | null> {
    return sees(ctx.viewer, "Order.history", { owner: order.companyDbId }) ? ctx.loaders.unitsToPlaceAgainByOrder.load(order.row) : null;
  }

  @FieldResolver(() => Order, { nullable: true, description: "The order whose cancelled contracts' units this one places again; null for an order posted afresh, and for anyone but the owner and the coordinator." })
  async replacesOrder(@Root() order: Order, @Ctx() ctx: Context): Promise<Order | null> {
    if (order.row.replacesOrderId === null || !sees(ctx.viewer, "Order.history", { owner: order.companyDbId })) return null;
    const row = await ctx.loaders.orderById.load(order.row.replacesOrderId);
    return row ? toOrder(row, ctx.now) : null;
  }

  @Mutation(() => AwardOrderPayload, {
    description: "The owner splits an open order between live bids: one contract per bid, all checks passed or nothing changes.",
  })
  async awardOrder(@Arg("input", () => AwardOrderInput, { description: "The mutation's input; its type describes each field." }) input: AwardOrderInput, @Ctx() ctx: Context): Promise<AwardOrderPayload> {
    return payloadOf(
      ctx.services.awards.award(ctx, input),
      ({ order, contracts }) => ({ order: toOrder(order, ctx.now), contracts: contracts.map(toContract) }),
      { order: null, contracts: null },
    );
  }

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
    const seesAll = seesAllOf(ctx, order);
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

  @Extensions(fieldCost(REPORT_COST.plans))
  @FieldResolver(() => MatchPlans, {
    description:
      "How to split this open order between contractors: for every achievable completion date the cheapest plan over live bids and instant quotes, with CHEAPEST, FASTEST and BALANCED named. The owner and the coordinator only.",
  })
  async plans(
    @Root() order: Order,
    @Arg("valuePerDayEarlier", () => MoneyInput, { nullable: true, description: "What a day earlier is worth, for BALANCED; default the order's own." }) valuePerDayEarlier: MoneyInput | null,
    @Ctx() ctx: Context,
  ): Promise<MatchPlans> {
    return toMatchPlans(ctx, await ctx.services.plans.orderPlans(ctx, order.row, valuePerDayEarlier), order.quantity);
  }
}
