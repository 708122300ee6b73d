import { Field, InputType } from "type-graphql";

@InputType({ description: "A new capability for the catalogue." })
export class AddCapabilityInput {
  @Field(() => String, { description: "Name, unique in the catalogue (case and spacing ignored), at most 120 characters." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "Machine name: 2 to 40 of A-Z, 0-9 and _, starting with a letter. Derived from the name when left out.",
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: "What the capability covers, at most 4000 characters." })
  description?: string | null;
}

