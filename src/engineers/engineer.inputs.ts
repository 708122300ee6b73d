import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { EngineerRole } from "./engineer-role";

@InputType({ description: "A new engineer of a contract company." })
export class AddEngineerInput {
  @Field(() => ID, { nullable: true, description: "The contract company; defaults to the caller's own company." })
  companyId?: string | null;

  @Field(() => String, { description: "Full name, at most 120 characters." })
  name!: string;

  @Field(() => EngineerRole, { description: "Role." })
  role!: EngineerRole;

  @Field(() => GraphQLSafeInt, { defaultValue: 40, description: "Hours a week available for contract work, 1 to 168 (default 40)." })
  weeklyHours!: number;

  @Field(() => [ID], {
    nullable: true,
    description: "The capabilities the engineer holds (at most 50): work in them is booked on the engineer. Default: every capability the company offers.",
  })
  capabilityIds?: string[] | null;
}

@InputType({ description: "Changes to an engineer. Fields left out stay as they are." })
export class UpdateEngineerInput {
  @Field(() => ID, { description: "The engineer." })
  engineerId!: string;

  @Field(() => String, { nullable: true, description: "New full name." })
  name?: string | null;

  @Field(() => EngineerRole, { nullable: true, description: "New role." })
  role?: EngineerRole | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New weekly hours, 1 to 168." })
  weeklyHours?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the engineer takes work." })
  active?: boolean | null;

  @Field(() => [ID], {
    nullable: true,
    description: "The capabilities the engineer holds from now on (at most 50), replacing the old ones. A capability with work booked on the engineer from this week on cannot be taken away.",
  })
  capabilityIds?: string[] | null;
}

