import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The park-wide catalogue of production capabilities (casting, machining, ...). */
export const capabilities = sqliteTable(
  "capabilities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stable machine name, e.g. MECHANICAL_MACHINING. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("capabilities_code_unique").on(t.code),
    uniqueIndex("capabilities_name_key_unique").on(t.nameKey),
  ],
);
