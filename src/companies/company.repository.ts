import { and, asc, eq, exists, sql, type SQL } from "drizzle-orm";
import { afterCursor, countPerParent, countRows, pagePerParent, type Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { capabilityOffers, companies, parks, type CompanyRow } from "../db/schema";
import type { PageRequest } from "../db/page";
import type { CompanyKind } from "./company-kind";

export interface CompanyCriteria {
  parkId?: number;
  kind?: CompanyKind;
  capabilityId?: number;
  nameContains?: string;
}

export const findCompaniesByIds = rowsByIds(companies);

export async function findCompanyById(db: Executor, id: number): Promise<CompanyRow | undefined> {
  return first(db.select().from(companies).where(eq(companies.id, id)));
}

/** The kind of park a company belongs to (a member's rights depend on it: KIND_RIGHTS). */
export async function parkKindOfCompany(db: Executor, companyId: number): Promise<"TECHNOPARK" | "CLUSTER"> {
  const row = await first(db.select({ kind: parks.kind }).from(companies).innerJoin(parks, eq(parks.id, companies.parkId)).where(eq(companies.id, companyId)));
  return row!.kind;
}

export async function findCompanyByNameKey(db: Executor, parkId: number, nameKey: string): Promise<CompanyRow | undefined> {
  return first(db
    .select()
    .from(companies)
    .where(and(eq(companies.parkId, parkId), eq(companies.nameKey, nameKey))));
}

export async function insertCompany(db: Executor, values: typeof companies.$inferInsert): Promise<CompanyRow> {
  return only(db.insert(companies).values(values).returning());
}

export async function updateCompany(db: Executor, id: number, values: Partial<typeof companies.$inferInsert>): Promise<CompanyRow> {
  return only(db.update(companies).set(values).where(eq(companies.id, id)).returning());
}

function criteriaSql(db: Executor, criteria: CompanyCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    criteria.parkId === undefined ? undefined : eq(companies.parkId, criteria.parkId),
    criteria.kind === undefined ? undefined : eq(companies.kind, criteria.kind),
  ];
  if (criteria.capabilityId !== undefined) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(capabilityOffers)
          .where(
            and(
              eq(capabilityOffers.companyId, companies.id),
              eq(capabilityOffers.capabilityId, criteria.capabilityId),
              eq(capabilityOffers.active, true),
            ),
          ),
      ),
    );
  }
  if (criteria.nameContains !== undefined) {
    const pattern = `%${criteria.nameContains.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    conditions.push(sql`${companies.nameKey} like ${pattern} escape '\\'`);
  }
  return and(...conditions);
}

export async function listCompanies(db: Executor, criteria: CompanyCriteria, page: PageRequest): Promise<CompanyRow[]> {
  return db
    .select()
    .from(companies)
    .where(and(criteriaSql(db, criteria), afterCursor(companies.id, page)))
    .orderBy(asc(companies.id))
    .limit(page.limit + 1);
}

/** A page of companies for each park, in one statement. */
export async function companiesPerPark(db: Executor, parkIds: number[], page: PageRequest, criteria: CompanyCriteria): Promise<CompanyRow[]> {
  return await pagePerParent(db, companies, companies.parkId, parkIds, page, criteriaSql(db, criteria));
}

export async function companyCountsPerPark(db: Executor, parkIds: number[], criteria: CompanyCriteria): Promise<Map<number, number>> {
  return await countPerParent(db, companies, companies.parkId, parkIds, criteriaSql(db, criteria));
}

export async function countCompanies(db: Executor, criteria: CompanyCriteria): Promise<number> {
  return await countRows(db, companies, criteriaSql(db, criteria));
}
