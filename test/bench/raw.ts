import Database from "better-sqlite3";
import pg from "pg";
import { AsyncLock } from "../../src/db/store";

/**
 * The benchmarks' baseline: the database driver itself (better-sqlite3, or node-postgres),
 * with no drizzle, no GraphQL and no checks, on the same database as the server measured.
 * Statements are written once with `?` placeholders and prepared once (PostgreSQL: a named
 * statement per text); a Date is bound as the dialect stores instants (SQLite: milliseconds).
 */
export interface RawDriver {
  all<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction (SQLite: one at a time, as the server's store does). */
  transaction<T>(work: (driver: Pick<RawDriver, "all">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The raw driver on DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite) of `env`. */
export function openRaw(env: Record<string, string | undefined>): RawDriver {
  return env.DATABASE_URL ? rawPostgres(env.DATABASE_URL) : rawSqlite(env.DATABASE_PATH!);
}

function rawSqlite(file: string): RawDriver {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, Database.Statement>();
  const bind = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === "boolean" ? Number(value) : value);
  const all = async <T>(text: string, params: unknown[] = []) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return (statement.reader ? statement.all(...params.map(bind)) : [statement.run(...params.map(bind))]) as T[];
  };
  const lock = new AsyncLock();
  return {
    all,
    transaction: (work) =>
      lock.hold(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work({ all });
          db.exec("COMMIT");
          return result;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      }),
    close: async () => void db.close(),
  };
}

function rawPostgres(url: string): RawDriver {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, { name: string; text: string }>();
  const statementOf = (text: string) => {
    let statement = names.get(text);
    if (!statement) {
      let n = 0;
      names.set(text, (statement = { name: `raw${names.size + 1}`, text: text.replace(/\?/g, () => `$${++n}`) }));
    }
    return statement;
  };
  const on =
    (client: pg.Pool | pg.PoolClient) =>
    async <T>(text: string, params: unknown[] = []) =>
      (await client.query({ ...statementOf(text), values: params })).rows as T[];
  return {
    all: on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({ all: on(client) });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
