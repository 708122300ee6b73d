import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Contract } from "./contract.type";
import { Delivery } from "./delivery.type";

@ObjectType({ description: "Result of a change of a contract." })
export class ContractPayload {
  @Field(() => Contract, { nullable: true, description: "The contract as changed; null when refused." })
  contract!: Contract | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of recording, accepting or rejecting a delivery." })
export class DeliveryPayload {
  @Field(() => Delivery, { nullable: true, description: "The delivery as changed; null when refused." })
  delivery!: Delivery | null;

  @Field(() => Contract, { nullable: true, description: "Its contract after the change (units, status); null when refused." })
  contract!: Contract | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}
