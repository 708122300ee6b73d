import { Field, InputType, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Park, ParkKind } from "./park.type";

@InputType({ description: "A new technopark or cluster." })
export class CreateParkInput {
  @Field(() => String, { description: "Name, unique across the platform (case and spacing ignored), at most 120 characters." })
  name!: string;

  @Field(() => ParkKind, { description: "Technopark or cluster." })
  kind!: ParkKind;

  @Field(() => String, { description: "Region, at most 120 characters." })
  region!: string;

  @Field(() => String, { nullable: true, description: "What the park is about, at most 4000 characters." })
  description?: string | null;
}

@ObjectType({ description: "Result of createPark." })
export class CreateParkPayload {
  @Field(() => Park, { nullable: true, description: "The new park; null when the input was refused." })
  park!: Park | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
