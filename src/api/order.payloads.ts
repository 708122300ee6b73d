import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { Order } from "./order.type";

@ObjectType({ description: "Result of postOrder." })
export class PostOrderPayload {
  @Field(() => Order, { nullable: true, description: "The new order; null when the input was refused." })
  order!: Order | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of a change of an order's state." })
export class OrderPayload {
  @Field(() => Order, { nullable: true, description: "The order as changed; null when refused." })
  order!: Order | null;

  @Field(() => [UserError], { description: "Why the change was refused; empty on success." })
  userErrors!: UserError[];
}
