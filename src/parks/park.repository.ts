import { asc, eq } from "drizzle-orm";
import { afterCursor, countRows, type Executor } from "../db/executor";
import { first, only, rowsByIds } from "../db/prepared";
import { parks, type ParkRow } from "../db/schema";
import type { PageRequest } from "../db/page";

export const findParksByIds = rowsByIds(parks);

export async function findParkByNameKey(db: Executor, nameKey: string): Promise<ParkRow | undefined> {
  return first(db.select().from(parks).where(eq(parks.nameKey, nameKey)));
}

export async function listParks(db: Executor, page: PageRequest): Promise<ParkRow[]> {
  return db
    .select()
    .from(parks)
    .where(afterCursor(parks.id, page))
    .orderBy(asc(parks.id))
    .limit(page.limit + 1);
}

export async function countParks(db: Executor): Promise<number> {
  return await countRows(db, parks);
}

export async function insertPark(db: Executor, values: typeof parks.$inferInsert): Promise<ParkRow> {
  return only(db.insert(parks).values(values).returning());
}
