import { scheduleFrom, type CapacityFromStart } from "../capacity/free-capacity";
import { weekStart } from "../capacity/weeks";
import { addDays, daysBetween } from "../shared/time";
import { DEFAULT_MATCH_BUDGET, match, pick, type Candidate, type Exclusion, type Infeasibility, type MatchOptions, type MatchResult, type Plan, type PlanPick } from "./engine";

/**
 * The chain engine, pure: the Pareto front of total cost against the final completion date of
 * a production chain, one product made by several contractors in sequence (casting, then
 * machining, then treatment, then assembly), each stage split across contractors like a single
 * order by `match`.
 *
 * The stages form a tree: each stage hands its parts on to the one it `feeds` (one final stage
 * feeds nothing), parallel stages may feed one assembly. A stage starts when the last of its
 * inputs arrives (each input stage's completion plus its moving days); a contractor's lead time
 * and free capacity are counted from that start (`scheduleFrom`). Stages without inputs start
 * today.
 *
 * Exact, by dynamic programming over the tree. For each stage, the front of (cost of its
 * subtree, arrival at the next stage). A stage with inputs is planned once for each date on
 * which the cheapest combination of its inputs' fronts arriving by then gets cheaper: a
 * combination whose last input arrives on t costs at least that cheapest one by t, and starting
 * on t is what it can do; starting later never helps, because a later start never completes
 * more units by any date (scheduleFrom's invariant). Each plan of the stage from t, added to
 * its inputs' cost, is a point; the points another beats on both counts are dropped.
 *
 * What the plans take as given: each stage's free capacity as it stands, stage by stage. A
 * contractor whose same engineers would work on two stages of one chain in the same weeks is
 * counted once per stage; the award books the stages in order and refuses the plan if the later
 * one no longer fits (INSUFFICIENT_CAPACITY), never books past anyone's hours.
 *
 * Bounded as `match` is: every stage's searches share one budget (each search also costs a step
 * per candidate), and when it runs out the answer is TOO_COMPLEX with no plan, since a chain plan
 * built on a stage's incomplete front is not proved cheapest.
 */

/**
 * A stage's candidate: a bid or a quote whose schedule depends on when the stage starts. Both
 * complete as their contractor's hours come free from the start, no sooner than their lead
 * time: a bid on a stage promises a lead time from its inputs' arrival, not a date, since the
 * date its inputs arrive is not known when it bids.
 */
export interface StageCandidate extends Omit<Candidate, "schedule"> {
  capacity: Omit<CapacityFromStart, "completes">;
}

/** A stage candidate's schedule when the stage starts on `start`. */
export const stageSchedule = (candidate: StageCandidate, weeks: readonly string[], start: string) => scheduleFrom({ ...candidate.capacity, completes: "AS_HOURS_FREE" }, weeks, start);

export interface ChainStage {
  /** Unique within the chain (the caller's stage id). */
  key: string;
  /** The stage this one hands its parts on to; null for the final stage (exactly one). */
  feeds: string | null;
  /** Days to move this stage's parts to the stage it feeds (0 for the final stage). */
  moveDays: number;
  /** Units this stage must make, its expected scrap included. */
  quantity: number;
  /** Minor units; null for no limit. */
  maxUnitPrice: number | null;
  maxSharePercent: number;
  minContractors: number;
  minScore?: number | null;
  candidates: StageCandidate[];
  /**
   * The earliest the stage may start whatever its stage inputs: parts sourced outside the
   * platform (bought in) arriving then, `waitsFor` naming them. Absent: none.
   */
  notBefore?: { date: string; waitsFor: string } | null;
}

export interface ChainOrder {
  stages: ChainStage[];
  /** The final stage's completion date, at the latest. */
  neededBy: string;
  /** What each day earlier is worth to the customer, minor units: BALANCED weighs cost against it. */
  valuePerDay: number;
  today: string;
  /** Mondays from today's week to needed-by's week: the axis of every candidate's `weeklyFree`. */
  weeks: readonly string[];
}

/** Why a stage starts when it does. */
export type StageStart = { code: "NO_INPUTS" } | { code: "INPUTS_ARRIVE"; waitsFor: string; arrives: string };

export interface ChainStagePlan {
  stageKey: string;
  startDate: string;
  /** When its parts reach the stage it feeds (completion plus moving days); the final stage's completion. */
  arrivalDate: string;
  start: StageStart;
  /** The stage's split: its lines with their reasons, its cost and completion. */
  plan: Plan;
}

export interface ChainPlan {
  /** Every stage, each after the stages that feed it. */
  stages: ChainStagePlan[];
  totalCost: number;
  completionDate: string;
  daysToCompletion: number;
  picks: PlanPick[];
  /** The stages that set the completion date, first to final: each the last-arriving input of the next. */
  criticalPath: string[];
}

/** What each stage was planned against: its latest completion and the candidates it left out (from its earliest start). */
export interface StageOutcome {
  stageKey: string;
  latestCompletion: string;
  excluded: Exclusion[];
}

