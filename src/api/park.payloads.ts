import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Park } from "./park.type";

@ObjectType({ description: "Result of createPark." })
export class CreateParkPayload {
  @Field(() => Park, { nullable: true, description: "The new park; null when the input was refused." })
  park!: Park | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
