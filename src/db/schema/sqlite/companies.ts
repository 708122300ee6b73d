import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { parks } from "./parks";
import { COMPANY_KINDS } from "../values";

/**
 * A company (or other participant) of a park. `kind` is fixed at registration: PRODUCT
 * companies order, CONTRACT companies produce (the technopark split); the cluster's other
 * participants' rights are KIND_RIGHTS in src/access/policy.ts.
 */
export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parkId: integer("park_id")
      .notNull()
      .references(() => parks.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    kind: text("kind", { enum: COMPANY_KINDS }).notNull(),
    description: text("description").notNull().default(""),
    employeeCount: integer("employee_count").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("companies_park_name_key_unique").on(t.parkId, t.nameKey),
    index("companies_kind_idx").on(t.kind),
    check("companies_kind_check", sql`${t.kind} in (${sql.raw(COMPANY_KINDS.map((kind) => `'${kind}'`).join(", "))})`),
    check("companies_employee_count_check", sql`${t.employeeCount} >= 1`),
  ],
);
