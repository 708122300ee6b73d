import { getTableName, is, type SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pg from "../../src/db/schema/pg";
import * as sqlite from "../../src/db/schema/sqlite";

/**
 * The two dialects' tables (src/db/schema/pg and src/db/schema/sqlite) are written twice, as
 * drizzle requires (drizzle-orm #1196): this proves they say the same thing, so that the code,
 * typed by PostgreSQL's, runs on SQLite's. The migrations test proves each dialect's migrations
 * follow its tables.
 */

/** Each dialect's column types, as one kind of value. */
const KINDS: Record<string, string> = {
  SQLiteInteger: "whole number",
  PgBigInt53: "whole number",
  SQLiteText: "text",
  PgText: "text",
  SQLiteTimestamp: "instant",
  PgTimestamp: "instant",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteBlobBuffer: "bytes",
  PgCustomColumn: "bytes",
};

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

/** A table as plain data: what must agree between the dialects. */
function describeTable(config: Config, render: (sql: SQL) => string) {
  return {
    name: config.name,
    columns: config.columns.map((c) => ({
      name: c.name,
      kind: KINDS[c.columnType] ?? `unmapped ${c.columnType}`,
      notNull: c.notNull,
      primaryKey: c.primary,
      default: c.hasDefault ? (c.default ?? "generated") : null,
      values: c.enumValues ?? null,
    })),
    indexes: config.indexes.map((i) => ({
      name: i.config.name,
      columns: i.config.columns.map((c) => ("name" in c ? c.name : render(c as SQL))),
      unique: i.config.unique,
      where: i.config.where ? render(i.config.where) : null,
    })),
    checks: config.checks.map((c) => ({ name: c.name, sql: render(c.value) })),
    foreignKeys: config.foreignKeys.map((f) => {
      const reference = f.reference();
      return { columns: reference.columns.map((c) => c.name), table: getTableName(reference.foreignTable), foreignColumns: reference.foreignColumns.map((c) => c.name) };
    }),
  };
}

const tablesOf = (module: Record<string, unknown>, kind: typeof PgTable | typeof SQLiteTable) =>
  Object.fromEntries(Object.entries(module).filter(([, value]) => is(value, kind)));

const pgTables = tablesOf(pg, PgTable) as Record<string, PgTable>;
const sqliteTables = tablesOf(sqlite, SQLiteTable) as Record<string, SQLiteTable>;
const pgSql = new PgDialect();
const sqliteSql = new SQLiteSyncDialect();

describe("the PostgreSQL and SQLite table definitions", () => {
  it("define the same tables", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(pgTables).length).toBeGreaterThan(10);
  });

  it.each(Object.keys(sqliteTables).sort())("%s: the same columns, keys, defaults, indexes, checks and references", (name) => {
    const onPostgres = describeTable(pgConfig(pgTables[name]), (q) => pgSql.sqlToQuery(q).sql);
    const onSqlite = describeTable(sqliteConfig(sqliteTables[name]), (q) => sqliteSql.sqlToQuery(q).sql);
    expect(onPostgres.columns.map((c) => c.kind)).not.toContain(expect.stringMatching(/^unmapped/));
    expect(onPostgres).toEqual(onSqlite);
  });
});

// The rows the code reads and writes have one TypeScript type on both dialects: this file fails
// to compile (npm test type-checks it) when a column's type differs.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Tables = keyof typeof pg & keyof typeof sqlite;
type RowTypesAgree = {
  [K in Tables]: (typeof pg)[K] extends PgTable
    ? (typeof sqlite)[K] extends SQLiteTable
      ? Same<(typeof pg)[K]["$inferSelect"], (typeof sqlite)[K]["$inferSelect"]> & Same<(typeof pg)[K]["$inferInsert"], (typeof sqlite)[K]["$inferInsert"]>
      : false
    : true;
};
const rowTypesAgree: { [K in keyof RowTypesAgree]: RowTypesAgree[K] extends true ? true : never } = Object.fromEntries(
  Object.keys(sqliteTables).map((name) => [name, true]),
) as { [K in keyof RowTypesAgree]: true };
void rowTypesAgree;
