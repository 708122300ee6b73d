import { Float, Field, ID, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "../orders/order.inputs";
import { GraphQLLocalDate, GraphQLSafeInt } from "graphql-scalars";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";
import { ContractStatus } from "./contract-status";

@InputType({ description: "An awarded contract whose production starts." })
export class StartContractProductionInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;
}

@InputType({ description: "A contract to cancel, releasing its booked engineer-hours." })
export class CancelContractInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;

  @Field(() => String, { description: "Why, at most 4000 characters; shown to the contractor." })
  reason!: string;
}

@InputType({ description: "Narrows a list of contracts. Conditions combine with AND." })
export class ContractFilter {
  @Field(() => ContractStatus, { nullable: true, deprecationReason: "Use statuses.", description: "Only contracts in this state." })
  status?: ContractStatus | null;

  @Field(() => [ContractStatus], { nullable: true, description: "Only contracts in any of these states." })
  statuses?: ContractStatus[] | null;

  @Field(() => Date, { nullable: true, description: "Only contracts that changed (awarded, started, delivered, decided, cancelled) at or after this instant." })
  updatedSince?: Date | null;
}

export enum ContractSortField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  PROMISED_DATE = "PROMISED_DATE",
  VALUE = "VALUE",
}

registerEnumType(ContractSortField, {
  name: "ContractSortField",
  description: "What to sort contracts by; ties are broken by when they were awarded.",
  valuesConfig: {
    CREATED_AT: { description: "When the contract was awarded." },
    UPDATED_AT: { description: "When the contract last changed." },
    PROMISED_DATE: { description: "The date the contractor promised." },
    VALUE: { description: "What the contract is worth." },
  },
});

@InputType({ description: "How to sort a list of contracts." })
export class ContractOrder {
  @Field(() => ContractSortField, { description: "What to sort by." })
  field!: ContractSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction (default ASC)." })
  direction!: SortDirection;
}

@InputType({ description: "Units of a contract in production handed over to the customer." })
export class RecordDeliveryInput {
  @Field(() => ID, { description: "The contract, which must be IN_PRODUCTION." })
  contractId!: string;

  @Field(() => GraphQLSafeInt, { description: "Units delivered: at least 1, at most the units still to deliver." })
  quantity!: number;

  @Field(() => String, { nullable: true, description: "A note for the customer (batch, documents), at most 4000 characters." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: "The customer accepts a pending delivery, or part of it: the accepted units' value becomes the contractor's revenue today." })
export class AcceptDeliveryInput {
  @Field(() => ID, { description: "The delivery, which must be PENDING." })
  deliveryId!: string;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: "Accept only this many of its units (at least 1; default all): the rest are rejected with rejectReason, and are due again.",
  })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: "Why the units not accepted are rejected (at most 4000 characters); required when quantity is less than the delivery's." })
  rejectReason?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: "The customer rejects a pending delivery for quality: its units go back to production." })
export class RejectDeliveryInput {
  @Field(() => ID, { description: "The delivery, which must be PENDING." })
  deliveryId!: string;

  @Field(() => String, { description: "What was wrong, at most 4000 characters; shown to the contractor." })
  reason!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType({ description: "Booked hours of a contract to move from one engineer to another, in one week." })
export class ReassignWorkInput {
  @Field(() => ID, { description: "The contract." })
  contractId!: string;

  @Field(() => ID, { description: "The engineer the hours are booked on now." })
  fromEngineerId!: string;

  @Field(() => ID, { description: "The engineer to take them: same company, active, with the free hours." })
  toEngineerId!: string;

  @Field(() => GraphQLLocalDate, { description: "Any date in the ISO week concerned (this week or later)." })
  weekOf!: string;

  @Field(() => Float, { description: "Engineer-hours to move, 0.01 or more, two decimals at most." })
  hours!: number;
}

@InputType({ description: "The owner places again the units of an order that cancelled contracts left: a new order for them, linked to this one." })
export class ReorderCancelledUnitsInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: "The order whose contracts were cancelled." })
  orderId!: string;

  @Field(() => GraphQLLocalDate, { description: "When the units are needed now; after today." })
  neededBy!: string;

  @Field(() => Date, { description: "When bidding on the new order closes; in the future and before neededBy." })
  biddingClosesAt!: Date;
}
