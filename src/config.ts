import path from "node:path";
import { dialectOf } from "./db/dialect";

/** Typed configuration read from the environment; see README "Configuration". */
export interface Config {
  port: number;
  host: string;
  /** postgres://user:password@host:port/database for PostgreSQL; undefined for the SQLite file. */
  databaseUrl: string | undefined;
  databasePath: string;
  /** PostgreSQL: connections of each of this process's pools (readers, writers). */
  databasePoolSize: number;
  /** Seed demo data into an empty database at start-up. */
  seedDemoData: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** The largest document an upload may carry, in bytes (DOCUMENT_MAX_BYTES). */
  maxDocumentBytes: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** SQLite's synchronous setting for file databases; see README "Durability". */
  sqliteSynchronous: "NORMAL" | "FULL";
  /** Origins whose web pages may call the API (CORS); empty for none. */
  corsOrigins: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, "PORT", 4000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: dialectOf(env.DATABASE_URL) === "postgresql" ? env.DATABASE_URL : undefined,
    databasePath: env.DATABASE_PATH ?? path.join("data", "marketplace.db"),
    databasePoolSize: intFromEnv(env, "DATABASE_POOL_SIZE", 10),
    seedDemoData: (env.SEED_DEMO_DATA ?? "true") !== "false",
    maxBodyBytes: intFromEnv(env, "MAX_BODY_BYTES", 100_000),
    maxDocumentBytes: intFromEnv(env, "DOCUMENT_MAX_BYTES", 20 * 1024 * 1024),
    logLevel: logLevelFromEnv(env.LOG_LEVEL),
    sqliteSynchronous: synchronousFromEnv(env.SQLITE_SYNCHRONOUS),
    corsOrigins: originsFromEnv(env.CORS_ORIGINS),
  };
}

/**
 * Where the demo's API tokens are saved: beside the SQLite file, or for PostgreSQL in ./data under
 * a name of its own, so that trying both stores does not overwrite the SQLite demo's tokens.
 */
export function demoTokensFile(config: Config): string {
  return config.databaseUrl ? path.resolve("data", "demo-tokens-postgresql.txt") : path.join(path.dirname(path.resolve(config.databasePath)), "demo-tokens.txt");
}

/** "https://a.example, https://b.example" -> exact origins (scheme, host and port, no path). */
function originsFromEnv(raw: string | undefined): string[] {
  const origins = (raw ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.origin !== origin) throw new Error(`CORS_ORIGINS must list origins such as https://dashboard.example.org (no path, no trailing slash), got "${origin}"`);
  }
  return origins;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function logLevelFromEnv(raw: string | undefined): Config["logLevel"] {
  const level = raw ?? "info";
  if (level === "debug" || level === "info" || level === "warn" || level === "error") return level;
  throw new Error(`LOG_LEVEL must be debug, info, warn or error, got "${level}"`);
}

function synchronousFromEnv(raw: string | undefined): Config["sqliteSynchronous"] {
  const value = (raw ?? "NORMAL").toUpperCase();
  if (value === "NORMAL" || value === "FULL") return value;
  throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${raw}"`);
}
