import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";

/** The park-wide catalogue of production capabilities (casting, machining, ...). */
export const capabilities = pgTable(
  "capabilities",
  {
    id: id(),
    /** Stable machine name, e.g. MECHANICAL_MACHINING. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("capabilities_code_unique").on(t.code),
    uniqueIndex("capabilities_name_key_unique").on(t.nameKey),
  ],
);

export type CapabilityRow = typeof capabilities.$inferSelect;
