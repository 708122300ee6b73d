import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { MoneyInput } from "../graphql/money";
import { SourcingPolicyInput } from "../orders/order.inputs";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";

@InputType({ description: "One stage of a production chain: a capability, what it hands on to, and how it is sourced. Each stage becomes an order contractors bid on." })
export class ChainStageInput {
  @Field(() => String, { description: "Your name for the stage within this input (for example casting), 1 to 40 characters; `feeds` refers to it." })
  key!: string;

  @Field(() => String, { description: "The stage's title, as its order shows it to bidders, at most 120 characters." })
  title!: string;

  @Field(() => ID, { description: "The capability the stage needs." })
  capabilityId!: string;

  @Field(() => String, { nullable: true, description: "The key of the stage this one hands its parts on to; leave out for the final stage (exactly one)." })
  feeds?: string | null;

  @Field(() => GraphQLSafeInt, { defaultValue: 1, description: "Parts of this stage that one unit of the stage it feeds takes (2 seals a valve), 1 to 1,000 (default 1)." })
  partsPerUnit!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 100, description: "Percent of this stage's units expected good, 1 to 100 (default 100): it is ordered enough to hand on what the next stage needs after scrap." })
  yieldPercent!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 0, description: "Days to move this stage's parts to the stage it feeds, 0 to 90 (default 0)." })
  moveDays!: number;

  @Field(() => MoneyInput, { nullable: true, description: "The highest unit price accepted for this stage; leave out for no limit." })
  maxUnitPrice?: MoneyInput | null;

  @Field(() => SourcingPolicyInput, { description: "The stage's share limit, minimum number of contractors and minimum score (its valuePerDayEarlier is ignored: the chain's counts)." })
  sourcingPolicy!: SourcingPolicyInput;
}

@InputType({ description: "Parts of the chain bought in from outside the cluster: not bid on, declared with their value (it counts in the cluster's cooperation as made elsewhere) and the days they take to arrive." })
export class ChainOutsideStageInput {
  @Field(() => String, { description: "What is bought in and from whom (for example: forged blanks, Ural forge), at most 120 characters." })
  title!: string;

  @Field(() => String, { description: "The key of the stage the parts go to: it starts no sooner than they arrive." })
  feeds!: string;

  @Field(() => MoneyInput, { description: "What the parts cost, for the whole chain." })
  value!: MoneyInput;

  @Field(() => GraphQLSafeInt, { description: "Days from the chain's award until the parts are ready, 1 to 365." })
  leadDays!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 0, description: "Days to move them to the stage they feed, 0 to 90 (default 0)." })
  moveDays!: number;
}

@InputType({ description: "A production chain: one product made through several stages in sequence, or a tree of stages feeding one assembly; posted by those who may order (product companies, outside customers, a cluster's manufacturers)." })
export class PostChainInput {
  @Field(() => String, { description: "The product, at most 120 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What the product is, at most 4000 characters." })
  description?: string | null;

  @Field(() => GraphQLSafeInt, { description: "Good units of the product the final stage must hand over, at least 1." })
  quantity!: number;

  @Field(() => GraphQLLocalDate, { description: "The date the final stage must complete by; after today and after bidding closes." })
  neededBy!: string;

  @Field(() => Date, { description: "When bidding on every stage closes: in the future, before the needed-by date." })
  biddingClosesAt!: Date;

  @Field(() => MoneyInput, { nullable: true, description: "What each day earlier of the final completion is worth to you: the BALANCED chain plan weighs cost against it. Default 0." })
  valuePerDayEarlier?: MoneyInput | null;

  @Field(() => [ChainStageInput], { description: "The stages, 2 to 12, in any order; each but the final one feeds another." })
  stages!: ChainStageInput[];

  @Field(() => [ChainOutsideStageInput], { defaultValue: [], description: "Parts bought in from outside the cluster, at most 12 (default none)." })
  outsideStages!: ChainOutsideStageInput[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: "The customer awards a whole production chain by one of its plans." })
export class AwardChainInput {
  @Field(() => ID, { description: "The chain, every stage still open for bids." })
  chainId!: string;

  @Field(() => String, {
    description:
      "A plan's key from chain.plans. The plan must still be on the chain's front; its bids, offers and prices are checked again, its quote lines become bids at the offers' terms, and every stage's work is booked from the day its inputs arrive.",
  })
  planKey!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}
