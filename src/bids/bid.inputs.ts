import { GraphQLSafeInt } from "graphql-scalars";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";
import { Field, Float, ID, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "../orders/order.inputs";
import { MoneyInput } from "../graphql/money";
import { BidStatus } from "./bid-status";

@InputType({ description: "A contract company's bid on an open order." })
export class SubmitBidInput {
  @Field(() => ID, { description: "The order." })
  orderId!: string;

  @Field(() => MoneyInput, { description: "Price per unit: positive, at most the order's maximum unit price." })
  unitPrice!: MoneyInput;

  @Field(() => GraphQLSafeInt, { description: "Fewest units you take, at least 1." })
  minLot!: number;

  @Field(() => GraphQLSafeInt, { description: "Most units you take: at least minLot, at most the order's quantity." })
  maxQuantity!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Engineer-hours per unit; defaults to your capability offer's figure. 0.01 to 100000, two decimals at most.",
  })
  engineerHoursPerUnit?: number | null;

  @Field(() => GraphQLSafeInt, { description: "Days from award to delivery, 1 to 3650; today plus this must not pass the needed-by date." })
  leadTimeDays!: number;

  @Field(() => Date, { description: "Until when the bid stands; in the future." })
  validUntil!: Date;

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  idempotencyKey?: string | null;
}

@InputType({ description: "New terms for your live bid. Fields left out keep their value; the old terms stay in the bid's revisions." })
export class ReviseBidInput {
  @Field(() => ID, { description: "The bid." })
  bidId!: string;

  @Field(() => MoneyInput, { nullable: true, description: "New price per unit." })
  unitPrice?: MoneyInput | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New minimum lot." })
  minLot?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New maximum quantity." })
  maxQuantity?: number | null;

  @Field(() => Float, { nullable: true, description: "New engineer-hours per unit." })
  engineerHoursPerUnit?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New lead time in days." })
  leadTimeDays?: number | null;

  @Field(() => Date, { nullable: true, description: "New valid-until time." })
  validUntil?: Date | null;
}

@InputType({ description: "Your live bid to withdraw." })
export class WithdrawBidInput {
  @Field(() => ID, { description: "The bid." })
  bidId!: string;
}

@InputType({ description: "Narrows a list of bids. Conditions combine with AND." })
export class BidFilter {
  @Field(() => BidStatus, { nullable: true, deprecationReason: "Use statuses.", description: "Only bids in this state." })
  status?: BidStatus | null;

  @Field(() => [BidStatus], { nullable: true, description: "Only bids in any of these states (as of now: EXPIRED is live past its validity)." })
  statuses?: BidStatus[] | null;

  @Field(() => ID, { nullable: true, description: "Only bids on this order." })
  orderId?: string | null;

  @Field(() => Date, { nullable: true, description: "Only bids placed, revised or decided at or after this instant." })
  updatedSince?: Date | null;
}

export enum BidSortField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  UNIT_PRICE = "UNIT_PRICE",
}

registerEnumType(BidSortField, {
  name: "BidSortField",
  description: "What to sort bids by; ties are broken by when they were placed.",
  valuesConfig: {
    CREATED_AT: { description: "When the bid was placed." },
    UPDATED_AT: { description: "When the bid last changed (revised, withdrawn, decided)." },
    UNIT_PRICE: { description: "The unit price bid." },
  },
});

@InputType({ description: "How to sort a list of bids." })
export class BidOrder {
  @Field(() => BidSortField, { description: "What to sort by." })
  field!: BidSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction (default ASC)." })
  direction!: SortDirection;
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
