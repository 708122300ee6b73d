import { Field, InputType } from "type-graphql";
import { ParkKind } from "./park-kind";

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

