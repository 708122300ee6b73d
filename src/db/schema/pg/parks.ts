import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";

/** A technopark or an industrial cluster: the community a company belongs to. */
export const parks = pgTable(
  "parks",
  {
    id: id(),
    name: text("name").notNull(),
    /** Lower-cased, whitespace-collapsed name: uniqueness ignores case and spacing. */
    nameKey: text("name_key").notNull(),
    kind: text("kind", { enum: ["TECHNOPARK", "CLUSTER"] }).notNull(),
    region: text("region").notNull(),
    description: text("description").notNull().default(""),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("parks_name_key_unique").on(t.nameKey),
    check("parks_kind_check", sql`${t.kind} in ('TECHNOPARK', 'CLUSTER')`),
  ],
);

export type ParkRow = typeof parks.$inferSelect;
