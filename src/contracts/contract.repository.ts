import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { afterCursor, countRows, pagesPerParent, type Executor } from "../db/executor";
import { only, rowsByIds } from "../db/prepared";
import { contracts, type ContractRow, type ContractStatusValue } from "../db/schema";
import type { PageRequest } from "../db/page";

export const findContractsByIds = rowsByIds(contracts);

export async function findContractsOfOrder(db: Executor, orderId: number): Promise<ContractRow[]> {
  return db.select().from(contracts).where(eq(contracts.orderId, orderId));
}

export async function insertContract(db: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
  return only(db.insert(contracts).values(values).returning());
}

/** Moves a contract from one status to another; false if it was not in `from`. */
export async function transitionContract(db: Executor, id: number, from: ContractStatusValue, to: ContractStatusValue, at: Date): Promise<boolean> {
  const changed = await db
    .update(contracts)
    .set({ status: to, updatedAt: at })
    .where(and(eq(contracts.id, id), eq(contracts.status, from)))
    .returning({ id: contracts.id });
  return changed.length === 1;
}

export async function cancelContract(db: Executor, id: number, reason: string, at: Date): Promise<boolean> {
  const changed = await db
    .update(contracts)
    .set({ status: "CANCELLED", cancelReason: reason, updatedAt: at })
    .where(and(eq(contracts.id, id), inArray(contracts.status, ["AWARDED", "IN_PRODUCTION"]), eq(contracts.pendingQuantity, 0)))
    .returning({ id: contracts.id });
  return changed.length === 1;
}

/** A company's contracts, as contractor or as customer. */
export async function countContractsOfCompany(db: Executor, companyId: number, status: ContractStatusValue | undefined): Promise<number> {
  return await countRows(db, contracts, contractsOf(companyId, status));
}

const contractsOf = (companyId: number, status: ContractStatusValue | undefined) =>
  and(or(eq(contracts.companyId, companyId), eq(contracts.customerCompanyId, companyId)), status === undefined ? undefined : eq(contracts.status, status));

export async function listContractsOfCompany(db: Executor, companyId: number, status: ContractStatusValue | undefined, page: PageRequest): Promise<ContractRow[]> {
  return db
    .select()
    .from(contracts)
    .where(and(contractsOf(companyId, status), afterCursor(contracts.id, page)))
    .orderBy(asc(contracts.id))
    .limit(page.limit + 1);
}

/** A page of contracts for each order, in one statement; `onlyCompanyId` keeps one contractor's own. */
const contractPages = pagesPerParent(contracts, contracts.orderId, { companyId: contracts.companyId });

export async function contractsPerOrder(db: Executor, orderIds: number[], page: PageRequest, filter: { onlyCompanyId: number | null }): Promise<ContractRow[]> {
  return await contractPages(db, orderIds, page, { companyId: filter.onlyCompanyId });
}

/** What each order's contracts not cancelled are worth together, in minor units; orders with none are absent. */
export async function awardedValuePerOrder(db: Executor, orderIds: readonly number[]): Promise<Map<number, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ orderId: contracts.orderId, value: sql<string>`cast(sum(${contracts.valueMinor}) as bigint)`.mapWith(Number) })
    .from(contracts)
    .where(and(inArray(contracts.orderId, [...orderIds]), ne(contracts.status, "CANCELLED")))
    .groupBy(contracts.orderId);
  return new Map(rows.map((row) => [row.orderId, row.value]));
}

export async function contractCountsPerOrder(db: Executor, orderIds: number[], filter: { onlyCompanyId: number | null }): Promise<Map<number, number>> {
  return await contractPages.count(db, orderIds, { companyId: filter.onlyCompanyId });
}
