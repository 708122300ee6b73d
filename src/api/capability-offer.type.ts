import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { CapabilityOfferRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";

@ObjectType({
  implements: Node,
  description: "What a contract company makes: a capability at a unit price, pace, lead time and lot range.",
})
export class CapabilityOffer extends Node {
  dbId!: number;
  companyDbId!: number;
  capabilityDbId!: number;
  /** Internal: resolved through a field resolver visible only to the company and the coordinator. */
  centihoursPerUnit!: number;

  @Field(() => Money, { description: "Price of one unit." })
  unitPrice!: Money;

  @Field(() => GraphQLSafeInt, { description: "Fewest days from award to delivery the company can promise." })
  minLeadDays!: number;

  @Field(() => GraphQLSafeInt, { description: "Smallest quantity the company takes in one order." })
  minLot!: number;

  @Field(() => GraphQLSafeInt, { description: "Largest quantity the company takes in one order." })
  maxLot!: number;

  @Field(() => Boolean, { description: "Whether the offer is open; inactive offers are hidden from other companies." })
  active!: boolean;

  @Field(() => Date, { description: "When the offer was declared." })
  createdAt!: Date;

  @Field(() => Date, { description: "When the offer last changed." })
  updatedAt!: Date;
}

export function toCapabilityOffer(row: CapabilityOfferRow): CapabilityOffer {
  return Object.assign(new CapabilityOffer(), {
    id: toGlobalId("CapabilityOffer", row.id),
    dbId: row.id,
    companyDbId: row.companyId,
    capabilityDbId: row.capabilityId,
    centihoursPerUnit: row.centihoursPerUnit,
    unitPrice: toMoney(row.unitPriceMinor, row.currency as Currency),
    minLeadDays: row.minLeadDays,
    minLot: row.minLot,
    maxLot: row.maxLot,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export const CapabilityOfferConnection = ConnectionType("CapabilityOffer", CapabilityOffer, "A page of capability offers.");
