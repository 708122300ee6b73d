/**
 * Random production chains (seeded) and two independent references for the chain engine:
 * brute-force enumeration of every allocation of every stage from every start its inputs allow
 * (small chains), and a time-indexed MILP solved by HiGHS (larger ones). Shared by the chain
 * engine's tests and bench:chains.
 */
import type { Highs } from "highs";
import { weekStart, weeksFrom } from "../../src/capacity/weeks";
import { stageSchedule, type ChainOrder, type ChainStage, type StageCandidate } from "../../src/matching/chain";
import { random as prng } from "../bench/support";
import { addDays, TODAY, type FrontPoint } from "./matching";

export interface ChainShape {
  stages: [number, number];
  candidates: [number, number];
  quantity: [number, number];
  /** Weeks from today to needed-by. */
  horizonWeeks: number;
  /** Free centihours a contractor may have in a week (0 to this). */
  weeklyFree: number;
  centihoursPerUnit: [number, number];
  leadDays: [number, number];
  moveDays: [number, number];
  price: [number, number];
  minLot: [number, number];
  minContractors: [number, number];
  /** The share limit's range, percent. */
  share: [number, number];
  /** The share of stages whose parts bought outside arrive only some days after today (ChainStage.notBefore), and those days. */
  outside?: { share: number; days: [number, number] };
}

/** Small enough to enumerate: up to 4 stages of up to 3 candidates, up to 6 units a stage. */
export const SMALL_CHAIN: ChainShape = {
  stages: [2, 4],
  candidates: [2, 3],
  quantity: [1, 6],
  horizonWeeks: 9,
  weeklyFree: 900,
  centihoursPerUnit: [100, 400],
  leadDays: [1, 12],
  moveDays: [0, 6],
  price: [1, 9],
  minLot: [1, 2],
  minContractors: [1, 2],
  share: [60, 100],
  outside: { share: 0.25, days: [1, 20] },
};

/** For HiGHS: up to 4 stages of up to 6 candidates, tens to hundreds of units. */
export const MEDIUM_CHAIN: ChainShape = {
  stages: [3, 4],
  candidates: [3, 6],
  quantity: [20, 200],
  horizonWeeks: 10,
  weeklyFree: 8000,
  centihoursPerUnit: [50, 400],
  leadDays: [3, 20],
  moveDays: [0, 7],
  price: [50, 400],
  minLot: [1, 30],
  minContractors: [1, 2],
  share: [40, 100],
  outside: { share: 0.25, days: [1, 30] },
};

/** The benchmark's shape: a chain of `stages` stages of `candidates` each, thousands of units, prices in roubles. */
export const BENCH_CHAIN = (stages: number, candidates: number): ChainShape => ({
  stages: [stages, stages],
  candidates: [candidates, candidates],
  quantity: [400, 2000],
  horizonWeeks: 26,
  weeklyFree: 40_000,
  centihoursPerUnit: [100, 800],
  leadDays: [7, 28],
  moveDays: [1, 5],
  price: [50_000, 900_000],
  minLot: [10, 80],
  minContractors: [1, 3],
  share: [30, 60],
});

/**
 * A random chain: stage 0 is final, every other stage feeds an earlier one (`linear`: the one
 * just before it, so a straight chain; otherwise any, so a tree with parallel inputs). Each stage
 * has its own contractors, half bidding and half quoting, with free hours varying week by week.
 */
export function randomChain(seed: number, shape: ChainShape, linear = false): ChainOrder {
  const r = prng(seed);
  const int = ([lo, hi]: [number, number]) => lo + Math.floor(r() * (hi - lo + 1));
  const neededBy = addDays(TODAY, shape.horizonWeeks * 7);
  const weeks = weeksFrom(weekStart(TODAY), weekStart(neededBy));
  const count = int(shape.stages);
  const stages: ChainStage[] = [];
  for (let s = 0; s < count; s++) {
    const quantity = int(shape.quantity);
    const candidates: StageCandidate[] = [];
    const n = int(shape.candidates);
    for (let i = 0; i < n; i++) {
      const minLot = Math.min(quantity, int(shape.minLot));
      const maxQuantity = Math.max(minLot, Math.round(quantity * (0.3 + r() * 0.9)));
      candidates.push({
        key: `s${s}c${i}`,
        contractorId: 100 + i,
        source: r() < 0.5 ? "BID" : "QUOTE",
        unitPrice: int(shape.price),
        minLot,
        maxQuantity,
        capacity: {
          leadDays: int(shape.leadDays),
          centihoursPerUnit: int(shape.centihoursPerUnit),
          weeklyFree: weeks.map(() => (r() < 0.2 ? 0 : Math.floor(r() * shape.weeklyFree))),
        },
      });
    }
    stages.push({
      key: `stage${s}`,
      feeds: s === 0 ? null : `stage${linear ? s - 1 : Math.floor(r() * s)}`,
      moveDays: s === 0 ? 0 : int(shape.moveDays),
      quantity,
      maxUnitPrice: r() < 0.08 ? int(shape.price) : null,
      maxSharePercent: Math.max(Math.ceil(100 / quantity), int(shape.share)),
      minContractors: Math.min(quantity, int(shape.minContractors), n),
      candidates,
      notBefore: shape.outside && r() < shape.outside.share ? { date: addDays(TODAY, int(shape.outside.days)), waitsFor: `outside${s}` } : null,
    });
  }
  return { stages, neededBy, valuePerDay: int(shape.price), today: TODAY, weeks };
}

