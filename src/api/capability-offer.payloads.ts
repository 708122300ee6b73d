import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { CapabilityOffer } from "./capability-offer.type";

@ObjectType({ description: "Result of declareCapabilityOffer." })
export class DeclareCapabilityOfferPayload {
  @Field(() => CapabilityOffer, { nullable: true, description: "The new offer; null when the input was refused." })
  capabilityOffer!: CapabilityOffer | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of updateCapabilityOffer." })
export class UpdateCapabilityOfferPayload {
  @Field(() => CapabilityOffer, { nullable: true, description: "The offer as changed; null when the input was refused." })
  capabilityOffer!: CapabilityOffer | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
