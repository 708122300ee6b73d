import { DIALECT } from "./dialect";
import type { DatabaseHandle } from "./handle";
import { openPostgres } from "./postgres";
import { openSqlite, type SqliteOptions } from "./sqlite";

export type { DatabaseHandle, StatementStats } from "./handle";

export interface DatabaseOptions extends SqliteOptions {
  /** postgres://... for PostgreSQL (DATABASE_URL); absent for SQLite. */
  url?: string;
  /** The SQLite file (DATABASE_PATH), when there is no URL. */
  path: string;
  /** PostgreSQL: connections per pool (readers, writers) of this process. */
  poolSize?: number;
}

/**
 * Opens this process's database, migrated: PostgreSQL when the process runs with DATABASE_URL
 * (src/db/dialect.ts), else the SQLite file.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (DIALECT === "postgresql") {
    if (!options.url) throw new Error("This process runs on PostgreSQL (DATABASE_URL) but was given no URL to open");
    return openPostgres(options.url, { poolSize: options.poolSize });
  }
  return openSqlite(options.path, options);
}
