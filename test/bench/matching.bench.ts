import loadHighs from "highs";
import { DEFAULT_MATCH_BUDGET, match } from "../../src/matching/engine";
import { BENCH, highsFront, randomInstance, type Instance } from "../support/matching";
import { row, time, runBench } from "./support";

/**
 * `npm run bench:matching`: the engine's full Pareto front (minimum lots, share limits and
 * minimum contractor counts on) on generated orders of 100 and 1,000 candidates, and HiGHS
 * computing the same front by the same epsilon-constraint steps on the same instances, as a
 * ratio. Targets (issue 5): median under 5 ms for 100 candidates, under 50 ms for 1,000.
 */
const INSTANCES = 15;

function instances(candidates: number): Instance[] {
  return Array.from({ length: INSTANCES }, (_, i) => randomInstance(7000 + candidates + i, BENCH(candidates), true));
}

async function main() {
  const highs = await loadHighs();
  console.log(`matching engine vs HiGHS (${INSTANCES} generated orders per size; times per full front)`);
  for (const size of [100, 1000]) {
    const set = instances(size);
    let k = 0;
    const next = () => set[k++ % set.length];
    const engine = await time(set.length * 10, () => {
      const inst = next();
      return match(inst.order, inst.candidates);
    }, set.length);
    k = 0;
    const reference = await time(set.length, () => highsFront(highs, next()), 1);
    // The same fronts, point by point: the benchmark's instances are checked too.
    let agree = 0;
    let points = 0;
    let complete = 0;
    let maxSteps = 0;
    for (const inst of set) {
      const result = match(inst.order, inst.candidates);
      if (result.complete) complete++;
      maxSteps = Math.max(maxSteps, result.steps);
      const mine = result.plans.map((p) => [p.completionDate, p.totalCost]);
      const theirs = highsFront(highs, inst).map((p) => [p.completionDate, p.totalCost]);
      points += mine.length;
      if (JSON.stringify(mine) === JSON.stringify(theirs)) agree++;
    }
    console.log(
      row(
        `engine, ${size} candidates`,
        engine,
        `${(points / set.length).toFixed(1)} plans per front; ${complete}/${set.length} complete, at most ${maxSteps} of ${DEFAULT_MATCH_BUDGET} steps`,
      ),
    );
    console.log(row(`HiGHS (presolve on), same fronts`, reference, `engine ${(reference.p50 / engine.p50).toFixed(0)}x faster (p50); fronts agree on ${agree}/${set.length}`));
  }
}

runBench(main);
