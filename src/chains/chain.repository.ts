import { eq } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { chains, type ChainRow } from "../db/schema";

export async function insertChain(db: Executor, values: typeof chains.$inferInsert): Promise<ChainRow> {
  return only(db.insert(chains).values(values).returning());
}

export const findChainsByIds = rowsByIds(chains);

export async function findChainById(db: Executor, id: number): Promise<ChainRow | undefined> {
  return first(db.select().from(chains).where(eq(chains.id, id)));
}
