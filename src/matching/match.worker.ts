/**
 * The matching engine's worker: runs `match` off the request thread (see matcher.ts). The engine
 * is pure, so its inputs and outputs cross the thread boundary as plain data.
 */
import { match, type Candidate, type MatchOptions, type MatchOrder, type MatchResult } from "./engine";

export interface MatchTask {
  order: MatchOrder;
  candidates: Candidate[];
  options?: MatchOptions;
}

/** Piscina calls the module's default export with each task. */
export default function run(task: MatchTask): MatchResult {
  return match(task.order, task.candidates, task.options);
}
