import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Executor } from "./executor";
import { migrationsOf, statsLogger, type DatabaseHandle, type StatementStats } from "./handle";
import type { LockName, Store, Transaction } from "./store";
import { postgresWatcher } from "./watch";

/**
 * The store on PostgreSQL, for several API processes on one database.
 *
 * Isolation: every write transaction is SERIALIZABLE. The marketplace's rules are read-then-write
 * across rows (an engineer-week's free hours before booking it, "no live bid of this company on
 * this order" before placing one, the order still OPEN before awarding it); under READ COMMITTED
 * or REPEATABLE READ two processes can both pass the check and both write, which overbooked an
 * engineer-week (6,000 of 4,000 centihours) when measured. SERIALIZABLE makes PostgreSQL refuse
 * one of them (SQLSTATE 40001), and `write` runs the whole use case again on fresh data, so the
 * services keep the single-writer reasoning they have on SQLite without a lock per rule.
 * Deadlocks (40P01) and unique violations (23505: a row a concurrent transaction inserted first)
 * are retried the same way: the retry's own checks then find the winner's row and answer with
 * the same user error as on SQLite.
 *
 * Reads outside transactions go to a pool of read-only connections (each statement sees the
 * last committed state); a write transaction holds one connection of the writers' pool.
 */

/** SQLSTATEs after which the same transaction, run again, may succeed. */
const RETRYABLE = new Set(["40001", "40P01", "23505"]);
/**
 * Attempts of one write transaction, the first included, before its error is the caller's. With
 * the back-off below, 80 transactions incrementing one row at once all committed (at most 8
 * attempts each, under a second in all); with 8 attempts and a 100 ms cap, 4 of 80 gave up.
 */
const MAX_ATTEMPTS = 12;

/** The SQLSTATE of a PostgreSQL error, through drizzle's wrapping (DrizzleQueryError.cause). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export interface PostgresOptions {
  /** Connections of each pool (readers, writers). */
  poolSize?: number;
  logQuery?: (query: string, params: unknown[]) => void;
}

export interface PostgresStore extends Store {
  /** A drizzle database over the writers' pool, outside any transaction (set-up, scripts). */
  readonly writer: Executor;
  /** Runs `work` holding the start-up advisory lock: one process at a time (migrating, seeding). */
  duringStartup<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The application's advisory lock keys (PostgreSQL's are 64-bit numbers): "mark" and a number. */
const STARTUP_LOCK = 0x6d61726b01;
const LOCKS: Record<LockName, number> = { "expiry-sweep": 0x6d61726b02, "reminder-sweep": 0x6d61726b03 };

export function postgresStore(url: string, options: PostgresOptions = {}): PostgresStore {
  const size = options.poolSize ?? 10;
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  // A reader cannot write, even by mistake: its connections start every transaction read-only.
  const readers = new pg.Pool({ connectionString: url, max: size, options: "-c default_transaction_read_only=on" });
  const writers = new pg.Pool({ connectionString: url, max: size });
  // An idle pooled connection that the server drops (a restart, a fail-over) emits an error on
  // the pool; without a listener Node would crash. The pool replaces it on the next connect.
  for (const pool of [readers, writers]) pool.on("error", () => undefined);
  const reader = drizzle(readers, { logger }) as Executor;
  const writer = drizzle(writers, { logger }) as Executor;
  // One drizzle database per pooled connection, so that its prepared statements (src/db/prepared.ts)
  // are cached with the connection that has them parsed. Pools reuse their client objects.
  const sessions = new WeakMap<pg.PoolClient, Executor>();
  const sessionOf = (client: pg.PoolClient) => {
    let db = sessions.get(client);
    if (db === undefined) sessions.set(client, (db = drizzle(client, { logger }) as Executor));
    return db;
  };

  const attempt = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    const client = await writers.connect();
    let broken: Error | undefined;
    try {
      await client.query("begin isolation level serializable");
      const listeners: (() => void)[] = [];
      let result: T;
      try {
        result = await work(open(client, sessionOf(client), listeners));
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
      for (const listener of listeners) listener();
      return result;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: the pool closes it.
      client.release(broken);
    }
  };

  let savepoints = 0;
  const open = (client: pg.PoolClient, db: Executor, listeners: (() => void)[]): Transaction => ({
    db,
    afterCommit: (listener) => void listeners.push(listener),
    tryLock: async (name) => (await client.query<{ locked: boolean }>("select pg_try_advisory_xact_lock($1) as locked", [LOCKS[name]])).rows[0].locked,
    savepoint: async (work) => {
      const name = `sp${++savepoints}`;
      await client.query(`savepoint ${name}`);
      const inner: (() => void)[] = [];
      try {
        const result = await work(open(client, db, inner));
        await client.query(`release savepoint ${name}`);
        listeners.push(...inner);
        return result;
      } catch (error) {
        await client.query(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  });

  return {
    reader,
    writer,
    async write(work) {
      for (let n = 1; ; n++) {
        try {
          return await attempt(work);
        } catch (error) {
          const state = sqlStateOf(error);
          if (state === undefined || !RETRYABLE.has(state) || n >= MAX_ATTEMPTS) throw error;
          // Exponential back-off with full jitter (a random wait up to 10 ms, 20 ms, ... 500 ms):
          // contenders that collided do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 5 * 2 ** n)));
        }
      }
    },
    async duringStartup(work) {
      const client = await writers.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK]);
        try {
          return await work();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([readers.end(), writers.end()]);
    },
  };
}

export interface PostgresHandle extends DatabaseHandle {
  readonly dialect: "postgresql";
  store: PostgresStore;
}

/**
 * Connects to the PostgreSQL database at `url` and applies pending migrations (migrations/pg)
 * under the start-up advisory lock: of N processes started together one migrates, the others
 * wait and then find nothing to do.
 */
export async function openPostgres(url: string, options: Omit<PostgresOptions, "logQuery"> = {}): Promise<PostgresHandle> {
  const stats: StatementStats = { statements: 0 };
  const store = postgresStore(url, { ...options, logQuery: statsLogger(stats).logQuery });
  try {
    await store.duringStartup(() => migrate(store.writer, { migrationsFolder: migrationsOf("postgresql") }));
  } catch (error) {
    await store.close();
    throw error;
  }
  const watcher = postgresWatcher(url);
  return {
    dialect: "postgresql",
    store,
    db: store.writer,
    stats,
    watcher,
    duringStartup: (work) => store.duringStartup(work),
    close: async () => {
      await watcher.close();
      await store.close();
    },
  };
}
