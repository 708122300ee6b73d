import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ID, InputType } from "type-graphql";

@InputType({ description: "Booked hours of a contract to move from one engineer to another, in one week." })
export class ReassignWorkInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;

  @Field(() => ID, { description: "The engineer the hours are booked on now." })
  fromEngineerId!: string;

  @Field(() => ID, { description: "The engineer to take them: same company, active, with the free hours." })
  toEngineerId!: string;

  @Field(() => GraphQLLocalDate, { description: "Any date in the ISO week concerned (this week or later)." })
  weekOf!: string;

  @Field(() => Float, { description: "Engineer-hours to move, 0.01 or more, two decimals at most." })
  hours!: number;
}

@InputType({ description: "Turn your instant quote for an order into a bid." })
export class BidFromInstantQuoteInput {
  @Field(() => ID, { description: "The open order." })
  orderId!: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "Units to quote for; defaults to the order's quantity (capped at your maximum lot)." })
  quantity?: number | null;

  @Field(() => Date, { nullable: true, description: "Until when the bid stands; defaults to the order's award deadline." })
  validUntil?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  idempotencyKey?: string | null;
}
