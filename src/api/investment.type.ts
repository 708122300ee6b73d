import { GraphQLLocalDate } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { type InvestmentRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { UserError } from "../graphql/errors";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";

@ObjectType({ implements: Node, description: "Money an investor put into a company of a park, recorded by the coordinator. Seen by the coordinator and investors." })
export class Investment extends Node {
  companyDbId!: number;

  @Field(() => String, { description: "Who invested." })
  investorName!: string;

  @Field(() => Money, { description: "How much." })
  amount!: Money;

  @Field(() => GraphQLLocalDate, { description: "When." })
  investedOn!: string;

  @Field(() => String, { description: "The coordinator's note; may be empty." })
  note!: string;

  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;
}

export function toInvestment(row: InvestmentRow): Investment {
  return Object.assign(new Investment(), {
    id: toGlobalId("Investment", row.id),
    companyDbId: row.companyId,
    investorName: row.investorName,
    amount: toMoney(row.amountMinor, row.currency as Currency),
    investedOn: row.investedOn,
    note: row.note,
    createdAt: row.createdAt,
  });
}

export const InvestmentConnection = ConnectionType("Investment", Investment, "A page of investments, oldest first.");

@ObjectType({ description: "Result of recordInvestment." })
export class InvestmentPayload {
  @Field(() => Investment, { nullable: true, description: "The investment recorded; null when refused." })
  investment!: Investment | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}
