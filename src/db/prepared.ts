import { sql, type Param, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { DIALECT } from "./dialect";
import type { Executor } from "./executor";

/** What drizzle's builders give to `.prepare`: a statement to run with its placeholders' values. */
export interface PreparedStatement<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** A query builder that can be prepared under a name (PostgreSQL's; SQLite ignores the name). */
interface Preparable<R> {
  prepare(name: string): PreparedStatement<R>;
}

let statementNames = 0;

/**
 * Statements built and compiled once, then run with new values: for the reads and writes
 * every request makes (the token lookup, rows by id, placing a bid). Building a query with
 * drizzle costs more than running it on SQLite: about half of a submitBid's CPU time before
 * this (profiled with `node --cpu-prof` under `npm run bench`). On PostgreSQL a prepared
 * statement also has a name, and each connection parses and plans it once.
 *
 * `build` gets the database and returns the query, its values as placeholders (`param(column,
 * name)` in conditions, `sql.placeholder(name)` in inserted values); the prepared statement is
 * cached per drizzle session, i.e. per connection: a transaction on SQLite's one writing
 * connection shares its session; on PostgreSQL each pooled connection has its own (see
 * src/db/postgres.ts). `session` is internal to drizzle (0.45): if an upgrade renames it, every
 * call fails loudly at once (see the check below).
 */
export function prepared<R>(build: (db: Executor) => Preparable<R>): (db: Executor) => PreparedStatement<R> {
  const cache = statementCache<R>();
  return (db) => cache(db, "", () => build(db));
}

/**
 * Prepared statements of several shapes (which optional conditions, which sort): `cache(db,
 * shape, build)` returns the statement prepared for this shape, building it the first time on
 * each connection. The shape must name every choice `build` makes; values go in placeholders,
 * never into the SQL, or the first caller's values would be baked into every later call (and
 * on PostgreSQL one name would stand for two texts, which it refuses).
 */
export function statementCache<R>(): (db: Executor, shape: string, build: () => Preparable<R>) => PreparedStatement<R> {
  const bySession = new WeakMap<object, Map<string, PreparedStatement<R>>>();
  const names = new Map<string, string>();
  return (db, shape, build) => {
    const session = sessionOf(db);
    let statements = bySession.get(session);
    if (statements === undefined) bySession.set(session, (statements = new Map()));
    let query = statements.get(shape);
    if (query === undefined) {
      let name = names.get(shape);
      if (name === undefined) names.set(shape, (name = `s${++statementNames}`));
      query = build().prepare(name);
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

/** The first row of a result, or undefined: for statements that match one row at most. */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The one row a statement returns (an insert's, an update by id known to exist); a bug if there is none. */
export async function only<T>(rows: PromiseLike<T[]>): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw new Error("The statement returned no row");
  return row;
}

/**
 * A placeholder for a value compared with `column`, converted as the column stores it (a Date
 * to milliseconds on SQLite, a boolean to 0/1). drizzle converts placeholders in inserted
 * values, but in conditions (eq, gt, ...) it passes them to the driver as they come, and
 * SQLite binds no Date.
 */
export function param(column: PgColumn, name: string): Param {
  return sql.param(sql.placeholder(name), column);
}

/**
 * `column IN (the ids)` with all ids bound as one value, so one prepared statement serves any
 * number of them; the database still looks each id up by its index. SQLite gets a JSON array
 * (json_each), PostgreSQL an array (`= any`). Pass the values with `idList(ids)`.
 */
export function inIdList(column: PgColumn, placeholder: string): SQL {
  return DIALECT === "postgresql"
    ? sql`${column} = any(${sql.placeholder(placeholder)}::bigint[])`
    : sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}

export const idList = (ids: readonly number[]): string | number[] => (DIALECT === "postgresql" ? [...ids] : JSON.stringify(ids));

/**
 * `inIdList` for a statement not prepared: the ids bound as one value, so the text is the same
 * for 3 companies or 30,000 and no bound-variable limit (SQLite's 32,766) applies. For reports
 * over many companies (scorecards of a plan's every quoting contractor).
 */
export function inIds(column: PgColumn, ids: readonly number[]): SQL {
  return sql`${column} in ${idSet(ids)}`;
}

/** The ids as a subquery bound as one value, for `x in ${idSet(ids)}` in raw SQL too. */
export function idSet(ids: readonly number[]): SQL {
  // sql.param: drizzle would spread a bare array into one placeholder per element.
  return DIALECT === "postgresql" ? sql`(select unnest(${sql.param(idList(ids))}::bigint[]))` : sql`(select value from json_each(${idList(ids)}))`;
}

type TableWithId = PgTable & { id: PgColumn };

/** A table's rows with these ids, in no particular order; missing ids are left out. */
export function rowsByIds<T extends TableWithId>(table: T): (db: Executor, ids: readonly number[]) => Promise<T["$inferSelect"][]> {
  const query = prepared((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(inIdList(table.id, "ids")),
  );
  return async (db, ids) => (ids.length === 0 ? [] : ((await query(db).execute({ ids: idList(ids) })) as T["$inferSelect"][]));
}
