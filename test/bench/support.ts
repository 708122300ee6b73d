import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { createToken } from "../../src/auth/api-token.service";
import { sql } from "drizzle-orm";
import { rebuildParkDays } from "../../src/contracts/park-days.repository";
import type { DatabaseHandle } from "../../src/db/client";
import { runSql, type Executor } from "../../src/db/executor";
import { DIALECT } from "../../src/db/dialect";
import { createLogger } from "../../src/core/logger";
import { buildMarketplaceSchema } from "../../src/api/schema";
import { createApp } from "../../src/server";
/** The store this benchmark run measures (DATABASE_URL), as its tables' first line names it. */
export const STORE = DIALECT === "sqlite" ? "SQLite" : "PostgreSQL";

/** Small timing helpers for the benchmark scripts: they print figures, they assert nothing. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export async function time(runs: number, work: () => unknown | Promise<unknown>, warmup = Math.min(20, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

export function row(label: string, t: Timing, extra = ""): string {
  return `${label.padEnd(58)} p50 ${t.p50.toFixed(2).padStart(8)} ms  p95 ${t.p95.toFixed(2).padStart(8)} ms  ${extra}`;
}

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The real server in this process on a benchmark database, with a coordinator's token: `post`
 * sends a query as the coordinator or as the holder of `token` (and throws on errors);
 * `statementsOf` counts the SQL statements a call sends.
 */
export async function benchServer(database: DatabaseHandle) {
  const coordinator = (await createToken(database.db, { role: "COORDINATOR", companyId: null, holderName: "bench" })).token;
  const app = await createApp({ database, schema: await buildMarketplaceSchema(), logger: createLogger("error"), maxBodyBytes: 100_000 });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, token = coordinator) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const statementsOf = async (work: () => Promise<unknown>) => {
    const before = database.stats.statements;
    await work();
    return database.stats.statements - before;
  };
  return { post, statementsOf, url, coordinator, stop: () => app.stop() };
}

/**
 * The figures the use cases keep as the data changes, recomputed for rows a generator inserted
 * around them (the migrations' backfills): each order's park, bid counts and first contract,
 * and the parks' days (rebuildParkDays). In the caller's transaction when given one.
 */
export async function recountKeptFigures(db: Executor): Promise<void> {
  await runSql(
    db,
    sql`update orders set
      park_id = (select companies.park_id from companies where companies.id = orders.company_id),
      bid_count = (select count(*) from bids where bids.order_id = orders.id),
      quoted_bid_count = (select count(*) from bids where bids.order_id = orders.id and bids.source <> 'SUBMITTED'),
      first_contract_at = (select min(contracts.created_at) from contracts where contracts.order_id = orders.id)`,
  );
  await rebuildParkDays(db);
}

/** Runs a benchmark's main, printing its failure and exiting 1 instead of an unhandled rejection. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(String(error?.stack ?? error) + "\n");
    process.exit(1);
  });
}
