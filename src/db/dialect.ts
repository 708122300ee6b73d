/** Which database this process keeps its data in. */
export type Dialect = "sqlite" | "postgresql";

/**
 * The dialect `DATABASE_URL` names: `postgres://` or `postgresql://` for PostgreSQL, unset or
 * empty for the SQLite file (DATABASE_PATH). Anything else is a mistake, refused at start-up.
 */
export function dialectOf(url: string | undefined): Dialect {
  if (url === undefined || url === "") return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, or unset for SQLite; got "${url.replace(/\/\/[^@/]*@/, "//***@")}"`);
}

/**
 * This process's dialect, fixed when it starts. The table objects repositories query are that
 * dialect's (src/db/schema/index.ts), so one process serves one kind of store; a test run or
 * a benchmark picks its store the same way, by DATABASE_URL.
 */
export const DIALECT: Dialect = dialectOf(process.env.DATABASE_URL);
