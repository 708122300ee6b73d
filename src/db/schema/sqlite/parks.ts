import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A technopark or an industrial cluster: the community a company belongs to. */
export const parks = sqliteTable(
  "parks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** Lower-cased, whitespace-collapsed name: uniqueness ignores case and spacing. */
    nameKey: text("name_key").notNull(),
    kind: text("kind", { enum: ["TECHNOPARK", "CLUSTER"] }).notNull(),
    region: text("region").notNull(),
    description: text("description").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("parks_name_key_unique").on(t.nameKey),
    check("parks_kind_check", sql`${t.kind} in ('TECHNOPARK', 'CLUSTER')`),
  ],
);
