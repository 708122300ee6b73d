import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { parks } from "./parks";
import { COMPANY_KINDS } from "../values";

/**
 * A company (or other participant) of a park. `kind` is fixed at registration: PRODUCT
 * companies order, CONTRACT companies produce (the technopark split); the cluster's other
 * participants' rights are KIND_RIGHTS in src/access/policy.ts.
 */
export const companies = pgTable(
  "companies",
  {
    id: id(),
    parkId: int64("park_id")
      .notNull()
      .references(() => parks.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    kind: text("kind", { enum: COMPANY_KINDS }).notNull(),
    description: text("description").notNull().default(""),
    employeeCount: int64("employee_count").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("companies_park_name_key_unique").on(t.parkId, t.nameKey),
    index("companies_kind_idx").on(t.kind),
    check("companies_kind_check", sql`${t.kind} in (${sql.raw(COMPANY_KINDS.map((kind) => `'${kind}'`).join(", "))})`),
    check("companies_employee_count_check", sql`${t.employeeCount} >= 1`),
  ],
);

export type CompanyRow = typeof companies.$inferSelect;