const unitsBy = (schedule: readonly { date: string; units: number }[], date: string) => schedule.filter((p) => p.date <= date).reduce((u, p) => Math.max(u, p.units), 0);

/** What a candidate may take under its stage's limits (lot aside), whatever the date. */
const capOf = (stage: ChainStage, c: StageCandidate) =>
  stage.maxUnitPrice !== null && c.unitPrice > stage.maxUnitPrice ? 0 : Math.min(c.maxQuantity, Math.floor((stage.quantity * stage.maxSharePercent) / 100), stage.quantity);

interface Outcome {
  cost: number;
  arrival: string;
}

/**
 * The chain's front by enumerating everything: every allocation of every stage (each candidate
 * 0 or a quantity within its lot and caps, the units adding up, enough contractors, each line
 * dated by its schedule from the stage's start), every combination of its inputs' outcomes, the
 * stage starting when the last input arrives. Only the final stage is held to needed-by.
 */
export function bruteForceChainFront(chain: ChainOrder): FrontPoint[] {
  const outcomes = new Map<string, Outcome[]>();
  const allocations = (stage: ChainStage, start: string): Outcome[] => {
    const found: Outcome[] = [];
    const cs = stage.candidates.map((c) => ({ c, cap: capOf(stage, c), schedule: stageSchedule(c, chain.weeks, start) }));
    const walk = (i: number, left: number, count: number, cost: number, date: string) => {
      if (i === cs.length) {
        if (left === 0 && count >= stage.minContractors) found.push({ cost, arrival: stage.feeds === null ? date : addDays(date, stage.moveDays) });
        return;
      }
      walk(i + 1, left, count, cost, date);
      const { c, cap, schedule } = cs[i];
      for (let q = c.minLot; q <= Math.min(cap, left); q++) {
        const point = schedule.find((p) => p.units >= q);
        if (!point) break;
        walk(i + 1, left - q, count + 1, cost + q * c.unitPrice, point.date > date ? point.date : date);
      }
    };
    walk(0, stage.quantity, 0, 0, "");
    return found;
  };
  const distinct = (list: Outcome[]) => [...new Map(list.map((o) => [`${o.cost}|${o.arrival}`, o])).values()];
  const solve = (stage: ChainStage): Outcome[] => {
    const inputs = chain.stages.filter((s) => s.feeds === stage.key).map(solve);
    // The stage starts when its last input arrives, parts bought outside (notBefore) included.
    let combos: Outcome[] = [{ cost: 0, arrival: stage.notBefore?.date ?? chain.today }];
    for (const input of inputs) combos = distinct(combos.flatMap((a) => input.map((b) => ({ cost: a.cost + b.cost, arrival: a.arrival > b.arrival ? a.arrival : b.arrival }))));
    const result = distinct(combos.flatMap((combo) => allocations(stage, combo.arrival).map((o) => ({ cost: combo.cost + o.cost, arrival: o.arrival }))));
    outcomes.set(stage.key, result);
    return result;
  };
  const root = chain.stages.find((s) => s.feeds === null)!;
  const best = new Map<string, number>();
  for (const o of solve(root)) if (o.arrival <= chain.neededBy && (best.get(o.arrival) ?? Infinity) > o.cost) best.set(o.arrival, o.cost);
  const front: FrontPoint[] = [];
  for (const [completionDate, totalCost] of [...best].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (front.length === 0 || totalCost < front[front.length - 1].totalCost) front.push({ completionDate, totalCost });
  }
  return front;
}

const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse(TODAY)) / 86_400_000);

