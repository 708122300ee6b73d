/**
 * The matching engine's worker: runs `match` and `matchChain` off the request thread (see matcher.ts). The engine
 * is pure, so its inputs and outputs cross the thread boundary as plain data.
 */
import { matchChain, type ChainMatchResult, type ChainOrder } from "./chain";
import { match, type Candidate, type MatchOptions, type MatchOrder, type MatchResult } from "./engine";

export type MatchTask = { kind: "order"; order: MatchOrder; candidates: Candidate[]; options?: MatchOptions } | { kind: "chain"; chain: ChainOrder; options?: MatchOptions };

/** Piscina calls the module's default export with each task. */
export default function run(task: MatchTask): MatchResult | ChainMatchResult {
  return task.kind === "chain" ? matchChain(task.chain, task.options) : match(task.order, task.candidates, task.options);
}
