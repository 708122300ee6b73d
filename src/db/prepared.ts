import { sql, type Param, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Executor } from "./executor";

/**
 * Statements built and compiled once, then run with new values: for the reads and writes
 * every request makes (the token lookup, rows by id, placing a bid). Building a query with
 * drizzle and compiling it in SQLite costs more than running it: about half of a submitBid's
 * CPU time before this (profiled with `node --cpu-prof` under `npm run bench`).
 *
 * `build` gets the database and returns `query.prepare()`, its values as placeholders
 * (`param(column, name)` in conditions, `sql.placeholder(name)` in inserted values); the
 * result is cached per drizzle session. A drizzle transaction (and a savepoint inside it)
 * shares its database's session, i.e. the one better-sqlite3 connection, so a statement
 * prepared once runs inside any transaction on it. `session` is internal to drizzle (0.45):
 * if an upgrade renames it, every call fails loudly at once (see the check below).
 */
export function prepared<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const cache = statementCache<Q>();
  return (db) => cache(db, "", () => build(db));
}

/**
 * Prepared statements of several shapes (which optional conditions, which sort): `cache(db,
 * shape, build)` returns the statement prepared for this shape, building it the first time.
 * The shape must name every choice `build` makes; values go in placeholders, never into the
 * SQL, or the first caller's values would be baked into every later call.
 */
export function statementCache<Q>(): (db: Executor, shape: string, build: () => Q) => Q {
  const bySession = new WeakMap<object, Map<string, Q>>();
  return (db, shape, build) => {
    const session = sessionOf(db);
    let statements = bySession.get(session);
    if (statements === undefined) bySession.set(session, (statements = new Map()));
    let query = statements.get(shape);
    if (query === undefined) {
      query = build();
      statements.set(shape, query);
    }
    return query;
  };
}

function sessionOf(db: Executor): object {
  const session = (db as unknown as { session?: object }).session;
  if (session === undefined) throw new Error("drizzle's database has no session: prepared() needs updating for this drizzle version");
  return session;
}

/**
 * A placeholder for a value compared with `column`, converted as the column stores it (a Date
 * to milliseconds, a boolean to 0/1). drizzle converts placeholders in inserted values, but in
 * conditions (eq, gt, ...) it passes them to SQLite as they come, and SQLite binds no Date.
 */
export function param(column: SQLiteColumn, name: string): Param {
  return sql.param(sql.placeholder(name), column);
}

/**
 * `column IN (the ids)` with all ids bound as one JSON array (SQLite's json_each), so one
 * prepared statement serves any number of them; SQLite still looks each id up by its index.
 * Pass the values with `idList(ids)`.
 */
export function inIdList(column: SQLiteColumn, placeholder: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}

export const idList = (ids: readonly number[]): string => JSON.stringify(ids);

type TableWithId = SQLiteTable & { id: SQLiteColumn };

/** A table's rows with these ids, in no particular order; missing ids are left out. */
export function rowsByIds<T extends TableWithId>(table: T): (db: Executor, ids: readonly number[]) => Promise<T["$inferSelect"][]> {
  const query = prepared((db) =>
    db
      .select()
      .from(table as SQLiteTable)
      .where(inIdList(table.id, "ids"))
      .prepare(),
  );
  return async (db, ids) => (ids.length === 0 ? [] : (query(db).all({ ids: idList(ids) }) as T["$inferSelect"][]));
}
