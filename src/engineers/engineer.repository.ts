import { eq } from "drizzle-orm";
import { pagesPerParent, type Executor } from "../db/executor";
import { only, rowsByIds } from "../db/prepared";
import { engineers, type EngineerRow } from "../db/schema";
import type { PageRequest } from "../db/page";

export const findEngineersByIds = rowsByIds(engineers);

export async function insertEngineer(db: Executor, values: typeof engineers.$inferInsert): Promise<EngineerRow> {
  return only(db.insert(engineers).values(values).returning());
}

export async function updateEngineer(db: Executor, id: number, values: Partial<typeof engineers.$inferInsert>): Promise<EngineerRow> {
  return only(db.update(engineers).set(values).where(eq(engineers.id, id)).returning());
}

/** A page of engineers for each company, in one statement. */
const engineerPages = pagesPerParent(engineers, engineers.companyId, { active: engineers.active });

export async function engineersPerCompany(db: Executor, companyIds: number[], page: PageRequest, filter: { activeOnly: boolean }): Promise<EngineerRow[]> {
  return await engineerPages(db, companyIds, page, { active: filter.activeOnly ? true : null });
}

export async function engineerCountsPerCompany(db: Executor, companyIds: number[], filter: { activeOnly: boolean }): Promise<Map<number, number>> {
  return await engineerPages.count(db, companyIds, { active: filter.activeOnly ? true : null });
}

/** All engineers of one company, active or not, by id. */
export async function findEngineersOfCompany(db: Executor, companyId: number): Promise<EngineerRow[]> {
  return db.select().from(engineers).where(eq(engineers.companyId, companyId)).orderBy(engineers.id);
}
