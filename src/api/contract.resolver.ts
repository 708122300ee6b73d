import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from "type-graphql";
import { Company } from "./company.type";
import { toEngineer } from "./engineer.type";
import { ReassignWorkInput, AcceptDeliveryInput, CancelContractInput, ContractFilter, ContractOrder, ContractSortField, RecordDeliveryInput, RejectDeliveryInput, StartContractProductionInput } from "../contracts/contract.inputs";
import { CONTRACT_SORTS } from "../contracts/contract.repository";
import { sortOf } from "./sort";
import { ReassignWorkPayload } from "./capacity.payloads";
import { Booking, BookingConnection } from "./capacity.type";
import { toHours } from "../capacity/hours";
import { isoWeekLabel } from "../capacity/weeks";
import { sees } from "../access/policy";
import { Bid, toBid } from "./bid.type";
import { loadCompany } from "./company-field";
import type { Context } from "./context";
import { PageArgs, pageRequest, sortedPageRequest, toConnection, toSortedConnection, type Connection } from "../graphql/connection";
import { payloadOf, type Outcome } from "../graphql/errors";
import { loadOrder } from "./order-field";
import { Order } from "./order.type";
import { ContractPayload, DeliveryPayload } from "./contract.payloads";
import { Contract, ContractConnection, toContract } from "./contract.type";
import type { DeliveryChange } from "../contracts/delivery.service";
import { Delivery, DeliveryConnection, DeliveryStatus, toDelivery } from "./delivery.type";
import type { DeliveryStatusValue } from "../db/schema";

const INPUT = { description: "The mutation's input; its type describes each field." } as const;

function deliveryPayload(outcome: Promise<Outcome<DeliveryChange>>): Promise<DeliveryPayload> {
  return payloadOf(outcome, (change) => ({ delivery: toDelivery(change.delivery), contract: toContract(change.contract) }), { delivery: null, contract: null });
}

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => ContractConnection, { nullable: true, description: "Your company's contracts, as contractor or as customer, newest first unless orderBy says otherwise." })
  async myContracts(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => ContractFilter, { nullable: true, description: "Narrows the list." }) filter: ContractFilter | null,
    @Arg("orderBy", () => ContractOrder, { nullable: true, description: "Sort; default newest first (CREATED_AT, DESC)." }) orderBy: ContractOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Contract>> {
    const sort = sortOf(orderBy, ContractSortField.CREATED_AT);
    const page = sortedPageRequest(args, CONTRACT_SORTS[sort.field].type);
    const { rows, count } = await ctx.services.contracts.listOwn(ctx, filter ?? {}, sort, page);
    return toSortedConnection(rows, page, CONTRACT_SORTS[sort.field].valueOf, toContract, count);
  }

  @FieldResolver(() => Order, { description: "The order the contract is part of." })
  order(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Order> {
    return loadOrder(ctx, contract.orderDbId);
  }

  @FieldResolver(() => Bid, { description: "The bid the contract was made from." })
  async bid(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Bid> {
    const row = await ctx.loaders.bidById.load(contract.bidDbId);
    if (!row) throw new Error(`Missing bid ${contract.bidDbId}`);
    return toBid(row);
  }

  @FieldResolver(() => Company, { description: "The contract company doing the work." })
  contractor(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, contract.contractorDbId);
  }

  @FieldResolver(() => Company, { description: "The product company that ordered the work." })
  customer(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, contract.customerDbId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Engineer-hours per unit the contractor planned. Null unless you are the contractor or the coordinator.",
  })
  engineerHoursPerUnit(@Root() contract: Contract, @Ctx() ctx: Context): number | null {
    return sees(ctx.viewer, "Contract.engineerHours", { owner: contract.contractorDbId }) ? contract.centihoursPerUnit / 100 : null;
  }

  @FieldResolver(() => DeliveryConnection, { description: "The contract's deliveries, oldest first, with the customer's decisions." })
  async deliveries(
    @Root() contract: Contract,
    @Args(() => PageArgs) args: PageArgs,
    @Arg("statuses", () => [DeliveryStatus], { nullable: true, description: "Only deliveries in any of these states (PENDING: awaiting the customer's decision)." }) statuses: DeliveryStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Delivery>> {
    const page = pageRequest(args);
    const filter = statuses?.length ? (statuses as DeliveryStatusValue[]) : null;
    const rows = await ctx.loaders.deliveriesByContract.load({ parentId: contract.dbId, page, filter });
    return toConnection(rows, page, toDelivery, () => ctx.loaders.deliveriesByContract.countOf(contract.dbId, filter));
  }

  @Mutation(() => ContractPayload, { description: "The contractor starts production on an awarded contract; the order moves to IN_PRODUCTION." })
  startContractProduction(
    @Arg("input", () => StartContractProductionInput, { description: "The mutation's input; its type describes each field." }) input: StartContractProductionInput,
    @Ctx() ctx: Context,
  ): Promise<ContractPayload> {
    return payloadOf(ctx.services.contracts.startProduction(ctx, input), (row) => ({ contract: toContract(row) }), { contract: null });
  }

  @Mutation(() => ContractPayload, {
    description: "The customer cancels a contract not yet completed, releasing its engineer-hours; cancelling the last one cancels the order.",
  })
  cancelContract(
    @Arg("input", () => CancelContractInput, { description: "The mutation's input; its type describes each field." }) input: CancelContractInput,
    @Ctx() ctx: Context,
  ): Promise<ContractPayload> {
    return payloadOf(ctx.services.contracts.cancel(ctx, input), (row) => ({ contract: toContract(row) }), { contract: null });
  }

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
      () => ctx.loaders.bookingsByContract.countOf(contract.dbId, null),
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
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @FieldResolver(() => Contract, { description: "The contract delivered on." })
  async contract(@Root() delivery: Delivery, @Ctx() ctx: Context): Promise<Contract> {
    const row = await ctx.loaders.contractById.load(delivery.contractDbId);
    if (!row) throw new Error(`Missing contract ${delivery.contractDbId}`);
    return toContract(row);
  }

  @Mutation(() => DeliveryPayload, {
    description: "The contractor delivers units of a contract in production (partial deliveries too); the last units move it to DELIVERED.",
  })
  recordDelivery(@Arg("input", () => RecordDeliveryInput, INPUT) input: RecordDeliveryInput, @Ctx() ctx: Context): Promise<DeliveryPayload> {
    return deliveryPayload(ctx.services.deliveries.record(ctx, input));
  }
  @Mutation(() => DeliveryPayload, {
    description:
      "The order's owner accepts a delivery, or part of it with the rest rejected for a reason (12 bad parts of 100: accept 88): the accepted units' value becomes the contractor's revenue today, the rejected ones are due again as a separate REJECTED delivery. The last units accepted make the contract ACCEPTED, and when no contract is left open the order COMPLETED.",
  })
  acceptDelivery(@Arg("input", () => AcceptDeliveryInput, INPUT) input: AcceptDeliveryInput, @Ctx() ctx: Context): Promise<DeliveryPayload> {
    return deliveryPayload(ctx.services.deliveries.accept(ctx, input));
  }
  @Mutation(() => DeliveryPayload, { description: "The order's owner rejects a delivery for quality, with a reason: the contract goes back to IN_PRODUCTION for those units." })
  rejectDelivery(@Arg("input", () => RejectDeliveryInput, INPUT) input: RejectDeliveryInput, @Ctx() ctx: Context): Promise<DeliveryPayload> {
    return deliveryPayload(ctx.services.deliveries.reject(ctx, input));
  }
}
