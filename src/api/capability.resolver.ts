import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "./context";
import { PageArgs, pageRequest, toConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { CapabilityOfferConnection, toCapabilityOffer, type CapabilityOffer } from "./capability-offer.type";
import { AddCapabilityInput } from "../capabilities/capability.inputs";
import { AddCapabilityPayload } from "./capability.payloads";
import { Capability, CapabilityConnection, toCapability } from "./capability.type";

@Resolver(() => Capability)
export class CapabilityResolver {
  @Query(() => CapabilityConnection, { nullable: true, description: "The capability catalogue, oldest first. Public." })
  async capabilities(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Capability>> {
    const page = pageRequest(args);
    const { rows, count } = await ctx.services.capabilities.list(ctx, page);
    return toConnection(rows, page, toCapability, count);
  }

  @FieldResolver(() => CapabilityOfferConnection, { description: "Active offers of this capability by contract companies, oldest first. Public." })
  async offers(@Root() capability: Capability, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<CapabilityOffer>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.activeOffersByCapability.load({ parentId: capability.dbId, page, filter: null });
    return toConnection(rows, page, toCapabilityOffer, () => ctx.loaders.activeOffersByCapability.countOf(capability.dbId, null));
  }

  @Mutation(() => AddCapabilityPayload, { description: "Adds a capability to the catalogue. Coordinator only." })
  addCapability(@Arg("input", () => AddCapabilityInput, { description: "The mutation's input; its type describes each field." }) input: AddCapabilityInput, @Ctx() ctx: Context): Promise<AddCapabilityPayload> {
    return payloadOf(ctx.services.capabilities.addCapability(ctx, input), (row) => ({ capability: toCapability(row) }), {
      capability: null,
    });
  }
}
