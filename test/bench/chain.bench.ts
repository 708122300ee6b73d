import { matchChain, stageSchedule, type ChainOrder } from "../../src/matching/chain";
import { DEFAULT_MATCH_BUDGET, match } from "../../src/matching/engine";
import { BENCH_CHAIN, randomChain } from "../support/chain";
import { row, time, runBench } from "./support";

/**
 * `npm run bench:chains`: the chain engine's full front on generated chains (issue 17's target:
 * 5 stages of 20 candidates each, p95 under 50 ms), straight and as trees, beside the baseline
 * of planning each stage once on its own from today (what a customer ordering stage by stage
 * would compute), as a ratio in the same run.
 */
const INSTANCES = 20;

/** Each stage planned alone, once, starting today: the work a chain costs at the least. */
function stagesAlone(chain: ChainOrder) {
  for (const stage of chain.stages) {
    match(
      { quantity: stage.quantity, neededBy: chain.neededBy, maxUnitPrice: stage.maxUnitPrice, maxSharePercent: stage.maxSharePercent, minContractors: stage.minContractors, valuePerDay: 0, today: chain.today },
      stage.candidates.map((c) => ({ ...c, schedule: stageSchedule(c, chain.weeks, chain.today) })),
    );
  }
}

async function main() {
  console.log(`chain engine (${INSTANCES} generated chains per shape; times per full front)`);
  for (const [stages, candidates, linear] of [
    [3, 20, true],
    [5, 20, true],
    [5, 20, false],
    [8, 50, false],
  ] as const) {
    const set = Array.from({ length: INSTANCES }, (_, i) => randomChain(17_000 + stages * 100 + candidates + i, BENCH_CHAIN(stages, candidates), linear));
    let k = 0;
    const engine = await time(set.length * 5, () => matchChain(set[k++ % set.length]), set.length);
    k = 0;
    const alone = await time(set.length * 5, () => stagesAlone(set[k++ % set.length]), set.length);
    const results = set.map((chain) => matchChain(chain));
    const feasible = results.filter((r) => r.plans.length > 0);
    const plans = feasible.reduce((sum, r) => sum + r.plans.length, 0);
    const maxSteps = Math.max(...results.map((r) => r.steps));
    const label = `${stages} stages x ${candidates} candidates, ${linear ? "straight" : "tree"}`;
    console.log(
      row(
        label,
        engine,
        `${feasible.length}/${set.length} with plans, ${(plans / Math.max(1, feasible.length)).toFixed(1)} plans per front, at most ${maxSteps} of ${DEFAULT_MATCH_BUDGET} steps; ${(engine.p50 / alone.p50).toFixed(1)}x the stages planned alone once (p50 ${alone.p50.toFixed(2)} ms)`,
      ),
    );
  }
}

runBench(main);
