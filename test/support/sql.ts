import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/client";
import { sqlRows } from "../../src/db/executor";

/**
 * Rows of a hand-written query on a test's database, either dialect. PostgreSQL returns bigint
 * and numeric values as strings: read them with Number().
 */
export function query<T = Record<string, any>>(database: DatabaseHandle, statement: SQL): Promise<T[]> {
  return sqlRows<T>(database.db, statement);
}

/** One count(*) (or other single number) as a number. */
export async function count(database: DatabaseHandle, statement: SQL): Promise<number> {
  const [row] = await query(database, statement);
  return Number(Object.values(row)[0]);
}

/** The application's tables (not drizzle's migration journal). */
export async function tablesOf(database: DatabaseHandle): Promise<string[]> {
  const rows =
    database.dialect === "postgresql"
      ? await query<{ name: string }>(database, sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`)
      : await query<{ name: string }>(database, sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by 1`);
  return rows.map((r) => r.name);
}
