import { DIALECT } from "../../src/db/dialect";

/**
 * `describe` for what only SQLite has (its write lock, WAL checkpoints, its migration history,
 * its file): run on SQLite, listed as skipped by name on PostgreSQL.
 */
export const describeOnSqlite: jest.Describe = DIALECT === "sqlite" ? describe : describe.skip;

/** `it` for what only SQLite's store does (one writer at a time, in arrival order). */
export const itOnSqlite: jest.It = DIALECT === "sqlite" ? it : it.skip;

/** `describe` for what only the PostgreSQL store has (retries, advisory locks). */
export const describeOnPostgres: jest.Describe = DIALECT === "postgresql" ? describe : describe.skip;
