import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openSqlite, type SqliteHandle } from "../../src/db/sqlite";
import { describeOnSqlite } from "../support/dialect";
import { runSql, sqlRows, type Executor } from "../../src/db/executor";
import type { Store } from "../../src/db/store";

/**
 * The write-transaction runner (src/db/store.ts) on a real SQLite file: what drizzle's own
 * better-sqlite3 transaction cannot do, an async callback kept inside its transaction.
 */
describeOnSqlite("the store's write transactions on SQLite", () => {
  let dir: string;
  let database: SqliteHandle;
  let store: Store;

  const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));
  const count = async (db: Executor) => Number((await sqlRows<{ n: number }>(db, sql`select count(*) as n from probe`))[0].n);
  const insert = (db: Executor, value: number) => runSql(db, sql`insert into probe (value) values (${value})`);
  const values = async (db: Executor) => (await sqlRows<{ value: number }>(db, sql`select value from probe order by id`)).map((r) => Number(r.value));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-test-"));
    database = openSqlite(path.join(dir, "store.db"));
    database.sqlite.exec("create table probe (id integer primary key, value integer not null)");
    store = database.store;
  });

  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every statement after an await inside the transaction: a throw rolls all of it back", async () => {
    await expect(
      store.write(async (tx) => {
        await insert(tx.db, 1);
        await tick();
        await insert(tx.db, 2);
        await tick();
        throw new Error("refused after two awaits");
      }),
    ).rejects.toThrow("refused after two awaits");
    expect(await count(store.reader)).toBe(0);
    expect(database.sqlite.inTransaction).toBe(false);
    await store.write(async (tx) => insert(tx.db, 3));
    expect(await values(store.reader)).toEqual([3]);
  });

  it("serialises concurrent writers: read-modify-write with awaits between loses no update", async () => {
    database.sqlite.exec("insert into probe (value) values (0)");
    const increment = () =>
      store.write(async (tx) => {
        const [{ value }] = await sqlRows<{ value: number }>(tx.db, sql`select value from probe where id = 1`);
        await tick(Math.random() * 3);
        await runSql(tx.db, sql`update probe set value = ${Number(value) + 1} where id = 1`);
      });
    await Promise.all(Array.from({ length: 40 }, increment));
    expect(await values(store.reader)).toEqual([40]);
  });

  it("lets writers in first come, first served", async () => {
    const order: number[] = [];
    await Promise.all(
      [5, 1, 3, 0, 2].map((delay, i) =>
        store.write(async (tx) => {
          await tick(delay);
          await insert(tx.db, i);
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(await values(store.reader)).toEqual([0, 1, 2, 3, 4]);
  });

  it("shows readers the state before an open transaction, and its writes once committed", async () => {
    await insert(database.db, 1);
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    const writing = store.write(async (tx) => {
      await insert(tx.db, 2);
      expect(await count(tx.db)).toBe(2);
      inserted();
      await paused;
    });
    await written;
    expect(await values(store.reader)).toEqual([1]);
    release();
    await writing;
    expect(await values(store.reader)).toEqual([1, 2]);
  });

  it("rolls a savepoint back alone, and the transaction goes on", async () => {
    await store.write(async (tx) => {
      await insert(tx.db, 1);
      await expect(
        tx.savepoint(async (inner) => {
          await insert(inner.db, 2);
          await tick();
          await inner.savepoint(async (deepest) => insert(deepest.db, 3));
          throw new Error("inner refusal");
        }),
      ).rejects.toThrow("inner refusal");
      await tx.savepoint(async (inner) => {
        await tick();
        await insert(inner.db, 4);
      });
    });
    expect(await values(store.reader)).toEqual([1, 4]);
  });

  it("rolls back a savepoint's writes with the transaction that holds it", async () => {
    await expect(
      store.write(async (tx) => {
        await tx.savepoint(async (inner) => insert(inner.db, 1));
        throw new Error("outer refusal");
      }),
    ).rejects.toThrow("outer refusal");
    expect(await count(store.reader)).toBe(0);
  });

  it("runs after-commit listeners once committed, and never for rolled-back work", async () => {
    const heard: string[] = [];
    let seen: Promise<number> | undefined;
    await store.write(async (tx) => {
      tx.afterCommit(() => void (seen = count(store.reader)));
      await insert(tx.db, 1);
      await tx.savepoint(async (inner) => inner.afterCommit(() => heard.push("kept savepoint")));
      await tx.savepoint(async (inner) => {
        inner.afterCommit(() => heard.push("rolled-back savepoint"));
        throw new Error("no");
      }).catch(() => undefined);
      expect(heard).toEqual([]);
    });
    await store.write(async (tx) => {
      tx.afterCommit(() => heard.push("rolled-back transaction"));
      throw new Error("no");
    }).catch(() => undefined);
    expect(heard).toEqual(["kept savepoint"]);
    // The listener ran after COMMIT: a read it started sees the transaction's row.
    expect(await seen).toBe(1);
  });

  it("frees the lock after a failure, so the next writer runs", async () => {
    const failing = store.write(async () => {
      await tick();
      throw new Error("first fails");
    });
    const next = store.write(async (tx) => insert(tx.db, 7));
    await expect(failing).rejects.toThrow("first fails");
    await next;
    expect(await values(store.reader)).toEqual([7]);
  });

  it("answers a failed COMMIT (a constraint checked at commit) by rolling back", async () => {
    database.sqlite.exec("create table parent (id integer primary key); create table child (parent_id integer references parent(id) deferrable initially deferred)");
    // Checked as text, not with rejects.toThrow: better-sqlite3's native addon keeps the SqliteError
    // class of the first test file that loaded it in this jest worker, from another realm.
    const outcome = await store.write(async (tx) => runSql(tx.db, sql`insert into child values (99)`)).then(() => "committed", (error: unknown) => String(error));
    expect(outcome).toMatch(/FOREIGN KEY constraint failed/);
    expect(database.sqlite.inTransaction).toBe(false);
    expect(await sqlRows(store.reader, sql`select * from child`)).toEqual([]);
    await store.write(async (tx) => insert(tx.db, 1));
    expect(await values(store.reader)).toEqual([1]);
  });

  it("never writes through the reading connection", async () => {
    // drizzle wraps the driver's error; SQLite's own words are its cause.
    await expect(insert(store.reader, 1)).rejects.toThrow(expect.objectContaining({ cause: expect.objectContaining({ message: expect.stringMatching(/readonly/) }) }));
  });
});
