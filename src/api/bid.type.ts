import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { BidSource } from "../bids/bid-status";
import type { BidRevisionRow, BidRow, BidStatusValue } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";

@ObjectType({ description: "The terms a bid had at one revision." })
export class BidTerms {
  /** The bidding contractor: its engineer-hours are its own internal figure. */
  contractorDbId!: number;
  centihoursPerUnit!: number;

  @Field(() => Money, { description: "Price per unit." })
  unitPrice!: Money;

  @Field(() => GraphQLSafeInt, { description: "Fewest units the contractor takes." })
  minLot!: number;

  @Field(() => GraphQLSafeInt, { description: "Most units the contractor takes (at most the order's quantity)." })
  maxQuantity!: number;

  @Field(() => GraphQLSafeInt, { description: "Days from award to delivery the contractor promises." })
  leadTimeDays!: number;

  @Field(() => Date, { description: "Until when the bid stands." })
  validUntil!: Date;
}

@ObjectType({
  implements: Node,
  description: "A contract company's sealed bid on an order: seen only by the bidder, the order's owner and the coordinator.",
})
export class Bid extends Node {
  dbId!: number;
  orderDbId!: number;
  companyDbId!: number;

  /** The stored status; the API shows `bidStatusAt` (the field resolver in bid.resolver.ts). */
  storedStatus!: BidStatusValue;
  validUntil!: Date;

  @Field(() => GraphQLSafeInt, { description: "How many times the terms were set: 1 as submitted, +1 per revision." })
  revision!: number;

  @Field(() => BidTerms, { description: "The current terms." })
  terms!: BidTerms;

  @Field(() => BidSource, { description: "Where its terms came from: the contractor's own, or an instant quote." })
  source!: BidSource;

  @Field(() => Date, { description: "When the bid was submitted." })
  createdAt!: Date;

  @Field(() => Date, { description: "When the bid last changed." })
  updatedAt!: Date;
}

type TermsRow = Pick<BidRow, "unitPriceMinor" | "currency" | "minLot" | "maxQuantity" | "centihoursPerUnit" | "leadTimeDays" | "validUntil">;

export function toBidTerms(row: TermsRow, contractorDbId: number): BidTerms {
  return Object.assign(new BidTerms(), {
    contractorDbId,
    centihoursPerUnit: row.centihoursPerUnit,
    unitPrice: toMoney(row.unitPriceMinor, row.currency as Currency),
    minLot: row.minLot,
    maxQuantity: row.maxQuantity,
    leadTimeDays: row.leadTimeDays,
    validUntil: row.validUntil,
  });
}

export function toBid(row: BidRow): Bid {
  return Object.assign(new Bid(), {
    id: toGlobalId("Bid", row.id),
    dbId: row.id,
    orderDbId: row.orderId,
    companyDbId: row.companyId,
    storedStatus: row.status,
    validUntil: row.validUntil,
    revision: row.revision,
    terms: toBidTerms(row, row.companyId),
    source: row.source as BidSource,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

@ObjectType({ description: "Whether a live bid's contractor has the engineer-hours for it now: an award today books its work by the promised date." })
export class BidCapacityCheck {
  @Field(() => GraphQLLocalDate, { description: "The date an award today would promise: today + the bid's lead time." })
  promisedDate!: string;

  @Field(() => GraphQLSafeInt, { description: "The units whose hours fit, by then, in the free hours of the contractor's engineers who hold the order's capability." })
  coverableUnits!: number;

  @Field(() => Boolean, { description: "Whether the bid's maximum quantity fits." })
  coversMaximum!: boolean;

  @Field(() => String, { nullable: true, description: "A warning in words when it does not: how many units fit, and what an award above them would meet. Null when the maximum fits." })
  warning!: string | null;
}

@ObjectType({ description: "A bid's terms as set at one revision, and by whom." })
export class BidRevision {
  @Field(() => GraphQLSafeInt, { description: "1 as submitted, then 2, 3, ..." })
  revision!: number;

  @Field(() => BidTerms, { description: "The terms set at this revision." })
  terms!: BidTerms;

  @Field(() => String, { description: "Who set them." })
  actorName!: string;

  @Field(() => Date, { description: "When." })
  createdAt!: Date;
}

export function toBidRevision(row: BidRevisionRow, contractorDbId: number): BidRevision {
  return Object.assign(new BidRevision(), { revision: row.revision, terms: toBidTerms(row, contractorDbId), actorName: row.actorName, createdAt: row.createdAt });
}

export const BidConnection = ConnectionType("Bid", Bid, "A page of bids.");
export const BidRevisionConnection = ConnectionType("BidRevision", BidRevision, "A page of a bid's revisions, oldest first.");
