import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Capability } from "./capability.type";

@ObjectType({ description: "Result of addCapability." })
export class AddCapabilityPayload {
  @Field(() => Capability, { nullable: true, description: "The new capability; null when the input was refused." })
  capability!: Capability | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
