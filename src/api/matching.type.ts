import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Bid } from "./bid.type";
import { Company } from "./company.type";
import { ConnectionType } from "../graphql/connection";
import { Money } from "../graphql/money";
import { CapabilityOffer } from "./capability-offer.type";

export enum PlanPick {
  CHEAPEST = "CHEAPEST",
  FASTEST = "FASTEST",
  BALANCED = "BALANCED",
}

registerEnumType(PlanPick, {
  name: "PlanPick",
  description: "A named plan of the front.",
  valuesConfig: {
    CHEAPEST: { description: "The least total cost (the latest plan of the front)." },
    FASTEST: { description: "The earliest completion (the first plan of the front)." },
    BALANCED: { description: "The least total cost plus the value of a day earlier for each day to completion; ties go to the earlier plan." },
  },
});

export enum PlanLineSource {
  BID = "BID",
  QUOTE = "QUOTE",
}

registerEnumType(PlanLineSource, {
  name: "PlanLineSource",
  description: "Where a line's terms come from.",
  valuesConfig: {
    BID: { description: "The contractor's live bid on the order: its price, lots and promised lead time." },
    QUOTE: { description: "The contractor's published offer (an instant quote): its price and lots, dated by its free capacity. Awarding turns it into a bid." },
  },
});

export enum ExclusionReason {
  PRICE_ABOVE_MAXIMUM = "PRICE_ABOVE_MAXIMUM",
  SCORE_BELOW_MINIMUM = "SCORE_BELOW_MINIMUM",
  TOO_LARGE = "TOO_LARGE",
  MIN_LOT_TOO_LARGE = "MIN_LOT_TOO_LARGE",
  TOO_LATE = "TOO_LATE",
  NO_CAPACITY = "NO_CAPACITY",
}

registerEnumType(ExclusionReason, {
  name: "ExclusionReason",
  description: "Why a contractor was left out of every plan.",
  valuesConfig: {
    PRICE_ABOVE_MAXIMUM: { description: "Its unit price is above the order's maximum." },
    SCORE_BELOW_MINIMUM: { description: "The contractor's scorecard score is below the order's minimum score." },
    TOO_LARGE: { description: "Its price times the order's quantity is beyond exact arithmetic (about 90 trillion roubles)." },
    MIN_LOT_TOO_LARGE: { description: "Its minimum lot is above the share limit or what it could take." },
    TOO_LATE: { description: "It completes nothing by the needed-by date." },
    NO_CAPACITY: { description: "Its free capacity by the needed-by date is less than its minimum lot." },
  },
});

export enum NoPlanCode {
  NO_CANDIDATES = "NO_CANDIDATES",
  PRICE = "PRICE",
  SCORE = "SCORE",
  NEEDED_BY = "NEEDED_BY",
  CAPACITY = "CAPACITY",
  SHARE_LIMIT = "SHARE_LIMIT",
  MIN_CONTRACTORS = "MIN_CONTRACTORS",
  LOT_SIZES = "LOT_SIZES",
  TOO_COMPLEX = "TOO_COMPLEX",
  ORDER_NOT_OPEN = "ORDER_NOT_OPEN",
}

registerEnumType(NoPlanCode, {
  name: "NoPlanCode",
  description: "The constraint that leaves an order without any plan.",
  valuesConfig: {
    NO_CANDIDATES: { description: "No contractor bid or offers the capability." },
    PRICE: { description: "Most candidates price above the order's maximum unit price." },
    SCORE: { description: "Most candidates score below the order's minimum scorecard score." },
    NEEDED_BY: { description: "Most candidates cannot complete anything by the needed-by date." },
    CAPACITY: { description: "The candidates cannot complete the whole quantity by the needed-by date; unitsShort says by how much." },
    SHARE_LIMIT: { description: "The share limit per contractor leaves units nobody may take; unitsShort says how many." },
    MIN_CONTRACTORS: { description: "Fewer eligible contractors than the minimum number to split between." },
    LOT_SIZES: { description: "No combination of the contractors' lot ranges adds up to exactly the quantity." },
    TOO_COMPLEX: {
      description: "The engine's work budget ran out before any plan was proved cheapest (many candidates with rigid lots): award by allocations, or narrow the candidates.",
    },
    ORDER_NOT_OPEN: { description: "The order is no longer open (awarded, cancelled or expired)." },
  },
});

@ObjectType({ description: "One contractor's part of a plan." })
export class PlanLine {
  @Field(() => Company, { description: "The contractor." })
  contractor!: Company;

  @Field(() => PlanLineSource, { description: "Whether the terms are its bid's or its published offer's." })
  source!: PlanLineSource;

  @Field(() => Bid, { nullable: true, description: "The bid, for a BID line." })
  bid!: Bid | null;

  @Field(() => CapabilityOffer, { nullable: true, description: "The offer quoted, for a QUOTE line." })
  capabilityOffer!: CapabilityOffer | null;

