import type Database from "better-sqlite3";
import type { Executor } from "./executor";

/**
 * A write transaction in progress. Its `db` is the writing connection, inside BEGIN IMMEDIATE;
 * it is valid until the work given to `Store.write` settles, and must not be used after.
 */
export interface Transaction {
  readonly db: Executor;
  /** Runs `work` in a savepoint: a throw rolls back its writes only, then propagates. */
  savepoint<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `listener` after the outermost transaction commits; never if it rolls back. */
  afterCommit(listener: () => void): void;
  /**
   * Takes the lock `name` until the transaction ends if no other transaction holds it, else
   * answers false at once: for work one process does for all (the expiry sweep). SQLite's write
   * transactions exclude each other already: always true there.
   */
  tryLock(name: LockName): Promise<boolean>;
}

/** Locks that work for all processes takes (PostgreSQL advisory locks, src/db/postgres.ts). */
export type LockName = "expiry-sweep" | "reminder-sweep";

/**
 * The database as the services see it: committed state to read, and write transactions.
 *
 * Why not drizzle's `db.transaction`: on better-sqlite3 it takes a synchronous callback only
 * (drizzle-orm #2275, #1472): statements after the callback's first `await` run after COMMIT,
 * outside the transaction. Here a write transaction is BEGIN IMMEDIATE ... COMMIT around an
 * async callback on a connection no one else uses meanwhile: an async lock lets one write
 * transaction in at a time (in this process; BEGIN IMMEDIATE and SQLite's busy timeout order
 * processes), and reads outside it go to a second connection, which in WAL mode sees only
 * committed state, never the open transaction's writes.
 */
export interface Store {
  /** The reading connection: committed state only. */
  readonly reader: Executor;
  /** Runs `work` in one write transaction: committed if it resolves, rolled back if it throws. */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** A first-come, first-served lock for async work. */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();

  async hold<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await work();
    } finally {
      release();
    }
  }
}

interface Connection {
  sqlite: Database.Database;
  db: Executor;
}

/**
 * The store on SQLite: `writer` for write transactions, `reader` for everything else. With a
 * single connection (an in-memory database, which a second connection cannot open), reads
 * during a write transaction see its uncommitted writes: for tests of single statements only.
 * `onCommit` runs after each commit (the live events' watcher looks at once).
 */
export function sqliteStore(writer: Connection, reader: Connection = writer, onCommit: () => void = () => undefined): Store {
  const lock = new AsyncLock();
  let savepoints = 0;
  // Prepared once: parsing BEGIN and COMMIT again for every transaction is measurable on a small write.
  const begin = writer.sqlite.prepare("BEGIN IMMEDIATE");
  const commit = writer.sqlite.prepare("COMMIT");
  const rollback = writer.sqlite.prepare("ROLLBACK");

  const open = (listeners: (() => void)[]): Transaction => {
    const tx: Transaction = {
      db: writer.db,
      afterCommit: (listener) => void listeners.push(listener),
      tryLock: async () => true,
      savepoint: async (work) => {
        const name = `sp${++savepoints}`;
        writer.sqlite.exec(`SAVEPOINT ${name}`);
        const inner: (() => void)[] = [];
        try {
          const result = await work(open(inner));
          writer.sqlite.exec(`RELEASE ${name}`);
          listeners.push(...inner);
          return result;
        } catch (error) {
          writer.sqlite.exec(`ROLLBACK TO ${name}`);
          writer.sqlite.exec(`RELEASE ${name}`);
          throw error;
        }
      },
    };
    return tx;
  };

  return {
    reader: reader.db,
    write: (work) =>
      lock.hold(async () => {
        begin.run();
        const listeners: (() => void)[] = [];
        let result;
        try {
          result = await work(open(listeners));
          commit.run();
        } catch (error) {
          // SQLite may already have rolled back (a full disk, an interrupt); ROLLBACK then fails.
          if (writer.sqlite.inTransaction) rollback.run();
          throw error;
        }
        onCommit();
        for (const listener of listeners) listener();
        return result;
      }),
  };
}
