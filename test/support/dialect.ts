import { DIALECT } from "../../src/db/dialect";

/**
 * `describe` for what only SQLite has (its write lock, WAL checkpoints, its migration history,
 * its file): run on SQLite, listed as skipped by name on PostgreSQL.
 */
export const describeOnSqlite: jest.Describe = DIALECT === "sqlite" ? describe : describe.skip;
