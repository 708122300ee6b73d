import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Client-chosen keys of mutations that create commitments or money (posting orders, bids,
 * awards). Stored in the same transaction as the write they guard: a replay finds the key
 * and returns the first result instead of writing again.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Whose key: "company:<id>" for members, "token:<id>" otherwise. */
    scope: text("scope").notNull(),
    operation: text("operation").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the input (without the key): the same key with other input is refused. */
    requestHash: text("request_hash").notNull(),
    /** The id of what the first request created (an order, a bid). */
    resultId: integer("result_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_scope_operation_key_unique").on(t.scope, t.operation, t.key)],
);
