import { asc, eq } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { chains, orders, type ChainRow, type OrderRow } from "../db/schema";

export async function insertChain(db: Executor, values: typeof chains.$inferInsert): Promise<ChainRow> {
  return only(db.insert(chains).values(values).returning());
}

export const findChainsByIds = rowsByIds(chains);

export async function findChainById(db: Executor, id: number): Promise<ChainRow | undefined> {
  return first(db.select().from(chains).where(eq(chains.id, id)));
}

/** A chain's stage orders, in the order they were posted. */
export async function stagesOfChain(db: Executor, chainId: number): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.chainId, chainId)).orderBy(asc(orders.id));
}
