import { and, asc, count, desc, eq, gt, inArray, is, lte, Param, sql, SQL, type Placeholder } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { DIALECT } from "./dialect";
import type { PageRequest, SortedPageRequest, SortSpec } from "./page";
import { idList, inIdList, param, statementCache } from "./prepared";

/**
 * The database or a transaction on it: repositories accept either. Typed as drizzle's
 * PostgreSQL database whatever the dialect (see src/db/schema/index.ts): on SQLite the same
 * calls reach drizzle's SQLite builders, every statement awaited.
 */
export type Executor = NodePgDatabase;

/** Both dialects' limits on bound values are far above this; batches of ids stay below it. */
export const MAX_BATCH = 500;

/**
 * The rows of a hand-written statement, for what the query builder cannot say. Name result
 * columns in snake_case or quote them: PostgreSQL folds unquoted names to lower case. What
 * PostgreSQL computes as bigint or numeric (count, sum, a bigint column) comes back as a
 * string there: read such values with `Number()` (exact below 2^53), as the builder's
 * `.mapWith(Number)` does.
 */
export async function sqlRows<T>(db: Executor, query: SQL): Promise<T[]> {
  if (DIALECT === "sqlite") return (db as unknown as BetterSQLite3Database).all<T>(query);
  return (await db.execute(query)).rows as T[];
}

/** Runs a hand-written statement that returns no rows (DDL, a write in a test's set-up). */
export async function runSql(db: Executor, query: SQL): Promise<void> {
  if (DIALECT === "sqlite") (db as unknown as BetterSQLite3Database).run(query);
  else await db.execute(query);
}

type TableWithId = PgTable & { id: PgColumn };

/** Rows after a page's cursor, for lists in id order (keyset pagination); no condition on the first page. */
export function afterCursor(idColumn: PgColumn, page: PageRequest): SQL | undefined {
  return page.afterId === null ? undefined : gt(idColumn, page.afterId);
}

/**
 * One page of child rows for each of many parents, in one statement: rows are numbered per
 * parent (a window function, standard SQL) and the first `limit + 1` of each are kept.
 * Built for this call; `pagesPerParent` is the prepared form for the lists read most.
 */
export async function pagePerParent<T extends TableWithId>(
  db: Executor,
  table: T,
  parentColumn: PgColumn,
  parentIds: readonly number[],
  page: PageRequest,
  filter?: SQL,
): Promise<T["$inferSelect"][]> {
  return (await rankedPages(db, table, parentColumn, and(inArray(parentColumn, [...parentIds]), afterCursor(table.id, page), filter), page.limit + 1)) as T["$inferSelect"][];
}

/**
 * `pagePerParent` as prepared statements (src/db/prepared.ts), for a relation whose optional
 * filters are equalities: `pagesPerParent(bids, bids.orderId, { companyId: bids.companyId })`
 * gives `(db, orderIds, page, { companyId })`, a null or missing filter value meaning "any".
 * One statement per combination of filters given and first or later page.
 */
export function pagesPerParent<T extends TableWithId, F extends string = never>(
  table: T,
  parentColumn: PgColumn,
  filterColumns = {} as Record<F, PgColumn>,
): PagesPerParent<T, F> {
  const cache = statementCache<unknown[]>();
  const givenIn = (filter: Partial<Record<F, number | boolean | null>>) => (Object.keys(filterColumns) as F[]).filter((name) => filter[name] != null);
  const pages = async (db: Executor, parentIds: readonly number[], page: PageRequest, filter: Partial<Record<F, number | boolean | null>> = {}) => {
    if (parentIds.length === 0) return [];
    const given = givenIn(filter);
    const shape = `${page.afterId === null ? "first" : "after"}:${given.join(",")}`;
    const query = cache(db, shape, () => {
      const conditions = given.map((name) => eq(filterColumns[name], param(filterColumns[name], name)));
      const after = page.afterId === null ? undefined : gt(table.id, param(table.id, "afterId"));
      return rankedPages(db, table, parentColumn, and(inIdList(parentColumn, "parentIds"), after, ...conditions), sql.placeholder("limit"));
    });
    return (await query.execute({ ...filter, parentIds: idList(parentIds), afterId: page.afterId, limit: page.limit + 1 })) as T["$inferSelect"][];
  };
  const count = (db: Executor, parentIds: readonly number[], filter: Partial<Record<F, number | boolean | null>> = {}) =>
    countPerParent(db, table, parentColumn, parentIds, and(...givenIn(filter).map((name) => eq(filterColumns[name], filter[name]))));
  return Object.assign(pages, { count });
}

/** `pagesPerParent`'s pages, and `count` for the size of each parent's whole list under the same filters. */
export type PagesPerParent<T extends TableWithId, F extends string> = ((db: Executor, parentIds: readonly number[], page: PageRequest, filter?: Partial<Record<F, number | boolean | null>>) => Promise<T["$inferSelect"][]>) & {
  count(db: Executor, parentIds: readonly number[], filter?: Partial<Record<F, number | boolean | null>>): Promise<Map<number, number>>;
};

