import { sql } from "drizzle-orm";
import { boolean, check, index, primaryKey, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { capabilities } from "./capabilities";
import { companies } from "./companies";

/** An engineer of a contract company, whose weekly hours are the company's capacity. */
export const engineers = pgTable(
  "engineers",
  {
    id: id(),
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    role: text("role", { enum: ["SYSTEM_ENGINEER", "ENGINEER"] }).notNull(),
    weeklyHours: int64("weekly_hours").notNull().default(40),
    active: boolean("active").notNull().default(true),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("engineers_company_idx").on(t.companyId, t.id),
    check("engineers_role_check", sql`${t.role} in ('SYSTEM_ENGINEER', 'ENGINEER')`),
    check("engineers_weekly_hours_check", sql`${t.weeklyHours} between 1 and 168`),
  ],
);

export type EngineerRow = typeof engineers.$inferSelect;

/**
 * The capabilities an engineer holds (skills): an offer's capacity is the free hours of the
 * company's active engineers who hold its capability, and its work is booked on them only.
 */
export const engineerSkills = pgTable(
  "engineer_skills",
  {
    engineerId: int64("engineer_id")
      .notNull()
      .references(() => engineers.id),
    capabilityId: int64("capability_id")
      .notNull()
      .references(() => capabilities.id),
  },
  (t) => [primaryKey({ columns: [t.engineerId, t.capabilityId] }), index("engineer_skills_capability_idx").on(t.capabilityId, t.engineerId)],
);

export type EngineerSkillRow = typeof engineerSkills.$inferSelect;
