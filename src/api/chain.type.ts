import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { ChainRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { UserError } from "../graphql/errors";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";
import { Contract } from "./contract.type";
import { MatchPlan, NoPlanReason, PlanPick } from "./matching.type";
import { Order } from "./order.type";

@ObjectType({
  implements: Node,
  description: "A production chain: one product made through several stages by different contractors, each stage an order bid on like any. Its customer's and the coordinator's.",
})
export class Chain extends Node {
  dbId!: number;
  row!: ChainRow;

  @Field(() => String, { description: "The product." })
  title!: string;

  @Field(() => String, { description: "What the product is." })
  description!: string;

  @Field(() => GraphQLSafeInt, { description: "Good units of the product the final stage hands over." })
  quantity!: number;

  @Field(() => GraphQLLocalDate, { description: "The date the final stage must complete by." })
  neededBy!: string;

  @Field(() => Money, { description: "What each day earlier of the final completion is worth to the customer (BALANCED weighs cost against it)." })
  valuePerDayEarlier!: Money;

  @Field(() => Date, { description: "When the chain was posted." })
  createdAt!: Date;
}

export function toChain(row: ChainRow): Chain {
  return Object.assign(new Chain(), {
    id: toGlobalId("Chain", row.id),
    dbId: row.id,
    row,
    title: row.title,
    description: row.description,
    quantity: row.quantity,
    neededBy: row.neededBy,
    valuePerDayEarlier: toMoney(row.valuePerDayMinor, row.currency as Currency),
    createdAt: row.createdAt,
  });
}

@ObjectType({ description: "Parts of a chain bought in from outside the cluster: declared, not bid on." })
export class ChainOutsideStage {
  @Field(() => String, { description: "What is bought in, and from whom." })
  title!: string;

  @Field(() => Order, { description: "The order of the stage the parts go to; it starts no sooner than they arrive." })
  feeds!: Order;

  @Field(() => Money, { description: "What the parts cost: made outside the cluster, it counts against its cooperation." })
  value!: Money;

  @Field(() => GraphQLSafeInt, { description: "Days from the chain's award until the parts are ready." })
  leadDays!: number;

  @Field(() => GraphQLSafeInt, { description: "Days to move them to the stage they feed." })
  moveDays!: number;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "When they arrive at the stage they feed: the award's date plus lead and moving days. Null before the award." })
  arrivesOn!: string | null;
}

@ObjectType({ description: "A stage of a chain: its order, where its parts go and how many it must hand on." })
export class ChainStage {
  @Field(() => Order, { description: "The stage's order, which contractors bid on." })
  order!: Order;

  @Field(() => Order, { nullable: true, description: "The order of the stage this one hands its parts on to; null for the final stage." })
  feeds!: Order | null;

  @Field(() => GraphQLSafeInt, { description: "Good units the stage hands on: the chain's quantity for the final stage, else what the stage it feeds takes (its quantity times parts per unit)." })
  handOnQuantity!: number;

  @Field(() => GraphQLSafeInt, { description: "Parts of this stage one unit of the stage it feeds takes." })
  partsPerUnit!: number;

  @Field(() => GraphQLSafeInt, { description: "Percent of the stage's units expected good; its order's quantity covers the scrap." })
  yieldPercent!: number;

  @Field(() => GraphQLSafeInt, { description: "Days to move its parts to the stage it feeds." })
  moveDays!: number;

  @Field(() => GraphQLLocalDate, { description: "The latest the stage may complete for the final stage to complete by the chain's date (its order's needed-by date)." })
  latestCompletion!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "When its work starts: the day its inputs arrive (award day for a stage with none), later when an earlier stage is late. Null before the award." })
  startDate!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "When it completes, as far as is known: the latest of its contracts' dates, each the day it was delivered (or accepted), else its promised date (today, when that has passed with units undelivered). Null before the award.",
  })
  expectedCompletion!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "The day its last units were accepted; null until then." })
  completedOn!: string | null;

  @Field(() => Boolean, { description: "Whether it is expected (or was completed) after its latest completion: the chain's date is at risk." })
  late!: boolean;
}

export enum ChainStatus {
  OPEN = "OPEN",
  AWARDED = "AWARDED",
  IN_PRODUCTION = "IN_PRODUCTION",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

registerEnumType(ChainStatus, {
  name: "ChainStatus",
  description: "Where a production chain is in its life, from its stages' orders.",
  valuesConfig: {
    OPEN: { description: "Every stage takes bids; awardChain awards them all at once." },
    AWARDED: { description: "Awarded: every stage has its contracts; none has started production." },
    IN_PRODUCTION: { description: "A stage is in production (or complete) and the final stage is not complete." },
    COMPLETED: { description: "The final stage's last units were accepted: the product is made." },
    CANCELLED: { description: "A stage was cancelled or expired before the final stage completed: the chain will not complete as posted." },
  },
});

@ObjectType({ description: "One stage in a chain plan: when it starts, why then, and its split between contractors." })
export class ChainStagePlan {
  @Field(() => Order, { description: "The stage's order." })
  stage!: Order;

  @Field(() => GraphQLLocalDate, { description: "When the stage can start: the day the last of its inputs arrives, or today for a stage with no inputs. Its contractors' free hours count from that week." })
  startDate!: string;

