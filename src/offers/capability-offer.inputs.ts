import { GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ID, InputType } from "type-graphql";
import { MoneyInput } from "../graphql/money";

@InputType({ description: "A contract company declares that it makes a capability, and on what terms." })
export class DeclareCapabilityOfferInput {
  @Field(() => ID, { nullable: true, description: "The contract company; defaults to the caller's own company." })
  companyId?: string | null;

  @Field(() => ID, { description: "The capability from the catalogue." })
  capabilityId!: string;

  @Field(() => MoneyInput, { description: "Price of one unit; greater than zero." })
  unitPrice!: MoneyInput;

  @Field(() => Float, { description: "Engineer-hours one unit takes: 0.01 to 100000, at most two decimals." })
  engineerHoursPerUnit!: number;

  @Field(() => GraphQLSafeInt, { description: "Fewest days from award to delivery, 1 to 3650." })
  minLeadDays!: number;

  @Field(() => GraphQLSafeInt, { description: "Smallest quantity taken in one order, at least 1." })
  minLot!: number;

  @Field(() => GraphQLSafeInt, { description: "Largest quantity taken in one order, at least minLot." })
  maxLot!: number;
}

@InputType({ description: "Changes to a capability offer. Fields left out stay as they are." })
export class UpdateCapabilityOfferInput {
  @Field(() => ID, { description: "The offer." })
  capabilityOfferId!: string;

  @Field(() => MoneyInput, { nullable: true, description: "New unit price." })
  unitPrice?: MoneyInput | null;

  @Field(() => Float, { nullable: true, description: "New engineer-hours per unit." })
  engineerHoursPerUnit?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New minimum lead time in days." })
  minLeadDays?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New minimum lot." })
  minLot?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "New maximum lot." })
  maxLot?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Open or withdraw the offer." })
  active?: boolean | null;
}

