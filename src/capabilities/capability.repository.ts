import { asc, eq, or } from "drizzle-orm";
import { afterCursor, countRows, type Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { capabilities, type CapabilityRow } from "../db/schema";
import type { PageRequest } from "../db/page";

export const findCapabilitiesByIds = rowsByIds(capabilities);

export async function findCapabilityByCodeOrNameKey(db: Executor, code: string, nameKey: string): Promise<CapabilityRow | undefined> {
  return first(db
    .select()
    .from(capabilities)
    .where(or(eq(capabilities.code, code), eq(capabilities.nameKey, nameKey))));
}

export async function listCapabilities(db: Executor, page: PageRequest): Promise<CapabilityRow[]> {
  return db
    .select()
    .from(capabilities)
    .where(afterCursor(capabilities.id, page))
    .orderBy(asc(capabilities.id))
    .limit(page.limit + 1);
}

export async function countCapabilities(db: Executor): Promise<number> {
  return await countRows(db, capabilities);
}

export async function insertCapability(db: Executor, values: typeof capabilities.$inferInsert): Promise<CapabilityRow> {
  return only(db.insert(capabilities).values(values).returning());
}
