import { sees } from "../access/policy";
import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from "type-graphql";
import { loadCapability } from "./capability-field";
import { Capability } from "./capability.type";
import { loadCompany } from "./company-field";
import { Company } from "./company.type";
import type { Context } from "./context";
import { payloadOf } from "../graphql/errors";
import { DeclareCapabilityOfferInput, UpdateCapabilityOfferInput } from "../offers/capability-offer.inputs";
import { DeclareCapabilityOfferPayload, UpdateCapabilityOfferPayload } from "./capability-offer.payloads";
import { CapabilityOffer, toCapabilityOffer } from "./capability-offer.type";

@Resolver(() => CapabilityOffer)
export class CapabilityOfferResolver {
  @FieldResolver(() => Company, { description: "The contract company that makes it." })
  company(@Root() offer: CapabilityOffer, @Ctx() ctx: Context): Promise<Company> {
    return loadCompany(ctx, offer.companyDbId);
  }

  @FieldResolver(() => Capability, { description: "The capability offered." })
  capability(@Root() offer: CapabilityOffer, @Ctx() ctx: Context): Promise<Capability> {
    return loadCapability(ctx, offer.capabilityDbId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Engineer-hours one unit takes. Null unless you are the company's member or the coordinator.",
  })
  engineerHoursPerUnit(@Root() offer: CapabilityOffer, @Ctx() ctx: Context): number | null {
    return sees(ctx.viewer, "CapabilityOffer.engineerHoursPerUnit", { owner: offer.companyDbId }) ? offer.centihoursPerUnit / 100 : null;
  }

  @Mutation(() => DeclareCapabilityOfferPayload, {
    description: "A contract company declares a capability it makes, with price, pace, lead time and lot range. Its members or the coordinator.",
  })
  declareCapabilityOffer(
    @Arg("input", () => DeclareCapabilityOfferInput, { description: "The mutation's input; its type describes each field." }) input: DeclareCapabilityOfferInput,
    @Ctx() ctx: Context,
  ): Promise<DeclareCapabilityOfferPayload> {
    return payloadOf(ctx.services.offers.declare(ctx, input), (row) => ({ capabilityOffer: toCapabilityOffer(row) }), {
      capabilityOffer: null,
    });
  }

  @Mutation(() => UpdateCapabilityOfferPayload, { description: "Changes or withdraws a capability offer. Its company's members or the coordinator." })
  updateCapabilityOffer(
    @Arg("input", () => UpdateCapabilityOfferInput, { description: "The mutation's input; its type describes each field." }) input: UpdateCapabilityOfferInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateCapabilityOfferPayload> {
    return payloadOf(ctx.services.offers.update(ctx, input), (row) => ({ capabilityOffer: toCapabilityOffer(row) }), {
      capabilityOffer: null,
    });
  }
}
