import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
