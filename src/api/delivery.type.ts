import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { DeliveryRow, DeliveryStatusValue } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";

export enum DeliveryStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}

registerEnumType(DeliveryStatus, {
  name: "DeliveryStatus",
  description: "The customer's decision on a delivery.",
  valuesConfig: {
    PENDING: { description: "Delivered; the customer has not decided yet." },
    ACCEPTED: { description: "Accepted: its value is the contractor's revenue on the decision date." },
    REJECTED: { description: "Rejected for quality, with a reason: its units go back to production." },
  },
});

@ObjectType({
  implements: Node,
  description: "Units of a contract handed over by the contractor, accepted or rejected by the customer. Seen by both and the coordinator.",
})
export class Delivery extends Node {
  dbId!: number;
  contractDbId!: number;

  @Field(() => GraphQLSafeInt, { description: "Units delivered." })
  quantity!: number;

  @Field(() => Money, { description: "Quantity times the contract's unit price, exact: revenue once accepted." })
  value!: Money;

  @Field(() => DeliveryStatus, { description: "The customer's decision." })
  status!: DeliveryStatusValue;

  @Field(() => GraphQLLocalDate, { description: "When the units were delivered (platform time zone)." })
  deliveredOn!: string;

  @Field(() => Boolean, { description: "Delivered after the contract's promised date; counts against on-time delivery in the scorecard." })
  late!: boolean;

  @Field(() => String, { description: "The contractor's note on the delivery; may be empty." })
  note!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: "When the customer accepted or rejected it; null while pending." })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Why the customer rejected it; null unless rejected." })
  rejectReason!: string | null;

  @Field(() => Date, { description: "When the delivery was recorded." })
  createdAt!: Date;
}

export function toDelivery(row: DeliveryRow): Delivery {
  return Object.assign(new Delivery(), {
    id: toGlobalId("Delivery", row.id),
    dbId: row.id,
    contractDbId: row.contractId,
    quantity: row.quantity,
    value: toMoney(row.valueMinor, row.currency as Currency),
    status: row.status,
    deliveredOn: row.deliveredOn,
    late: row.late,
    note: row.note,
    decidedOn: row.decidedOn,
    rejectReason: row.rejectReason,
    createdAt: row.createdAt,
  });
}

export const DeliveryConnection = ConnectionType("Delivery", Delivery, "A page of deliveries, oldest first.");
