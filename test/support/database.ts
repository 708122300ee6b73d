import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../src/db/client";
import { DIALECT } from "../../src/db/dialect";

/** The database every PostgreSQL test database is cloned from, migrated once per run (global-setup.ts). */
export const TEMPLATE_DATABASE = "marketplace_template";

/** DATABASE_URL with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database of this run's dialect for one test file (or one process test):
 * a new SQLite file (created and migrated when first opened), or on PostgreSQL (DATABASE_URL)
 * a new database cloned from the template (CREATE DATABASE ... TEMPLATE, tens of milliseconds).
 */
export interface TestDatabase {
  /** What a child server process needs in its environment to use this database. */
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  /** Deletes it; every handle must be closed first. */
  drop(): Promise<void>;
}

let created = 0;

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  if (DIALECT === "postgresql") {
    const name = `test_${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
    // Unmigrated (`migrated: false`): an empty database, which the first process to open it migrates.
    await admin(options.migrated === false ? `create database "${name}"` : `create database "${name}" template ${TEMPLATE_DATABASE}`);
    const url = databaseUrl(name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ url, path: "" }),
      drop: () => admin(`drop database if exists "${name}" with (force)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marketplace-test-"));
  return { ...sqliteFile(path.join(dir, "test.db")), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The SQLite file `file` as a test database; the caller owns the file (drop leaves it). */
export function sqliteFile(file: string): TestDatabase {
  return { env: { DATABASE_PATH: file }, open: () => openDatabase({ path: file }), drop: async () => undefined };
}

/** Runs one statement on the PostgreSQL server's maintenance connection (DATABASE_URL itself). */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
