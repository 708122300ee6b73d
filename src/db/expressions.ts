import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DIALECT } from "./dialect";

/**
 * The milliseconds from one instant column to another, as a number: SQLite stores instants as
 * epoch milliseconds, PostgreSQL subtracts timestamps to an interval.
 */
export const millisBetween = (from: SQLWrapper, to: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`(extract(epoch from (${to} - ${from})) * 1000)` : sql`(${to} - ${from})`;

/**
 * The week number (src/capacity/weeks.ts weekNumber: weeks since the Monday before the epoch) of
 * an instant column's date in the platform's time zone, Moscow, which has kept UTC+3 all year
 * since 2014.
 */
export const weekOfInstant = (column: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`((floor((extract(epoch from ${column}) * 1000 + 10800000) / 86400000)::bigint + 3) / 7)` : sql`(((${column} + 10800000) / 86400000 + 3) / 7)`;

/** The week number (as weekOfInstant) of a `YYYY-MM-DD` text column. */
export const weekOfDate = (column: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`((cast(${column} as date) - date '1970-01-01' + 3) / 7)` : sql`cast((julianday(${column}) - 2440587.5 + 3) / 7 as integer)`;
