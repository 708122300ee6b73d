import { Field, ObjectType } from "type-graphql";
import { Contract } from "./contract.type";
import { UserError } from "../graphql/errors";

@ObjectType({ description: "Result of reassignWork." })
export class ReassignWorkPayload {
  @Field(() => Contract, { nullable: true, description: "The contract, whose bookings now show the move; null when refused." })
  contract!: Contract | null;

  @Field(() => [UserError], { description: "Why the move was refused; empty on success." })
  userErrors!: UserError[];
}
