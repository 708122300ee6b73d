import { and, asc, eq } from "drizzle-orm";
import { afterCursor, type Executor } from "../db/executor";
import { companies, investments, type InvestmentRow } from "../db/schema";
import type { PageRequest } from "../db/page";

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