/** Why a chain has no plan: the first stage (inputs first) that has none from the earliest its inputs arrive, with the engine's reason. */
export type ChainInfeasibility =
  | { code: "STAGE"; stageKey: string; startDate: string; infeasible: Infeasibility }
  | { code: "TOO_COMPLEX"; stageKey: string }
  | { code: "TOO_LARGE" };

export interface ChainMatchResult {
  /** The front, earliest completion first. */
  plans: ChainPlan[];
  /** False only with TOO_COMPLEX. */
  complete: boolean;
  steps: number;
  stages: StageOutcome[];
  infeasible: ChainInfeasibility | null;
}

/** A point of a stage's front: its subtree's cost and its arrival, with what it is made of. */
interface Point {
  cost: number;
  arrival: string;
  start: string;
  plan: Plan;
  inputs: Point[];
  stageKey: string;
  /** What the start waits for (an input stage, or `notBefore`'s parts) and when it arrives; null for a start on the day. */
  waitsFor: string | null;
  waitsArrival: string | null;
}

function checkChain(chain: ChainOrder): { root: ChainStage; inputsOf: Map<string, ChainStage[]>; order: ChainStage[] } {
  const byKey = new Map<string, ChainStage>();
  for (const stage of chain.stages) {
    if (byKey.has(stage.key)) throw new RangeError(`duplicate stage key ${stage.key}`);
    if (!Number.isSafeInteger(stage.moveDays) || stage.moveDays < 0) throw new RangeError(`stage ${stage.key}: moveDays must be a non-negative integer`);
    byKey.set(stage.key, stage);
  }
  const roots = chain.stages.filter((s) => s.feeds === null);
  if (roots.length !== 1) throw new RangeError("a chain has exactly one final stage");
  const inputsOf = new Map<string, ChainStage[]>(chain.stages.map((s) => [s.key, []]));
  for (const stage of chain.stages) {
    if (stage.feeds === null) continue;
    if (!byKey.has(stage.feeds)) throw new RangeError(`stage ${stage.key} feeds unknown stage ${stage.feeds}`);
    inputsOf.get(stage.feeds)!.push(stage);
  }
  // Inputs before the stages they feed; a stage on a cycle is never reached from the final one.
  const order: ChainStage[] = [];
  const visit = (stage: ChainStage) => {
    for (const input of inputsOf.get(stage.key)!) visit(input);
    order.push(stage);
  };
  visit(roots[0]);
  if (order.length !== chain.stages.length) throw new RangeError("the stages do not form a tree: some never reach the final stage");
  if (chain.weeks.length === 0 || chain.weeks[0] !== weekStart(chain.today)) throw new RangeError("weeks must start with today's week");
  return { root: roots[0], inputsOf, order };
}

/** The latest date each stage may complete for the final one to complete by needed-by: minus the moving days on its way. */
function latestCompletions(chain: ChainOrder, order: readonly ChainStage[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const stage of [...order].reverse()) {
    latest.set(stage.key, stage.feeds === null ? chain.neededBy : addDays(latest.get(stage.feeds)!, -stage.moveDays));
  }
  return latest;
}

/** The cheapest point arriving by `date` (fronts ascend by arrival, costs fall), or undefined. */
function cheapestBy(front: readonly Point[], date: string): Point | undefined {
  let best: Point | undefined;
  for (const point of front) {
    if (point.arrival > date) break;
    best = point;
  }
  return best;
}

/** Points no other beats on both arrival and cost, ascending by arrival. */
function paretoOf(points: Point[]): Point[] {
  points.sort((a, b) => a.arrival.localeCompare(b.arrival) || a.cost - b.cost);
  const front: Point[] = [];
  for (const point of points) if (front.length === 0 || point.cost < front[front.length - 1].cost) front.push(point);
  return front;
}

function toChainPlan(root: Point, today: string): ChainPlan {
  const stages: ChainStagePlan[] = [];
  const walk = (point: Point) => {
    for (const input of point.inputs) walk(input);
    stages.push({
      stageKey: point.stageKey,
      startDate: point.start,
      arrivalDate: point.arrival,
      start: point.waitsFor !== null ? { code: "INPUTS_ARRIVE", waitsFor: point.waitsFor, arrives: point.waitsArrival! } : { code: "NO_INPUTS" },
      plan: point.plan,
    });
  };
  walk(root);
  const criticalPath: string[] = [];
  for (let point: Point | undefined = root; point; point = point.inputs.find((p) => p.stageKey === point!.waitsFor)) criticalPath.unshift(point.stageKey);
  return { stages, totalCost: root.cost, completionDate: root.arrival, daysToCompletion: daysBetween(today, root.arrival), picks: [], criticalPath };
}

