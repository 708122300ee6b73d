import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { DIALECT } from "./dialect";

/**
 * The milliseconds from one instant column to another, as a number: SQLite stores instants as
 * epoch milliseconds, PostgreSQL subtracts timestamps to an interval.
 */
export const millisBetween = (from: SQLWrapper, to: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`(extract(epoch from (${to} - ${from})) * 1000)` : sql`(${to} - ${from})`;

/*
 * The platform's dates are Moscow's (src/shared/time.ts), which has kept UTC+3 all year since
 * 2014: in SQL an instant's date is its UTC one three hours on.
 */

/** An instant column's Moscow date, as `YYYY-MM-DD` text. */
export const localDateOf = (column: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`to_char(${column} at time zone 'Europe/Moscow', 'YYYY-MM-DD')` : sql`date(${column} / 1000, 'unixepoch', '+3 hours')`;

/** An instant column's Moscow date as days since the epoch. */
const localDayNumber = (column: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`floor((extract(epoch from ${column}) * 1000 + 10800000) / 86400000)::bigint` : sql`((${column} + 10800000) / 86400000)`;

/** The week number (src/capacity/weeks.ts weekNumber: weeks since the Monday before the epoch) of an instant column's Moscow date. */
export const weekOfInstant = (column: SQLWrapper): SQL => sql`((${localDayNumber(column)} + 3) / 7)`;

/** The week number (as weekOfInstant) of a `YYYY-MM-DD` text column. */
export const weekOfDate = (column: SQLWrapper): SQL =>
  DIALECT === "postgresql" ? sql`((cast(${column} as date) - date '1970-01-01' + 3) / 7)` : sql`cast((julianday(${column}) - 2440587.5 + 3) / 7 as integer)`;
