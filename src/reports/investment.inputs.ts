import { GraphQLLocalDate } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { MoneyInput } from "../graphql/money";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";

@InputType({ description: "An investment to record." })
export class RecordInvestmentInput {
  @Field(() => ID, { description: "The company invested in." })
  companyId!: string;

  @Field(() => String, { description: "Who invested, at most 120 characters." })
  investorName!: string;

  @Field(() => MoneyInput, { description: "How much; more than zero." })
  amount!: MoneyInput;

  @Field(() => GraphQLLocalDate, { description: "When; not after today." })
  investedOn!: string;

  @Field(() => String, { nullable: true, description: "A note, at most 4000 characters." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}
