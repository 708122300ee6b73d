import { asc, eq } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { only } from "../db/prepared";
import { parkTargets, type ParkTargetRow } from "../db/schema";

/** Sets the park's target for its measure, replacing the one there was. */
export async function upsertTarget(db: Executor, values: typeof parkTargets.$inferInsert): Promise<ParkTargetRow> {
  const { parkId: _, measure: __, ...changes } = values;
  return only(db.insert(parkTargets).values(values).onConflictDoUpdate({ target: [parkTargets.parkId, parkTargets.measure], set: changes }).returning());
}

/** A park's targets, by measure. */
export async function targetsOfPark(db: Executor, parkId: number): Promise<ParkTargetRow[]> {
  return db.select().from(parkTargets).where(eq(parkTargets.parkId, parkId)).orderBy(asc(parkTargets.measure));
}
