import path from "node:path";
import { Piscina } from "piscina";
import { match, type Candidate, type MatchOptions, type MatchOrder, type MatchResult } from "./engine";
import { matchChain, type ChainMatchResult, type ChainOrder } from "./chain";
import type { MatchTask } from "./match.worker";
import { plannerBusy } from "../graphql/errors";

/**
 * Fronts that may wait for a worker. One request may ask for up to 50 orders' plans (the cost
 * limit weighs each at 1,000), so 128 leaves room for a few dashboards at once; 128 worst cases
 * are about 10-25 s of work, marketplace-shaped fronts well under a second.
 */
export const DEFAULT_MAX_QUEUE = 128;

/** Runs the matching engine; the server's runs it in worker threads, so no request waits behind it. */
export interface Matcher {
  match(order: MatchOrder, candidates: Candidate[], options?: MatchOptions): Promise<MatchResult>;
  /** A production chain's front (chain.ts), under the same budget and queue. */
  matchChain(chain: ChainOrder, options?: MatchOptions): Promise<ChainMatchResult>;
  close(): Promise<void>;
}

/**
 * The engine in a pool of worker threads (piscina): an order's front is computed off the event
 * loop, so /health and every other request answer while it runs, and the work budget bounds how
 * long it holds a worker. Fronts wait in the pool's queue when every worker is busy.
 *
 * At most `maxQueue` fronts wait: past that a request is refused at once with PLANNER_BUSY instead
 * of waiting behind a flood of previews (each worst case holds a worker up to ~0.2 s).
 *
 * Run from the TypeScript sources (the tests), the worker loads them through tsx's loader; built
 * (`npm start`), it is plain JavaScript.
 */
export function workerMatcher(threads = 1, maxQueue = DEFAULT_MAX_QUEUE): Matcher {
  const fromSources = __filename.endsWith(".ts");
  const pool = new Piscina<MatchTask, MatchResult | ChainMatchResult>({
    filename: path.join(__dirname, `match.worker.${fromSources ? "ts" : "js"}`),
    minThreads: threads,
    maxThreads: threads,
    // Kept alive between tasks: starting a worker costs tens of milliseconds.
    idleTimeout: Infinity,
    execArgv: fromSources ? ["--require", "tsx/cjs"] : [],
  });
  return {
    match: async (order, candidates, options) => {
      if (pool.queueSize >= maxQueue) throw plannerBusy();
      return pool.run({ kind: "order", order, candidates, options }) as Promise<MatchResult>;
    },
    matchChain: async (chain, options) => {
      if (pool.queueSize >= maxQueue) throw plannerBusy();
      return pool.run({ kind: "chain", chain, options }) as Promise<ChainMatchResult>;
    },
    close: () => pool.close({ force: true }),
  };
}

/** The engine on the calling thread: for scripts and the engine's own tests. */
export const inlineMatcher: Matcher = {
  match: async (order, candidates, options) => match(order, candidates, options),
  matchChain: async (chain, options) => matchChain(chain, options),
  close: async () => {},
};
