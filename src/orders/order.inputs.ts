import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { MoneyInput } from "../graphql/money";
import { OrderStatus } from "./order-status";

@InputType({ description: "How to spread the order between contractors." })
export class SourcingPolicyInput {
  @Field(() => GraphQLSafeInt, { defaultValue: 100, description: "The largest share any one contractor may get, in percent, 1 to 100 (default 100)." })
  maxSharePercent!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 1, description: "The fewest contractors to split between, 1 to 100 (default 1)." })
  minContractors!: number;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "What each day earlier is worth to you: the BALANCED plan is the one with the least total cost plus this for each day until completion. Default 0: BALANCED is then the cheapest plan.",
  })
  valuePerDayEarlier?: MoneyInput | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: "The lowest contractor scorecard score (0-100) you accept: plans leave out contractors below it, and say so. Default none.",
  })
  minScore?: number | null;
}

@InputType({ description: "A product company's new order." })
export class PostOrderInput {
  @Field(() => String, { description: "Short title, at most 120 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What the product is and what the work involves, at most 4000 characters." })
  description?: string | null;

  @Field(() => ID, { description: "The capability the work needs." })
  capabilityId!: string;

  @Field(() => GraphQLSafeInt, { description: "Units ordered, at least 1." })
  quantity!: number;

  @Field(() => GraphQLLocalDate, { description: "The date the units are needed by; after today and after bidding closes." })
  neededBy!: string;

  @Field(() => MoneyInput, { nullable: true, description: "The highest unit price accepted; leave out for no limit." })
  maxUnitPrice?: MoneyInput | null;

  @Field(() => Date, { description: "When bidding closes: in the future, before the needed-by date." })
  biddingClosesAt!: Date;

  @Field(() => SourcingPolicyInput, { description: "Share limit and minimum number of contractors." })
  sourcingPolicy!: SourcingPolicyInput;

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  idempotencyKey?: string | null;
}

@InputType({ description: "An open order to cancel." })
export class CancelOrderInput {
  @Field(() => ID, { description: "The order." })
  orderId!: string;

  @Field(() => String, { nullable: true, description: "Why, for the order's history; at most 4000 characters." })
  reason?: string | null;
}

@InputType({ description: "Units of the order given to one bid." })
export class AllocationInput {
  @Field(() => ID, { description: "A live bid on the order." })
  bidId!: string;

  @Field(() => GraphQLSafeInt, { description: "Units awarded to it, within the bid's minimum lot and maximum quantity." })
  quantity!: number;
}

@InputType({ description: "The owner's split of an order between bids." })
export class AwardOrderInput {
  @Field(() => ID, { description: "The open order." })
  orderId!: string;

  @Field(() => [AllocationInput], {
    defaultValue: [],
    description: "One allocation per awarded bid; the quantities add up to the order's quantity. Give either allocations or planKey.",
  })
  allocations!: AllocationInput[];

  @Field(() => String, {
    nullable: true,
    description:
      "Award a plan from order.plans: its key. The plan is checked again now (bids still live, offers and prices unchanged, capacity still free) and its quote lines become bids at the offers' terms. Give either planKey or allocations.",
  })
  planKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  idempotencyKey?: string | null;
}

export enum OrderSortField {
  NEEDED_BY = "NEEDED_BY",
  BIDDING_CLOSES_AT = "BIDDING_CLOSES_AT",
  QUANTITY = "QUANTITY",
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}

registerEnumType(OrderSortField, {
  name: "OrderSortField",
  description: "What to sort orders by; ties are broken by posting order.",
  valuesConfig: {
    NEEDED_BY: { description: "The needed-by date." },
    BIDDING_CLOSES_AT: { description: "When bidding closes." },
    QUANTITY: { description: "Units ordered." },
    CREATED_AT: { description: "When the order was posted." },
    UPDATED_AT: { description: "When the order last changed state." },
  },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Sort direction.",
  valuesConfig: { ASC: { description: "Smallest or earliest first." }, DESC: { description: "Largest or latest first." } },
});

@InputType({ description: "How to sort a list of orders." })
export class OrderOrder {
  @Field(() => OrderSortField, { description: "What to sort by." })
  field!: OrderSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction (default ASC)." })
  direction!: SortDirection;
}

@InputType({ description: "Narrows the list of open orders. Conditions combine with AND." })
export class OpenOrderFilter {
  @Field(() => ID, { nullable: true, description: "Only orders needing this capability." })
  capabilityId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Only orders needed on or after this date." })
  neededFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "Only orders needed on or before this date." })
  neededUntil?: string | null;
}

@InputType({ description: "Narrows a list of orders. Conditions combine with AND." })
export class OrderFilter {
  @Field(() => OrderStatus, { nullable: true, deprecationReason: "Use statuses.", description: "Only orders in this state." })
  status?: OrderStatus | null;

  @Field(() => [OrderStatus], { nullable: true, description: "Only orders in any of these states." })
  statuses?: OrderStatus[] | null;

  @Field(() => Date, { nullable: true, description: "Only orders that changed (were posted or changed state) at or after this instant: what a client polling for changes asks." })
  updatedSince?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only orders of this company (coordinator's list only)." })
  companyId?: string | null;
}
