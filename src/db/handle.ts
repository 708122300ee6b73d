import fs from "node:fs";
import path from "node:path";
import type { Dialect } from "./dialect";
import type { Executor } from "./executor";
import type { Store } from "./store";
import type { Watcher } from "./watch";

/** Counts the SQL statements drizzle sends; benchmarks and N+1 tests read it, and a test may watch each (`onQuery`: the query-plan test). */
export interface StatementStats {
  statements: number;
  onQuery?: (query: string, params: unknown[]) => void;
}

/** drizzle's logger for a handle's statistics. */
export const statsLogger = (stats: StatementStats) => ({
  logQuery: (query: string, params: unknown[]) => {
    stats.statements++;
    stats.onQuery?.(query, params);
  },
});

/** An open database, whichever the dialect (src/db/sqlite.ts, src/db/postgres.ts). */
export interface DatabaseHandle {
  readonly dialect: Dialect;
  /** What requests use: committed state to read, write transactions to change it. */
  store: Store;
  /**
   * A writing connection outside the store's transactions: for start-up work, scripts and
   * tests' set-up, never while requests run.
   */
  db: Executor;
  stats: StatementStats;
  /**
   * Runs start-up work (demo seeding) while no other process starting on the same database runs
   * its own: SQLite waits up to a minute for the write lock, PostgreSQL holds an advisory lock.
   */
  duringStartup<T>(work: () => Promise<T>): Promise<T>;
  /** Tells of new events and revoked tokens as they commit, in any process (src/db/watch.ts). */
  watcher: Watcher;
  close(): Promise<void>;
}

/** A dialect's drizzle-kit migrations (migrations/<dialect>), found from src/ and dist/src/ alike. */
export function migrationsOf(dialect: Dialect): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "migrations", dialect === "postgresql" ? "pg" : "sqlite");
    if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No migrations/${dialect} folder above ${__dirname}`);
  }
}