  @Field(() => GraphQLLocalDate, { description: "When its parts reach the stage it feeds (its completion plus moving days); the final stage's completion." })
  arrivalDate!: string;

  @Field(() => String, { description: "Why the stage starts then, in a sentence." })
  startReason!: string;

  @Field(() => MatchPlan, { description: "The stage's split between contractors, with each line's reason. Its key is null: a chain is awarded whole." })
  plan!: MatchPlan;
}

@ObjectType({ description: "A plan for a whole chain: every stage's split, the stages in an order that puts inputs first." })
export class ChainPlan {
  @Field(() => String, { description: "Pass as awardChain's planKey to award this plan, every stage at once." })
  key!: string;

  @Field(() => Money, { description: "The sum of every stage's cost, exact." })
  totalCost!: Money;

  @Field(() => GraphQLLocalDate, { description: "When the final stage completes." })
  completionDate!: string;

  @Field(() => GraphQLSafeInt, { description: "Days from today (Europe/Moscow) to the completion date." })
  daysToCompletion!: number;

  @Field(() => [PlanPick], { description: "The names this plan goes by (none, or some of CHEAPEST, FASTEST, BALANCED)." })
  picks!: PlanPick[];

  @Field(() => [Order], { description: "The stages that set the completion date, first to final: each one the last input of the next to arrive." })
  criticalPath!: Order[];

  @Field(() => [ChainStagePlan], { description: "Every stage, each after the stages that feed it. As many as the chain has stages (at most 12): not paginated." })
  stages!: ChainStagePlan[];
}

export const ChainConnection = ConnectionType("Chain", Chain, "A page of production chains.");

export const ChainPlanConnection = ConnectionType("ChainPlan", ChainPlan, "Plans of the chain's front, earliest completion (and so dearest) first.");

export enum ChainNoPlanCode {
  STAGE = "STAGE",
  STAGE_NOT_OPEN = "STAGE_NOT_OPEN",
  TOO_COMPLEX = "TOO_COMPLEX",
  TOO_LARGE = "TOO_LARGE",
}

registerEnumType(ChainNoPlanCode, {
  name: "ChainNoPlanCode",
  description: "Why a chain has no plan.",
  valuesConfig: {
    STAGE: { description: "A stage has no plan from the earliest its inputs can arrive: its own reason says why." },
    STAGE_NOT_OPEN: { description: "A stage's order is no longer open (awarded, cancelled or expired): the chain is planned while all its stages take bids." },
    TOO_COMPLEX: { description: "The search ran out of its work budget before the front was proved." },
    TOO_LARGE: { description: "Every plan's total is beyond exact arithmetic (about 90 trillion roubles)." },
  },
});

@ObjectType({ description: "Why a chain has no plan." })
export class ChainNoPlanReason {
  @Field(() => ChainNoPlanCode, { description: "What binds, for programs." })
  code!: ChainNoPlanCode;

  @Field(() => Order, { nullable: true, description: "The stage that binds, for STAGE and STAGE_NOT_OPEN." })
  stage!: Order | null;

  @Field(() => NoPlanReason, { nullable: true, description: "For STAGE: the stage's own reason, as an order's plans give it." })
  stageReason!: NoPlanReason | null;

  @Field(() => String, { description: "What binds, in a sentence a person can act on." })
  message!: string;
}

@ObjectType({ description: "The Pareto front of a chain's plans: for every achievable final completion date, the cheapest plan over every stage's live bids and instant quotes." })
export class ChainPlans {
  allPlans!: ChainPlan[];

  @Field(() => GraphQLLocalDate, { description: "The date the plans are computed as of (today, Europe/Moscow)." })
  asOf!: string;

  @Field(() => Money, { description: "The value of a day earlier that BALANCED used." })
  valuePerDayEarlier!: Money;

  @Field(() => ChainPlan, { nullable: true, description: "The plan with the least total cost; null when there is none." })
  cheapest!: ChainPlan | null;

  @Field(() => ChainPlan, { nullable: true, description: "The plan completing first; null when there is none." })
  fastest!: ChainPlan | null;

  @Field(() => ChainPlan, { nullable: true, description: "The plan with the least cost plus value of days; null when there is none." })
  balanced!: ChainPlan | null;

  @Field(() => ChainNoPlanReason, { nullable: true, description: "Why there is no plan; null when there is one." })
  noPlanReason!: ChainNoPlanReason | null;

  @Field(() => Boolean, { description: "Whether the front is proved whole (false only with TOO_COMPLEX)." })
  complete!: boolean;
}

@ObjectType({ description: "Result of postChain." })
export class PostChainPayload {
  @Field(() => Chain, { nullable: true, description: "The new chain, its stages open for bids; null when the input was refused." })
  chain!: Chain | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of awardChain." })
export class AwardChainPayload {
  @Field(() => Chain, { nullable: true, description: "The awarded chain; null when the award was refused." })
  chain!: Chain | null;

  @Field(() => [Contract], { nullable: true, description: "Every stage's contracts, inputs' stages first; null when refused." })
  contracts!: Contract[] | null;

  @Field(() => [UserError], { description: "Why the award was refused; empty on success." })
  userErrors!: UserError[];
}
