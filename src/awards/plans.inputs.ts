import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { MoneyInput } from "../graphql/money";
import { SourcingPolicyInput } from "../orders/order.inputs";

@InputType({ description: "An order you consider posting: the plans current instant quotes would give it." })
export class MatchPreviewInput {
  @Field(() => ID, { description: "The capability the work needs." })
  capabilityId!: string;

  @Field(() => GraphQLSafeInt, { description: "Units, at least 1." })
  quantity!: number;

  @Field(() => GraphQLLocalDate, { description: "The date the units are needed by; after today." })
  neededBy!: string;

  @Field(() => MoneyInput, { nullable: true, description: "The highest unit price you would accept; leave out for no limit." })
  maxUnitPrice?: MoneyInput | null;

  @Field(() => SourcingPolicyInput, { description: "Share limit, minimum number of contractors and the value of a day earlier." })
  sourcingPolicy!: SourcingPolicyInput;
}
