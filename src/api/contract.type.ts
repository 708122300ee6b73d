import { ContractStatus } from "../contracts/contract-status";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { ContractRow, ContractStatusValue } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";

@ObjectType({
  implements: Node,
  description: "Work awarded to one contractor on one order, at its bid's terms. Seen by the contractor, the customer and the coordinator.",
})
export class Contract extends Node {
  dbId!: number;
  orderDbId!: number;
  bidDbId!: number;
  contractorDbId!: number;
  customerDbId!: number;
  centihoursPerUnit!: number;

  @Field(() => GraphQLSafeInt, { description: "Units awarded." })
  quantity!: number;

  @Field(() => Money, { description: "Price per unit, from the bid." })
  unitPrice!: Money;

  @Field(() => Money, { description: "Quantity times unit price, exact." })
  value!: Money;

  @Field(() => GraphQLLocalDate, { description: "The first day its work is booked: the award's date, or for a stage of a production chain the day its inputs arrive (later when an earlier stage is late)." })
  startDate!: string;

  @Field(() => GraphQLLocalDate, {
    description: "When the contractor promised delivery: the start date plus the bid's lead time (for a chain stage, the date its free hours from the start allow; moved with the start when an earlier stage is late).",
  })
  promisedDate!: string;

  @Field(() => GraphQLSafeInt, { description: "Units delivered and awaiting the customer's decision." })
  pendingQuantity!: number;

  @Field(() => GraphQLSafeInt, { description: "Units the customer accepted." })
  acceptedQuantity!: number;

  @Field(() => GraphQLSafeInt, { description: "Units still to deliver: quantity minus pending and accepted units." })
  remainingQuantity!: number;

  @Field(() => Money, { description: "Accepted units times the unit price: the revenue the contract has earned so far." })
  acceptedValue!: Money;

  @Field(() => ContractStatus, { description: "Where the contract is in its life." })
  status!: ContractStatusValue;

  @Field(() => String, { nullable: true, description: "Why the contract was cancelled; null unless it was." })
  cancelReason!: string | null;

  @Field(() => Date, { description: "When the contract was made (the award)." })
  createdAt!: Date;
}

export function toContract(row: ContractRow): Contract {
  const currency = row.currency as Currency;
  return Object.assign(new Contract(), {
    id: toGlobalId("Contract", row.id),
    dbId: row.id,
    orderDbId: row.orderId,
    bidDbId: row.bidId,
    contractorDbId: row.companyId,
    customerDbId: row.customerCompanyId,
    centihoursPerUnit: row.centihoursPerUnit,
    quantity: row.quantity,
    unitPrice: toMoney(row.unitPriceMinor, currency),
    value: toMoney(row.valueMinor, currency),
    startDate: row.startDate,
    promisedDate: row.promisedDate,
    pendingQuantity: row.pendingQuantity,
    acceptedQuantity: row.acceptedQuantity,
    remainingQuantity: row.quantity - row.pendingQuantity - row.acceptedQuantity,
    acceptedValue: toMoney(row.acceptedQuantity * row.unitPriceMinor, currency),
    status: row.status,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
  });
}

export const ContractConnection = ConnectionType("Contract", Contract, "A page of contracts.");