/** The Pareto front of a chain's plans: see the module comment. */
export function matchChain(chain: ChainOrder, options: MatchOptions = {}): ChainMatchResult {
  const { root, inputsOf, order } = checkChain(chain);
  const latest = latestCompletions(chain, order);
  const allowed = options.budget ?? DEFAULT_MATCH_BUDGET;
  let left = allowed;
  const fronts = new Map<string, Point[]>();
  const outcomes: StageOutcome[] = [];
  let infeasible: ChainInfeasibility | null = null;
  let tooLarge = false;
  const steps = () => allowed - Math.max(0, left);
  const tooComplex = (stageKey: string): ChainMatchResult => ({ plans: [], complete: false, steps: steps(), stages: outcomes, infeasible: { code: "TOO_COMPLEX", stageKey } });

  for (const stage of order) {
    const inputs = inputsOf.get(stage.key)!;
    const outcome: StageOutcome = { stageKey: stage.key, latestCompletion: latest.get(stage.key)!, excluded: [] };
    outcomes.push(outcome);
    if (inputs.some((input) => fronts.get(input.key)!.length === 0)) {
      fronts.set(stage.key, []);
      continue;
    }
    // A start is the day the inputs arrive, no sooner than parts sourced outside (notBefore).
    const floor = stage.notBefore?.date ?? null;
    const arrivals = inputs.length === 0 ? [chain.today] : inputs.flatMap((input) => fronts.get(input.key)!.map((p) => p.arrival));
    const starts = [...new Set(arrivals.map((t) => (floor !== null && floor > t ? floor : t)))].sort();
    const points: Point[] = [];
    let previousCost = Infinity;
    let first: { start: string; result: MatchResult; cheapest: number } | null = null;
    for (const start of starts) {
      const chosen = inputs.map((input) => cheapestBy(fronts.get(input.key)!, start));
      if (chosen.some((p) => p === undefined)) continue;
      const inputCost = chosen.reduce((sum, p) => sum + p!.cost, 0);
      // The same inputs' cost with a later start: never better (see the module comment).
      if (inputCost >= previousCost) continue;
      if (first !== null && start > outcome.latestCompletion) break;
      previousCost = inputCost;
      // Plans from this start cost at least the inputs plus the stage's cheapest plan from its
      // first start (a later start has no more capacity), so those arriving no sooner than a
      // point found already at that cost or less are beaten: look only for earlier ones.
      let neededBy = outcome.latestCompletion;
      if (first !== null) {
        const atMost = inputCost + first.cheapest;
        const beaten = points.filter((p) => p.cost <= atMost).reduce<string | null>((earliest, p) => (earliest === null || p.arrival < earliest ? p.arrival : earliest), null);
        if (beaten !== null) {
          const before = addDays(beaten, -(stage.feeds === null ? 0 : stage.moveDays) - 1);
          if (before < neededBy) neededBy = before;
        }
        if (neededBy <= start) continue;
      }
      left -= Math.max(1, stage.candidates.length);
      if (left < 0) return tooComplex(stage.key);
      const candidates = stage.candidates.map((c): Candidate => {
        const { capacity: _capacity, ...candidate } = c;
        return { ...candidate, schedule: stageSchedule(c, chain.weeks, start) };
      });
      const result = match(
        {
          quantity: stage.quantity,
          neededBy,
          maxUnitPrice: stage.maxUnitPrice,
          maxSharePercent: stage.maxSharePercent,
          minContractors: stage.minContractors,
          minScore: stage.minScore,
          valuePerDay: 0,
          today: chain.today,
        },
        candidates,
        { ...options, budget: left },
      );
      left -= result.steps;
      if (!result.complete) return tooComplex(stage.key);
      first ??= { start, result, cheapest: result.plans.at(-1)?.totalCost ?? Infinity };
      // The input that arrives last sets the start (ties: the first input listed), or the outside parts when later still.
      const last = chosen.reduce<Point | undefined>((latest, p) => (latest === undefined || p!.arrival > latest.arrival ? p : latest), undefined);
      const waited =
        floor !== null && start === floor && (last === undefined || floor > last.arrival) ? { key: stage.notBefore!.waitsFor, arrival: floor } : last ? { key: last.stageKey, arrival: last.arrival } : null;
      for (const plan of result.plans) {
        const cost = inputCost + plan.totalCost;
        if (!Number.isSafeInteger(cost)) {
          tooLarge = true;
          continue;
        }
        const arrival = stage.feeds === null ? plan.completionDate : addDays(plan.completionDate, stage.moveDays);
        points.push({ cost, arrival, start, plan, inputs: chosen as Point[], stageKey: stage.key, waitsFor: waited?.key ?? null, waitsArrival: waited?.arrival ?? null });
      }
    }
    if (first) outcome.excluded = first.result.excluded;
    const front = paretoOf(points);
    fronts.set(stage.key, front);
    if (front.length === 0 && infeasible === null && first?.result.infeasible) {
      infeasible = { code: "STAGE", stageKey: stage.key, startDate: first.start, infeasible: first.result.infeasible };
    }
  }
  const plans = fronts.get(root.key)!.map((point) => toChainPlan(point, chain.today));
  pick(plans, chain.valuePerDay);
  if (plans.length === 0 && infeasible === null) infeasible = tooLarge ? { code: "TOO_LARGE" } : null;
  return { plans, complete: true, steps: steps(), stages: outcomes, infeasible: plans.length === 0 ? infeasible : null };
}
