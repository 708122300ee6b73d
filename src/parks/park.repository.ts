import { asc, eq, inArray } from "drizzle-orm";
import { afterCursor, type Executor } from "../db/executor";
import { parks, type ParkRow } from "../db/schema";
import type { PageRequest } from "../graphql/connection";

export function findParksByIds(db: Executor, ids: number[]): ParkRow[] {
  return db.select().from(parks).where(inArray(parks.id, ids)).all();
}

export function findParkByNameKey(db: Executor, nameKey: string): ParkRow | undefined {
  return db.select().from(parks).where(eq(parks.nameKey, nameKey)).get();
}

export function listParks(db: Executor, page: PageRequest): ParkRow[] {
  return db
    .select()
    .from(parks)
    .where(afterCursor(parks.id, page))
    .orderBy(asc(parks.id))
    .limit(page.limit + 1)
    .all();
}

export function insertPark(db: Executor, values: typeof parks.$inferInsert): ParkRow {
  return db.insert(parks).values(values).returning().get();
}
