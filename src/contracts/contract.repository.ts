import { and, asc, eq, inArray, or } from "drizzle-orm";
import { afterCursor, pagesPerParent, type Executor } from "../db/executor";
import { rowsByIds } from "../db/prepared";
import { contracts, type ContractRow, type ContractStatusValue, type EventTypeValue } from "../db/schema";
import type { DomainEvent } from "../events/event.repository";
import type { PageRequest } from "../graphql/connection";

export const findContractsByIds = rowsByIds(contracts);

/** The event of a contract's (or one of its deliveries') change: its contractor and customer may hear of it. */
export function contractEvent(
  type: EventTypeValue,
  contract: Pick<ContractRow, "id" | "orderId" | "bidId" | "companyId" | "customerCompanyId">,
  change: { from?: string | null; to?: string | null; deliveryId?: number; quantity?: number; centihours?: number; note?: string } = {},
): DomainEvent {
  return {
    type,
    orderId: contract.orderId,
    bidId: contract.bidId,
    contractId: contract.id,
    deliveryId: change.deliveryId ?? null,
    customerCompanyId: contract.customerCompanyId,
    contractorCompanyId: contract.companyId,
    fromStatus: change.from ?? null,
    toStatus: change.to ?? null,
    quantity: change.quantity ?? null,
    centihours: change.centihours ?? null,
    note: change.note ?? "",
  };
}

export async function findContractsOfOrder(db: Executor, orderId: number): Promise<ContractRow[]> {
  return db.select().from(contracts).where(eq(contracts.orderId, orderId)).all();
}

export async function insertContract(db: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
  return db.insert(contracts).values(values).returning().get();
}

/** Moves a contract from one status to another; false if it was not in `from`. */
export async function transitionContract(db: Executor, id: number, from: ContractStatusValue, to: ContractStatusValue, at: Date): Promise<boolean> {
  return (
    db
      .update(contracts)
      .set({ status: to, updatedAt: at })
      .where(and(eq(contracts.id, id), eq(contracts.status, from)))
      .run().changes === 1
  );
}

export async function cancelContract(db: Executor, id: number, reason: string, at: Date): Promise<boolean> {
  return (
    db
      .update(contracts)
      .set({ status: "CANCELLED", cancelReason: reason, updatedAt: at })
      .where(and(eq(contracts.id, id), inArray(contracts.status, ["AWARDED", "IN_PRODUCTION"]), eq(contracts.pendingQuantity, 0)))
      .run().changes === 1
  );
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
    .limit(page.limit + 1)
    .all();
}

/** A page of contracts for each order, in one statement; `onlyCompanyId` keeps one contractor's own. */
const contractPages = pagesPerParent(contracts, contracts.orderId, { companyId: contracts.companyId });

export async function contractsPerOrder(db: Executor, orderIds: number[], page: PageRequest, filter: { onlyCompanyId: number | null }): Promise<ContractRow[]> {
  return await contractPages(db, orderIds, page, { companyId: filter.onlyCompanyId });
}
