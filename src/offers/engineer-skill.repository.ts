import { and, eq, inArray, sql } from "drizzle-orm";
import { runSql, type Executor } from "../db/executor";
import { engineers, engineerSkills } from "../db/schema";

/**
 * Which engineers hold which capabilities (skills). Kept beside the offers: an offer's capacity
 * is the free hours of its company's active engineers who hold its capability (src/capacity).
 */

/** The capabilities each engineer holds, in id order. */
export async function skillsOfEngineers(db: Executor, engineerIds: readonly number[]): Promise<Map<number, number[]>> {
  const skills = new Map<number, number[]>(engineerIds.map((id) => [id, []]));
  if (engineerIds.length === 0) return skills;
  const rows = await db.select().from(engineerSkills).where(inArray(engineerSkills.engineerId, [...engineerIds])).orderBy(engineerSkills.capabilityId);
  for (const row of rows) skills.get(row.engineerId)?.push(row.capabilityId);
  return skills;
}

/** Replaces an engineer's skills. */
export async function setSkills(db: Executor, engineerId: number, capabilityIds: readonly number[]): Promise<void> {
  await db.delete(engineerSkills).where(eq(engineerSkills.engineerId, engineerId));
  if (capabilityIds.length > 0) await db.insert(engineerSkills).values(capabilityIds.map((capabilityId) => ({ engineerId, capabilityId })));
}

/** Gives an engineer one more capability. */
export async function addSkill(db: Executor, engineerId: number, capabilityId: number): Promise<void> {
  await db.insert(engineerSkills).values({ engineerId, capabilityId }).onConflictDoNothing();
}

/** Whether an engineer holds a capability. */
export async function holds(db: Executor, engineerId: number, capabilityId: number): Promise<boolean> {
  const rows = await db.select().from(engineerSkills).where(and(eq(engineerSkills.engineerId, engineerId), eq(engineerSkills.capabilityId, capabilityId)));
  return rows.length > 0;
}

/**
 * A company's first offer in a capability is staffed by all its engineers: when none of them
 * holds the capability yet, every one of them gains it (one statement). Skills can then be
 * narrowed engineer by engineer (updateEngineer).
 */
export async function staffCapability(db: Executor, companyId: number, capabilityId: number): Promise<void> {
  await runSql(
    db,
    sql`insert into ${engineerSkills} (engineer_id, capability_id)
      select ${engineers.id}, ${capabilityId} from ${engineers}
      where ${engineers.companyId} = ${companyId}
        and not exists (select 1 from ${engineerSkills} s join ${engineers} e on e.id = s.engineer_id where e.company_id = ${companyId} and s.capability_id = ${capabilityId})`,
  );
}
