import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";

/**
 * Client-chosen keys of mutations that create commitments or money (posting orders, bids,
 * awards). Stored in the same transaction as the write they guard: a replay finds the key
 * and returns the first result instead of writing again.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    /** Whose key: "company:<id>" for members, "token:<id>" otherwise. */
    scope: text("scope").notNull(),
    operation: text("operation").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the input (without the key): the same key with other input is refused. */
    requestHash: text("request_hash").notNull(),
    /** The id of what the first request created (an order, a bid). */
    resultId: int64("result_id").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_scope_operation_key_unique").on(t.scope, t.operation, t.key)],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
