import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
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