/**
 * The least cost of a chain completing by `date`, by HiGHS, or null when none does. A
 * time-indexed MILP: binary x[s,t,d] picks stage s's start t (today for a stage without inputs,
 * otherwise any date an input can arrive on) and a date d by which all its lines complete (a
 * date of its candidates' schedules from t); integer q and binary y per candidate with
 * lot*y <= q <= cap*y and q <= units of its schedule from t by d; the stage's quantity and
 * minimum contractors; for each input c of s, d_c + moving days <= t_s; the final d <= date.
 * Waiting past the last input's arrival is allowed: it never helps, so the optimum is the same.
 */
export function highsChainCheapestBy(highs: Highs, chain: ChainOrder, date: string, presolve = true): number | null {
  const starts = new Map<string, string[]>();
  const pairs = new Map<string, { t: string; d: string }[]>();
  const ordered: ChainStage[] = [];
  const visit = (stage: ChainStage) => {
    chain.stages.filter((s) => s.feeds === stage.key).forEach(visit);
    ordered.push(stage);
  };
  visit(chain.stages.find((s) => s.feeds === null)!);
  for (const stage of ordered) {
    const inputs = chain.stages.filter((s) => s.feeds === stage.key);
    const floor = stage.notBefore?.date ?? chain.today;
    const arrivals = inputs.length === 0 ? [chain.today] : inputs.flatMap((input) => pairs.get(input.key)!.map((p) => addDays(p.d, input.moveDays)));
    const ts = [...new Set(arrivals.map((t) => (t < floor ? floor : t)))].sort();
    starts.set(stage.key, ts);
    pairs.set(
      stage.key,
      ts.flatMap((t) => [...new Set(stage.candidates.flatMap((c) => stageSchedule(c, chain.weeks, t).map((p) => p.date)))].sort().map((d) => ({ t, d }))),
    );
  }
  const rows: string[] = [];
  const objective: string[] = [];
  const bounds: string[] = [];
  const general: string[] = [];
  const binary: string[] = [];
  const sum = (terms: string[]) => (terms.length === 0 ? "0 zero" : terms.join(" + ").replace(/\+ -/g, "- "));
  for (const [s, stage] of chain.stages.entries()) {
    const ps = pairs.get(stage.key)!;
    if (ps.length === 0) return null;
    ps.forEach((_, k) => binary.push(`x${s}_${k}`));
    rows.push(` one${s}: ${sum(ps.map((_, k) => `x${s}_${k}`))} = 1`);
    const qs: string[] = [];
    const ys: string[] = [];
    for (const [i, c] of stage.candidates.entries()) {
      const cap = capOf(stage, c);
      const q = `q${s}_${i}`;
      const y = `y${s}_${i}`;
      qs.push(q);
      ys.push(y);
      general.push(q);
      binary.push(y);
      bounds.push(` 0 <= ${q} <= ${cap}`);
      objective.push(`${c.unitPrice} ${q}`);
      rows.push(` lot${s}_${i}: ${q} - ${c.minLot} ${y} >= 0`, ` cap${s}_${i}: ${q} - ${cap} ${y} <= 0`);
      const byPair = ps.map(({ t, d }) => Math.min(cap, unitsBy(stageSchedule(c, chain.weeks, t), d)));
      rows.push(` by${s}_${i}: ${sum([q, ...byPair.map((u, k) => `-${u} x${s}_${k}`)])} <= 0`);
    }
    rows.push(` qty${s}: ${sum(qs)} = ${stage.quantity}`, ` count${s}: ${sum(ys)} >= ${stage.minContractors}`);
    if (stage.feeds === null) {
      rows.push(` due: ${sum(ps.map(({ d }, k) => `${dayOf(d)} x${s}_${k}`))} <= ${dayOf(date)}`);
    } else {
      const p = chain.stages.findIndex((x) => x.key === stage.feeds);
      const parent = pairs.get(stage.feeds)!;
      rows.push(` prec${s}: ${sum([...ps.map(({ d }, k) => `${dayOf(d) + stage.moveDays} x${s}_${k}`), ...parent.map(({ t }, k) => `-${dayOf(t)} x${p}_${k}`)])} <= 0`);
    }
  }
  bounds.push(" zero = 0");
  const lp = ["Minimize", ` cost: ${sum(objective)}`, "Subject To", ...rows, "Bounds", ...bounds, "General", ` ${general.join(" ")}`, "Binary", ` ${binary.join(" ")}`, "End"].join("\n");
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, presolve: presolve ? "on" : "off" });
  if (result.Status === "Infeasible") return null;
  if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
  return Math.round(result.ObjectiveValue);
}
