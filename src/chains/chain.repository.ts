import { and, desc, eq, lt } from "drizzle-orm";
import type { PageRequest } from "../db/page";
import { countRows, type Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { chainOutsideStages, chains, type ChainOutsideStageRow, type ChainRow } from "../db/schema";

export async function insertChain(db: Executor, values: typeof chains.$inferInsert): Promise<ChainRow> {
  return only(db.insert(chains).values(values).returning());
}

export const findChainsByIds = rowsByIds(chains);

/** A page of a company's chains, newest first (the page's cursor is the last id read). */
export async function listChainsOfCompany(db: Executor, companyId: number, page: PageRequest): Promise<ChainRow[]> {
  return db
    .select()
    .from(chains)
    .where(and(eq(chains.companyId, companyId), page.afterId === null ? undefined : lt(chains.id, page.afterId)))
    .orderBy(desc(chains.id))
    .limit(page.limit + 1);
}

export async function countChainsOfCompany(db: Executor, companyId: number): Promise<number> {
  return await countRows(db, chains, eq(chains.companyId, companyId));
}

export async function insertOutsideStages(db: Executor, values: (typeof chainOutsideStages.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(chainOutsideStages).values(values);
}

/** A chain's parts bought outside, in the order they were declared. */
export async function outsideStagesOfChain(db: Executor, chainId: number): Promise<ChainOutsideStageRow[]> {
  return db.select().from(chainOutsideStages).where(eq(chainOutsideStages.chainId, chainId)).orderBy(chainOutsideStages.id);
}

/** The chain's parts bought outside are ordered with its award: they arrive counted from today. */
export async function markOutsideStagesAwarded(db: Executor, chainId: number, on: string): Promise<void> {
  await db.update(chainOutsideStages).set({ awardedOn: on }).where(eq(chainOutsideStages.chainId, chainId));
}

export async function findChainById(db: Executor, id: number): Promise<ChainRow | undefined> {
  return first(db.select().from(chains).where(eq(chains.id, id)));
}
