import { sql } from "drizzle-orm";
import { check, index, primaryKey, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { capabilities } from "./capabilities";
import { companies } from "./companies";

/** An engineer of a contract company, whose weekly hours are the company's capacity. */
export const engineers = sqliteTable(
  "engineers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    role: text("role", { enum: ["SYSTEM_ENGINEER", "ENGINEER"] }).notNull(),
    weeklyHours: integer("weekly_hours").notNull().default(40),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("engineers_company_idx").on(t.companyId, t.id),
    check("engineers_role_check", sql`${t.role} in ('SYSTEM_ENGINEER', 'ENGINEER')`),
    check("engineers_weekly_hours_check", sql`${t.weeklyHours} between 1 and 168`),
  ],
);

/**
 * The capabilities an engineer holds (skills): an offer's capacity is the free hours of the
 * company's active engineers who hold its capability, and its work is booked on them only.
 */
export const engineerSkills = sqliteTable(
  "engineer_skills",
  {
    engineerId: integer("engineer_id")
      .notNull()
      .references(() => engineers.id),
    capabilityId: integer("capability_id")
      .notNull()
      .references(() => capabilities.id),
  },
  (t) => [primaryKey({ columns: [t.engineerId, t.capabilityId] }), index("engineer_skills_capability_idx").on(t.capabilityId, t.engineerId)],
);