/** How many rows each parent has (that match `filter`), in one statement; parents with none are absent. */
export async function countPerParent(db: Executor, table: PgTable, parentColumn: PgColumn, parentIds: readonly number[], filter?: SQL): Promise<Map<number, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .select({ parentId: parentColumn, n: count() })
    .from(table)
    .where(and(inArray(parentColumn, [...parentIds]), filter))
    .groupBy(parentColumn);
  return new Map(rows.map((row) => [Number(row.parentId), Number(row.n)]));
}

/** How many rows of `table` match `where`: a list's totalCount. */
export async function countRows(db: Executor, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/**
 * The rows whose ids a window subquery picks: the first `limit` of each parent, by id or in
 * `sort` then id. Selecting the table's own columns (not the subquery's) lets drizzle map rows
 * column by column; mapping a subquery's aliased fields cost more than running the statement.
 */
function rankedPages<T extends TableWithId>(db: Executor, table: T, parentColumn: PgColumn, where: SQL | undefined, limit: number | Placeholder, sort?: { column: PgColumn; descending: boolean }) {
  const way = sql.raw(sort?.descending ? "desc" : "asc");
  const order = sort ? sql`${sort.column} ${way}, ${table.id} ${way}` : sql`${table.id}`;
  const rank = sql<number>`row_number() over (partition by ${parentColumn} order by ${order})`.mapWith(Number).as("page_rank");
  const ranked = db.select({ id: table.id, pageRank: rank }).from(table as PgTable).where(where).as("ranked");
  // The subquery's column types are too generic for TypeScript here.
  const rankedColumns = ranked as unknown as { id: PgColumn; pageRank: PgColumn };
  const direction = sort?.descending ? desc : asc;
  return db
    .select()
    .from(table as PgTable)
    .where(inArray(table.id, db.select({ id: rankedColumns.id }).from(ranked).where(lte(rankedColumns.pageRank, limit))))
    .orderBy(...(sort ? [parentColumn, direction(sort.column), direction(table.id)] : [table.id]));
}

/** The condition of a sorted page's keyset cursor, if it has one. */
function afterSortedCursor<R>(table: TableWithId, spec: SortSpec<R>, descending: boolean, page: SortedPageRequest): SQL | undefined {
  return page.after ? afterKeyset(spec.column, table.id, { value: spec.fromCursor(page.after.value), id: page.after.id }, descending) : undefined;
}

/** A page of `table`'s rows matching `where`, sorted by `spec` then id, after the page's keyset cursor. */
export async function sortedPage<T extends TableWithId>(db: Executor, table: T, where: SQL | undefined, spec: SortSpec<T["$inferSelect"]>, descending: boolean, page: SortedPageRequest): Promise<T["$inferSelect"][]> {
  const direction = descending ? desc : asc;
  return (await db
    .select()
    .from(table as PgTable)
    .where(and(where, afterSortedCursor(table, spec, descending, page)))
    .orderBy(direction(spec.column), direction(table.id))
    .limit(page.limit + 1)) as T["$inferSelect"][];
}

/**
 * `sortedPage` for many parents in one statement: each parent's first `limit + 1` rows (after
 * the cursor) in the sort, numbered per parent by a window function, as `pagePerParent` does by id.
 */
export async function sortedPagePerParent<T extends TableWithId>(
  db: Executor,
  table: T,
  parentColumn: PgColumn,
  parentIds: readonly number[],
  where: SQL | undefined,
  spec: SortSpec<T["$inferSelect"]>,
  descending: boolean,
  page: SortedPageRequest,
): Promise<T["$inferSelect"][]> {
  if (parentIds.length === 0) return [];
  const within = and(inArray(parentColumn, [...parentIds]), where, afterSortedCursor(table, spec, descending, page));
  return (await rankedPages(db, table, parentColumn, within, page.limit + 1, { column: spec.column, descending })) as T["$inferSelect"][];
}

/**
 * Rows after a keyset cursor on (sort column, id), ascending or descending; values or
 * placeholders (`param`). A row-value comparison, `(column, id) > (value, id)`, which both
 * stores answer by seeking the (…, column, id) index; the equivalent `column > v or (column = v
 * and id > i)` makes SQLite walk the index from its start, so a page 90 % deep cost 40x the
 * first at 50,000 companies (issue 19).
 */
export function afterKeyset(column: PgColumn, idColumn: PgColumn, after: { value: unknown; id: unknown } | null, descending: boolean): SQL | undefined {
  if (!after) return undefined;
  const bind = (value: unknown, to: PgColumn) => (is(value, Param) || is(value, SQL) ? value : sql.param(value, to));
  return sql`(${column}, ${idColumn}) ${sql.raw(descending ? "<" : ">")} (${bind(after.value, column)}, ${bind(after.id, idColumn)})`;
}
