import { and, asc, count, eq } from "drizzle-orm";
import { afterCursor, type Executor } from "../db/executor";
import { companies, investments, type InvestmentRow } from "../db/schema";
import type { PageRequest } from "../db/page";
import { first, only } from "../db/prepared";

export async function insertInvestment(db: Executor, values: typeof investments.$inferInsert): Promise<InvestmentRow> {
  return only(db.insert(investments).values(values).returning());
}

export async function findInvestment(db: Executor, id: number): Promise<InvestmentRow | undefined> {
  return first(db.select().from(investments).where(eq(investments.id, id)));
}

export async function countInvestmentsOfPark(db: Executor, parkId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(investments).innerJoin(companies, eq(companies.id, investments.companyId)).where(eq(companies.parkId, parkId));
  return Number(row?.n ?? 0);
}

/** Investments into one park's companies, by id. */
export async function listInvestmentsOfPark(db: Executor, parkId: number, page: PageRequest): Promise<InvestmentRow[]> {
  return (await db
    .select({ investment: investments })
    .from(investments)
    .innerJoin(companies, eq(companies.id, investments.companyId))
    .where(and(eq(companies.parkId, parkId), afterCursor(investments.id, page)))
    .orderBy(asc(investments.id))
    .limit(page.limit + 1))
    .map((r) => r.investment);
}
