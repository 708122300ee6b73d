import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Engineer } from "./engineer.type";

@ObjectType({ description: "Result of addEngineer." })
export class AddEngineerPayload {
  @Field(() => Engineer, { nullable: true, description: "The new engineer; null when the input was refused." })
  engineer!: Engineer | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of updateEngineer." })
export class UpdateEngineerPayload {
  @Field(() => Engineer, { nullable: true, description: "The engineer as changed; null when the input was refused." })
  engineer!: Engineer | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
