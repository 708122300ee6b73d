import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DIALECT } from "./dialect";

/**
 * The milliseconds from one instant column to another, as a number: SQLite stores instants as
 * epoch milliseconds, PostgreSQL subtracts timestamps to an interval.
 */
export const millisBetween = (from: SQLWrapper, to: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`(extract(epoch from (${to} - ${from})) * 1000)` : sql`(${to} - ${from})`;
