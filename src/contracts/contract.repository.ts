import { and, asc, eq, inArray, or } from "drizzle-orm";
import { afterCursor, pagesPerParent, type Executor } from "../db/executor";
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
export async function listContractsOfCompany(db: Executor, companyId: number, status: ContractStatusValue | undefined, page: PageRequest): Promise<ContractRow[]> {
  return db
    .select()
    .from(contracts)
    .where(
      and(
        or(eq(contracts.companyId, companyId), eq(contracts.customerCompanyId, companyId)),
        status === undefined ? undefined : eq(contracts.status, status),
        afterCursor(contracts.id, page),
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(page.limit + 1);
}

/** A page of contracts for each order, in one statement; `onlyCompanyId` keeps one contractor's own. */
const contractPages = pagesPerParent(contracts, contracts.orderId, { companyId: contracts.companyId });

export async function contractsPerOrder(db: Executor, orderIds: number[], page: PageRequest, filter: { onlyCompanyId: number | null }): Promise<ContractRow[]> {
  return await contractPages(db, orderIds, page, { companyId: filter.onlyCompanyId });
}
