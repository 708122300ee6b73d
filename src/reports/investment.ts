import { GraphQLLocalDate } from "graphql-scalars";
import { and, asc, eq } from "drizzle-orm";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { afterCursor, type Executor } from "../db/executor";
import { companies, investments, type InvestmentRow } from "../db/schema";
import { ConnectionType, type PageRequest } from "../graphql/connection";
import { UserError } from "../graphql/errors";
import { toGlobalId } from "../graphql/global-id";
import { type Currency, Money, MoneyInput, toMoney } from "../graphql/money";
import { Node } from "../graphql/node";
import { IDEMPOTENCY_KEY_DESCRIPTION } from "../shared/idempotency";

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

@InputType({ description: "An investment to record." })
export class RecordInvestmentInput {
  @Field(() => ID, { description: "The company invested in." })
  companyId!: string;

  @Field(() => String, { description: "Who invested, at most 120 characters." })
  investorName!: string;

  @Field(() => MoneyInput, { description: "How much; more than zero." })
  amount!: MoneyInput;

  @Field(() => GraphQLLocalDate, { description: "When; not after today." })
  investedOn!: string;

  @Field(() => String, { nullable: true, description: "A note, at most 4000 characters." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@ObjectType({ description: "Result of recordInvestment." })
export class InvestmentPayload {
  @Field(() => Investment, { nullable: true, description: "The investment recorded; null when refused." })
  investment!: Investment | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

export async function insertInvestment(db: Executor, values: typeof investments.$inferInsert): Promise<InvestmentRow> {
  return db.insert(investments).values(values).returning().get();
}

export async function findInvestment(db: Executor, id: number): Promise<InvestmentRow | undefined> {
  return db.select().from(investments).where(eq(investments.id, id)).get();
}

/** Investments into one park's companies, by id. */
export async function listInvestmentsOfPark(db: Executor, parkId: number, page: PageRequest): Promise<InvestmentRow[]> {
  return db
    .select({ investment: investments })
    .from(investments)
    .innerJoin(companies, eq(companies.id, investments.companyId))
    .where(and(eq(companies.parkId, parkId), afterCursor(investments.id, page)))
    .orderBy(asc(investments.id))
    .limit(page.limit + 1)
    .all()
    .map((r) => r.investment);
}