  @Field(() => GraphQLSafeInt, { description: "Units given to the contractor." })
  quantity!: number;

  @Field(() => Money, { description: "Price per unit." })
  unitPrice!: Money;

  @Field(() => Money, { description: "quantity x unit price, exact." })
  cost!: Money;

  @Field(() => GraphQLLocalDate, { description: "When the contractor completes its units: a bid's promised date, or the date its free capacity allows." })
  completionDate!: string;

  @Field(() => String, { description: "Why the contractor got this share, in one sentence (its price rank, and what capped it)." })
  reason!: string;
}

@ObjectType({ description: "A way to split the order: the cheapest allocation that completes by its completion date." })
export class MatchPlan {
  @Field(() => String, { nullable: true, description: "Pass as awardOrder's planKey to award this plan. Null in a preview, which has no order yet." })
  key!: string | null;

  @Field(() => [PlanLine], { description: "The contractors and their units, cheapest first. As many as the plan uses contractors; not paginated, as an award takes them all." })
  lines!: PlanLine[];

  @Field(() => Money, { description: "The sum of the lines' costs, exact." })
  totalCost!: Money;

  @Field(() => GraphQLLocalDate, { description: "When the last line completes." })
  completionDate!: string;

  @Field(() => GraphQLSafeInt, { description: "Days from today (Europe/Moscow) to the completion date." })
  daysToCompletion!: number;

  @Field(() => GraphQLSafeInt, { description: "How many contractors share the order." })
  contractorCount!: number;

  @Field(() => GraphQLSafeInt, { description: "The largest line, in units." })
  largestShare!: number;

  @Field(() => Float, { description: "The largest line as a percentage of the quantity, rounded half up to one decimal." })
  largestSharePercent!: number;

  @Field(() => [PlanPick], { description: "The names this plan goes by (none, or some of CHEAPEST, FASTEST, BALANCED)." })
  picks!: PlanPick[];
}

export const MatchPlanConnection = ConnectionType("MatchPlan", MatchPlan, "Plans of the front, earliest completion (and so dearest) first.");

@ObjectType({ description: "A contractor the engine left out, and why." })
export class ExcludedCandidate {
  @Field(() => Company, { description: "The contractor." })
  contractor!: Company;

  @Field(() => PlanLineSource, { description: "Whether it was its bid or its published offer." })
  source!: PlanLineSource;

  @Field(() => Bid, { nullable: true, description: "The bid, when it bid." })
  bid!: Bid | null;

  @Field(() => CapabilityOffer, { nullable: true, description: "The offer, when it was quoted." })
  capabilityOffer!: CapabilityOffer | null;

  @Field(() => ExclusionReason, { description: "Why, for programs." })
  reason!: ExclusionReason;

  @Field(() => String, { description: "Why, in a sentence." })
  message!: string;
}

export const ExcludedCandidateConnection = ConnectionType("ExcludedCandidate", ExcludedCandidate, "Contractors left out of every plan.");

@ObjectType({ description: "Why an order has no plan." })
export class NoPlanReason {
  @Field(() => NoPlanCode, { description: "The constraint that binds, for programs." })
  code!: NoPlanCode;

  @Field(() => String, { description: "What binds, in a sentence a person can act on." })
  message!: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "For CAPACITY and SHARE_LIMIT: units that cannot be placed by the needed-by date." })
  unitsShort!: number | null;
}

@ObjectType({
  description:
    "The order's plans: the Pareto front of total cost against completion date over live bids and instant quotes. Every plan is the cheapest that completes by its date; a plan both dearer and later than another is left out.",
})
export class MatchPlans {
  /** Every plan and exclusion; the connections page through them. */
  allPlans!: MatchPlan[];
  allExcluded!: ExcludedCandidate[];

  @Field(() => GraphQLLocalDate, { description: "The date the plans are computed as of (today, Europe/Moscow)." })
  asOf!: string;

  @Field(() => Money, { description: "The value of a day earlier that BALANCED used." })
  valuePerDayEarlier!: Money;

  @Field(() => MatchPlan, { nullable: true, description: "The plan with the least total cost; null when there is none." })
  cheapest!: MatchPlan | null;

  @Field(() => MatchPlan, { nullable: true, description: "The plan completing first; null when there is none." })
  fastest!: MatchPlan | null;

  @Field(() => MatchPlan, { nullable: true, description: "The plan with the least cost plus value of days; null when there is none." })
  balanced!: MatchPlan | null;

  @Field(() => NoPlanReason, { nullable: true, description: "Why there is no plan; null when there is one." })
  noPlanReason!: NoPlanReason | null;

  @Field(() => Boolean, {
    description:
      "Whether the plans are the whole front. False when the engine's work budget ran out: each plan shown is still the cheapest for its date, but plans completing earlier than the fastest shown may exist.",
  })
  complete!: boolean;
}
