import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { EVENT_TYPES, type EventRow, type EventTypeValue } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";

export const MarketEventType = Object.fromEntries(EVENT_TYPES.map((type) => [type, type])) as { [K in EventTypeValue]: K };

registerEnumType(MarketEventType, {
  name: "MarketEventType",
  description: "What happened: to an order, a bid, a contract, a delivery, or to the work booked on engineers.",
  valuesConfig: {
    ORDER_POSTED: { description: "The owner posted the order; it takes bids." },
    ORDER_CANCELLED: { description: "The order was cancelled (by its owner while open, or when its last contract was cancelled)." },
    ORDER_AWARDED: { description: "The owner split the order between contractors." },
    ORDER_IN_PRODUCTION: { description: "A first contractor started production." },
    ORDER_COMPLETED: { description: "Every contract was accepted or cancelled, at least one accepted." },
    ORDER_EXPIRED: { description: "The order was not awarded by its award deadline." },
    BID_PLACED: { description: "A contractor bid (or the platform made a bid from its published offer, when the owner awarded a plan's quote)." },
    BID_REVISED: { description: "The bidder set new terms on its live bid." },
    BID_WITHDRAWN: { description: "The bidder withdrew its bid." },
    BID_EXPIRED: { description: "The bid's valid-until passed while it was live." },
    BID_AWARDED: { description: "The bid won units of the order." },
    BID_NOT_AWARDED: { description: "The order was awarded to others, cancelled or expired while the bid was live." },
    CONTRACT_AWARDED: { description: "A contract was made from an awarded bid, its work booked on the contractor's engineers." },
    CONTRACT_STARTED: { description: "The contractor started production." },
    CONTRACT_CANCELLED: { description: "The customer (or the coordinator) cancelled the contract; its bookings were released." },
    CONTRACT_COMPLETED: { description: "The customer accepted the contract's last units." },
    DELIVERY_RECORDED: { description: "The contractor delivered units." },
    DELIVERY_ACCEPTED: { description: "The customer accepted a delivery: its value is revenue today." },
    DELIVERY_REJECTED: { description: "The customer rejected a delivery for quality; the units are due again." },
    BOOKINGS_MOVED: { description: "Booked work of a contract moved between engineers (reassigned, or an engineer's hours cut)." },
    CONTRACT_RESCHEDULED: { description: "A chain stage's contract moved later, its start and promised dates and its booked work: a stage before it is late (a late delivery, or rejected units to be made again)." },
    QUESTION_ASKED: { description: "A contract company asked the order's owner a question (the asker and the owner hear of it)." },
    QUESTION_ANSWERED: { description: "The owner answered a question (to its asker)." },
    QUESTION_PUBLISHED: { description: "The owner published a question with its answer: the order's bidders hear of it (and may read it on the order, as anyone who may see the order)." },
  },
});

@ObjectType({ description: "Something that happened on the marketplace, as its event log recorded it in the same transaction as the change." })
export class MarketEvent {
  @Field(() => MarketEventType, { description: "What happened." })
  type!: EventTypeValue;

  @Field(() => Date, { description: "When." })
  at!: Date;

  @Field(() => String, { description: 'Who acted: the token holder\'s name, or "platform" for what the platform did itself (expiry).' })
  actorName!: string;

  @Field(() => String, { nullable: true, description: "The status of the order, bid, contract or delivery before; null when it did not change or was new." })
  fromStatus!: string | null;

  @Field(() => String, { nullable: true, description: "Its status after; null when no status changed (work moved)." })
  toStatus!: string | null;

  @Field(() => ID, { nullable: true, description: "The bid it concerns (read it with node, where you may see it)." })
  bidId!: string | null;

  @Field(() => ID, { nullable: true, description: "The contract it concerns." })
  contractId!: string | null;

  @Field(() => ID, { nullable: true, description: "The delivery it concerns." })
  deliveryId!: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "The units it concerns: a contract's, a delivery's." })
  quantity!: number | null;

  @Field(() => String, { description: "What the actor or the platform said about it (a reason, a revision number); may be empty." })
  note!: string;

  /** The row's ids and parties, for the field resolvers (src/api/event.resolver.ts). */
  row!: EventRow;
}

@InputType({ description: "Which events a subscription receives, of those you may see." })
export class MarketEventFilter {
  @Field(() => [MarketEventType], { nullable: true, description: "Only these kinds of event; default every kind." })
  types?: EventTypeValue[] | null;

  @Field(() => ID, { nullable: true, description: "Only this order's events (its bids, contracts and deliveries included); default every order you may see." })
  orderId?: string | null;
}

export function toMarketEvent(row: EventRow): MarketEvent {
  return Object.assign(new MarketEvent(), {
    type: row.type,
    at: row.at,
    actorName: row.actorName,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    bidId: row.bidId === null ? null : toGlobalId("Bid", row.bidId),
    contractId: row.contractId === null ? null : toGlobalId("Contract", row.contractId),
    deliveryId: row.deliveryId === null ? null : toGlobalId("Delivery", row.deliveryId),
    quantity: row.quantity,
    note: row.note,
    row,
  });
}

export const MarketEventConnection = ConnectionType("MarketEvent", MarketEvent, "A page of events, oldest first.");
