import { and, eq, gte, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { countPerParent, countRows, pagesPerParent, sortedPage, sortedPagePerParent, type Executor } from "../db/executor";
import { only, rowsByIds } from "../db/prepared";
import { contracts, orders, type ContractRow, type ContractStatusValue } from "../db/schema";
import type { PageRequest, Sort, SortedPageRequest, SortSpec } from "../db/page";
import { ContractSortField } from "./contract.inputs";
import { countContractInParkDay } from "./park-days.repository";

export const findContractsByIds = rowsByIds(contracts);

export async function findContractsOfOrder(db: Executor, orderId: number): Promise<ContractRow[]> {
  return findContractsOfOrders(db, [orderId]);
}

/** The contracts of several orders, in one statement. */
export async function findContractsOfOrders(db: Executor, orderIds: readonly number[]): Promise<ContractRow[]> {
  return orderIds.length === 0 ? [] : db.select().from(contracts).where(inArray(contracts.orderId, [...orderIds]));
}

/**
 * Inserts a contract, counted into its day's order volume (park_days); the order's first one
 * also sets when the order was first awarded (orders.first_contract_at).
 */
export async function insertContract(db: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
  const contract = await only(db.insert(contracts).values(values).returning());
  await db.update(orders).set({ firstContractAt: contract.createdAt }).where(and(eq(orders.id, contract.orderId), isNull(orders.firstContractAt)));
  await countContractInParkDay(db, contract, 1);
  return contract;
}

/** A chain stage's contract moved later: the day its work may start and its promised date. */
export async function rescheduleContract(db: Executor, id: number, dates: { startDate: string; promisedDate: string }, at: Date): Promise<void> {
  await db.update(contracts).set({ ...dates, updatedAt: at }).where(eq(contracts.id, id));
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

/** Cancels a contract not delivered yet, taken off its award day's order volume; false if it could not be. */
export async function cancelContract(db: Executor, id: number, reason: string, at: Date): Promise<boolean> {
  const changed = await db
    .update(contracts)
    .set({ status: "CANCELLED", cancelReason: reason, updatedAt: at })
    .where(and(eq(contracts.id, id), inArray(contracts.status, ["AWARDED", "IN_PRODUCTION"]), eq(contracts.pendingQuantity, 0)))
    .returning();
  if (changed.length === 1) await countContractInParkDay(db, changed[0], -1);
  return changed.length === 1;
}

/** A company's contracts, as contractor or as customer. */
/** What a company's list of contracts may be narrowed by. */
export interface ContractCriteria {
  statuses?: readonly ContractStatusValue[];
  updatedSince?: Date;
}

/** How each sort field of a contract list reads from a row (ContractOrder). */
export const CONTRACT_SORTS: Record<ContractSortField, SortSpec<ContractRow>> = {
  [ContractSortField.CREATED_AT]: { column: contracts.id, valueOf: (r) => r.id, fromCursor: (v) => v, type: "number" },
  [ContractSortField.UPDATED_AT]: { column: contracts.updatedAt, valueOf: (r) => r.updatedAt.getTime(), fromCursor: (v) => new Date(v as number), type: "number" },
  [ContractSortField.PROMISED_DATE]: { column: contracts.promisedDate, valueOf: (r) => r.promisedDate, fromCursor: (v) => v, type: "string" },
  [ContractSortField.VALUE]: { column: contracts.valueMinor, valueOf: (r) => r.valueMinor, fromCursor: (v) => v, type: "number" },
};

export async function countContractsOfCompany(db: Executor, companyId: number, criteria: ContractCriteria): Promise<number> {
  return await countRows(db, contracts, contractsOf(companyId, criteria));
}

const contractsOf = (companyId: number, criteria: ContractCriteria) =>
  and(
    or(eq(contracts.companyId, companyId), eq(contracts.customerCompanyId, companyId)),
    criteria.statuses?.length ? inArray(contracts.status, [...criteria.statuses]) : undefined,
    criteria.updatedSince === undefined ? undefined : gte(contracts.updatedAt, criteria.updatedSince),
  );

/** A company's contracts, as contractor or customer, in the sort asked for. */
export async function listContractsOfCompany(db: Executor, companyId: number, criteria: ContractCriteria, sort: Sort<ContractSortField>, page: SortedPageRequest): Promise<ContractRow[]> {
  return sortedPage(db, contracts, contractsOf(companyId, criteria), CONTRACT_SORTS[sort.field], sort.descending, page);
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

/** An order's contracts asked for with list options: one contractor's own with `onlyCompanyId`. */
export interface OrderContractsQuery {
  onlyCompanyId: number | null;
  criteria: ContractCriteria;
  sort: Sort<ContractSortField>;
  after: SortedPageRequest["after"];
}

const orderContractsMatching = (query: OrderContractsQuery) =>
  and(
    query.onlyCompanyId === null ? undefined : eq(contracts.companyId, query.onlyCompanyId),
    query.criteria.statuses?.length ? inArray(contracts.status, [...query.criteria.statuses]) : undefined,
    query.criteria.updatedSince === undefined ? undefined : gte(contracts.updatedAt, query.criteria.updatedSince),
  );

export async function sortedContractsPerOrder(db: Executor, orderIds: number[], limit: number, query: OrderContractsQuery): Promise<ContractRow[]> {
  return await sortedPagePerParent(db, contracts, contracts.orderId, orderIds, orderContractsMatching(query), CONTRACT_SORTS[query.sort.field], query.sort.descending, { limit, after: query.after });
}

export async function sortedContractCountsPerOrder(db: Executor, orderIds: number[], query: OrderContractsQuery): Promise<Map<number, number>> {
  return await countPerParent(db, contracts, contracts.orderId, orderIds, orderContractsMatching(query));
}

export async function contractCountsPerOrder(db: Executor, orderIds: number[], filter: { onlyCompanyId: number | null }): Promise<Map<number, number>> {
  return await contractPages.count(db, orderIds, { companyId: filter.onlyCompanyId });
}
