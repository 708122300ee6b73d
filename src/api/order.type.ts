import { OrderStatus } from "../orders/order-status";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { EventRow, OrderRow, OrderStatusValue } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";
import { acceptingBids, awardDeadline, effectiveStatus } from "../orders/order-state";

@ObjectType({ description: "How the owner spreads an order so as not to depend on one producer." })
export class SourcingPolicy {
  @Field(() => GraphQLSafeInt, { description: "The largest share of the quantity any one contractor may get, in percent (1-100)." })
  maxSharePercent!: number;

  /** For the valuePerDayEarlier field, which only the owner and the coordinator see. */
  ownerCompanyDbId!: number;
  valuePerDay!: Money;

  @Field(() => GraphQLSafeInt, { description: "The fewest contractors the order must be split between." })
  minContractors!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "The lowest contractor scorecard score (0-100) the owner accepts; null for any." })
  minScore!: number | null;
}

@ObjectType({
  implements: Node,
  description: "A product company's order for its product. Visible to its owner, the coordinator, and contract companies while it is open or once they bid on it.",
})
export class Order extends Node {
  dbId!: number;
  companyDbId!: number;
  capabilityDbId!: number;
  row!: OrderRow;

  @Field(() => String, { description: "Short title." })
  title!: string;

  @Field(() => String, { description: "What the product is and what the work involves." })
  description!: string;

  @Field(() => GraphQLSafeInt, { description: "Units ordered." })
  quantity!: number;

  @Field(() => GraphQLLocalDate, { description: "The date the units are needed by (platform time zone, Europe/Moscow)." })
  neededBy!: string;

  @Field(() => Money, { nullable: true, description: "The highest unit price the owner accepts; null for no limit." })
  maxUnitPrice!: Money | null;

  @Field(() => Date, { description: "When bidding closes." })
  biddingClosesAt!: Date;

  @Field(() => Date, { description: "The last moment the owner can award; an order not awarded by then expires." })
  awardDeadline!: Date;

  @Field(() => SourcingPolicy, { description: "Share limit and minimum number of contractors." })
  sourcingPolicy!: SourcingPolicy;

  @Field(() => OrderStatus, { description: "Where the order is in its life, as of this request." })
  status!: OrderStatus;

  @Field(() => Boolean, { description: "Whether contractors may bid or revise bids now." })
  acceptingBids!: boolean;

  @Field(() => Date, { description: "When the order was posted." })
  createdAt!: Date;

  @Field(() => Date, { description: "When the order last changed." })
  updatedAt!: Date;
}

export function toOrder(row: OrderRow, now: Date): Order {
  const policy = Object.assign(new SourcingPolicy(), {
    maxSharePercent: row.maxSharePercent,
    minContractors: row.minContractors,
    minScore: row.minScore,
    ownerCompanyDbId: row.companyId,
    valuePerDay: toMoney(row.valuePerDayMinor, row.currency as Currency),
  });
  return Object.assign(new Order(), {
    id: toGlobalId("Order", row.id),
    dbId: row.id,
    companyDbId: row.companyId,
    capabilityDbId: row.capabilityId,
    row,
    title: row.title,
    description: row.description,
    quantity: row.quantity,
    neededBy: row.neededBy,
    maxUnitPrice: row.maxUnitPriceMinor === null ? null : toMoney(row.maxUnitPriceMinor, row.currency as Currency),
    biddingClosesAt: row.biddingClosesAt,
    awardDeadline: awardDeadline(row.biddingClosesAt),
    sourcingPolicy: policy,
    status: effectiveStatus(row, now) as OrderStatus,
    acceptingBids: acceptingBids(row, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

@ObjectType({ description: "One change of an order's state: who, from what, to what, when." })
export class OrderEvent {
  actorCompanyDbId!: number | null;

  @Field(() => OrderStatus, { nullable: true, description: "The state before; null when the order was posted." })
  fromStatus!: OrderStatusValue | null;

  @Field(() => OrderStatus, { description: "The state after." })
  toStatus!: OrderStatusValue;

  @Field(() => String, { description: 'Who acted: the token holder\'s name, or "platform" for expiry.' })
  actorName!: string;

  @Field(() => String, { description: "Why, when the actor said (e.g. a cancellation reason)." })
  note!: string;

  @Field(() => Date, { description: "When." })
  at!: Date;
}

/** An order's state change from the event log (an ORDER_* event, whose statuses are order statuses). */
export function toOrderEvent(row: EventRow): OrderEvent {
  return Object.assign(new OrderEvent(), {
    actorCompanyDbId: row.actorCompanyId,
    fromStatus: row.fromStatus as OrderStatusValue | null,
    toStatus: row.toStatus as OrderStatusValue,
    actorName: row.actorName,
    note: row.note,
    at: row.at,
  });
}

export const OrderConnection = ConnectionType("Order", Order, "A page of orders.");
export const OrderEventConnection = ConnectionType("OrderEvent", OrderEvent, "A page of an order's history, oldest first.");
