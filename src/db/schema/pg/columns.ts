import { bigint, timestamp } from "drizzle-orm/pg-core";

/**
 * Column types of the PostgreSQL tables where SQLite's differ: SQLite's INTEGER is 64-bit, so
 * every whole number (ids, money in minor units, quantities, hours) is `bigint` here, read as
 * a JavaScript number (exact to 2^53, as on SQLite); an instant is `timestamptz` to the
 * millisecond (SQLite stores epoch milliseconds).
 */
export const int64 = (name: string) => bigint(name, { mode: "number" });

export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The surrogate key: an identity column (PostgreSQL's standard auto-increment). */
export const id = () => int64("id").primaryKey().generatedByDefaultAsIdentity();
