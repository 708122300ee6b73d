import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from "type-graphql";
import { isCoordinator, requireRole } from "../auth/viewer";
import { Bid, toBid } from "../bids/bid.type";
import { loadCompany } from "../companies/company-field";
import { Company } from "../companies/company.type";
import type { Context } from "../context";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { loadOrder } from "../orders/order-field";
import { Order } from "../orders/order.type";
import { CancelContractInput, ContractFilter, ContractPayload, StartContractProductionInput } from "./contract.inputs";
import { listContractsOfCompany } from "./contract.repository";
import { Contract, ContractConnection, toContract } from "./contract.type";

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => ContractConnection, { description: "Your company's contracts, as contractor or as customer, oldest first." })
  myContracts(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("filter", () => ContractFilter, { nullable: true, description: "Narrows the list." }) filter: ContractFilter | null,
    @Ctx() ctx: Context,
  ): Connection<Contract> {
    const viewer = requireRole(ctx.viewer, ["MEMBER"], "list their company's contracts");
    const page = pageRequest(args);
    return toConnection(listContractsOfCompany(ctx.db, viewer.companyId!, filter?.status ?? undefined, page), page, toContract);
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
    const mine = isCoordinator(ctx.viewer) || ctx.viewer?.companyId === contract.contractorDbId;
    return mine ? contract.centihoursPerUnit / 100 : null;
  }

  @Mutation(() => ContractPayload, { description: "The contractor starts production on an awarded contract; the order moves to IN_PRODUCTION." })
  startContractProduction(
    @Arg("input", () => StartContractProductionInput, { description: "The mutation's input; its type describes each field." }) input: StartContractProductionInput,
    @Ctx() ctx: Context,
  ): ContractPayload {
    return payloadOf(ctx.services.contracts.startProduction(ctx.viewer, input), (row) => ({ contract: toContract(row) }), { contract: null });
  }

  @Mutation(() => ContractPayload, {
    description: "The customer cancels a contract not yet completed, releasing its engineer-hours; cancelling the last one cancels the order.",
  })
  cancelContract(
    @Arg("input", () => CancelContractInput, { description: "The mutation's input; its type describes each field." }) input: CancelContractInput,
    @Ctx() ctx: Context,
  ): ContractPayload {
    return payloadOf(ctx.services.contracts.cancel(ctx.viewer, input), (row) => ({ contract: toContract(row) }), { contract: null });
  }
}
