import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { startCheckpointer, type Checkpointer } from "./checkpointer";
import type { Executor } from "./executor";
import { migrationsOf, statsLogger, type DatabaseHandle, type StatementStats } from "./handle";
import * as schema from "./schema/sqlite";
import { sqliteStore } from "./store";
import { sqliteWatcher } from "./watch";

/** A SQLite database: the handle, with the connection itself for what only SQLite has (pragmas, checkpoints). */
export interface SqliteHandle extends DatabaseHandle {
  readonly dialect: "sqlite";
  sqlite: Database.Database;
}

export interface SqliteOptions {
  synchronous?: "NORMAL" | "FULL";
  /** Checkpoint the WAL from a worker thread (src/db/checkpointer.ts): for the server's connection. */
  backgroundCheckpoints?: { onError(message: string): void; intervalMs?: number };
}

/**
 * Opens the SQLite database at `file` (":memory:" for a private in-memory one), sets the
 * pragmas every connection needs and applies pending migrations (migrations/sqlite).
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteHandle {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  if (file !== ":memory:") {
    sqlite.pragma("journal_mode = WAL");
    // NORMAL (the default) in WAL mode: a commit is in the WAL file, in the OS's cache, before it
    // is acknowledged, so it survives the process being killed; a power cut or OS crash may lose
    // the last commits but never corrupts the database. FULL also fsyncs every commit: durable
    // across power cuts, several times fewer writes per second.
    sqlite.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
  }
  let checkpointer: Checkpointer | undefined;
  if (options.backgroundCheckpoints && file !== ":memory:") {
    // 10,000 pages (40 MB of log): only reached if the worker falls behind or stops.
    sqlite.pragma("wal_autocheckpoint = 10000");
    checkpointer = startCheckpointer(path.resolve(file), options.backgroundCheckpoints.onError, options.backgroundCheckpoints.intervalMs);
  }
  const stats: StatementStats = { statements: 0 };
  const logger = statsLogger(stats);
  const db = drizzle(sqlite, { schema, logger });
  // The services see drizzle's PostgreSQL types on either dialect (src/db/schema/index.ts).
  const executor = db as unknown as Executor;
  // Another process starting on the same file may hold the write lock for seconds (migrating,
  // seeding): wait for it longer than a request would.
  withBusyTimeout(sqlite, STARTUP_BUSY_TIMEOUT_MS, () => applyMigrations(sqlite, db));
  // Reads go to a second connection, which never sees a write transaction's uncommitted rows
  // (WAL: each read runs on the last committed state). A private in-memory database has one.
  const readerSqlite = file === ":memory:" ? sqlite : new Database(file, { readonly: true });
  if (readerSqlite !== sqlite) readerSqlite.pragma("busy_timeout = 5000");
  const reader = readerSqlite === sqlite ? executor : (drizzle(readerSqlite, { schema, logger }) as unknown as Executor);
  const watcher = sqliteWatcher(readerSqlite);
  return {
    dialect: "sqlite",
    store: sqliteStore({ sqlite, db: executor }, { sqlite: readerSqlite, db: reader }, () => watcher.committed()),
    watcher,
    db: executor,
    sqlite,
    stats,
    // Another process starting on the same file waits here, past the 5 s busy timeout, while this one seeds.
    duringStartup: (work) => withBusyTimeout(sqlite, STARTUP_BUSY_TIMEOUT_MS, work),
    close: async () => {
      await watcher.close();
      await checkpointer?.stop();
      if (readerSqlite !== sqlite) readerSqlite.close();
      sqlite.close();
    },
  };
}

/** How long start-up work (migrations, demo seeding) waits for another process's write lock. */
export const STARTUP_BUSY_TIMEOUT_MS = 60_000;

/**
 * Runs `work` with SQLite's busy timeout at `ms`, then back at the 5 s requests use; for async
 * work, once its promise settles.
 */
export function withBusyTimeout<T>(sqlite: Database.Database, ms: number, work: () => T): T {
  sqlite.pragma(`busy_timeout = ${ms}`);
  const reset = () => void sqlite.pragma("busy_timeout = 5000");
  let result: T;
  try {
    result = work();
  } catch (error) {
    reset();
    throw error;
  }
  if (result instanceof Promise) return result.finally(reset) as T;
  reset();
  return result;
}

/**
 * Applies pending migrations with foreign keys off, then checks them: SQLite's procedure for
 * changing a table (create the new one, copy, drop the old, rename). drizzle-kit writes
 * "PRAGMA foreign_keys=OFF" into such migrations, but the migrator runs them in one
 * transaction, where that pragma is a no-op, and DROP TABLE of a referenced table then fails.
 */
export function applyMigrations<S extends Record<string, unknown>>(sqlite: Database.Database, db: BetterSQLite3Database<S>, migrationsFolder = migrationsOf("sqlite")): void {
  sqlite.pragma("foreign_keys = OFF");
  try {
    try {
      migrate(db, { migrationsFolder });
    } catch {
      // drizzle's migrator reads which migrations ran before its (deferred) BEGIN: a process
      // starting beside another can read "none", wait for the other's transaction, then replay
      // them on the tables it created and fail (its own transaction rolled back). Read again:
      // if the other applied them, this is a no-op; a migration that really fails fails again.
      migrate(db, { migrationsFolder });
    }
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`Migrations left ${broken.length} rows whose foreign keys point nowhere: ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
