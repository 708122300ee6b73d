/**
 * Random matching instances (seeded, so every run sees the same ones) and two independent
 * references for the engine: brute-force enumeration of every allocation (small instances)
 * and the HiGHS MILP solver (larger ones). Shared by the engine's tests and bench:matching.
 */
import type { Highs } from "highs";
import type { Candidate, MatchOrder } from "../../src/matching/engine";
import { random as prng } from "../bench/support";

export const TODAY = "2026-11-23";

export const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

export interface Instance {
  order: MatchOrder;
  candidates: Candidate[];
}

export interface Shape {
  candidates: number;
  quantity: [number, number];
  /** Lots as fractions of the quantity. */
  minLot: [number, number];
  maxQuantity: [number, number];
  price: [number, number];
  share: [number, number];
  minContractors: [number, number];
  /** Days from today to the needed-by date. */
  horizonDays: number;
  /** Distinct dates a schedule may use (fewer: more ties between dates). */
  dateSlots: number;
}

/** Small enough to enumerate: up to 5 candidates and 16 units, with ties in price and date. */
export const SMALL: Shape = {
  candidates: 5,
  quantity: [1, 16],
  minLot: [0.05, 0.4],
  maxQuantity: [0.2, 1.2],
  price: [1, 9],
  share: [30, 100],
  minContractors: [1, 3],
  horizonDays: 28,
  dateSlots: 5,
};

/** For HiGHS: up to 30 candidates, hundreds of units. */
export const MEDIUM: Shape = {
  candidates: 30,
  quantity: [20, 600],
  minLot: [0.01, 0.35],
  maxQuantity: [0.1, 1],
  price: [50, 400],
  share: [15, 100],
  minContractors: [1, 4],
  horizonDays: 84,
  dateSlots: 12,
};

/** Marketplace-shaped, for the benchmark: thousands of units, lots of 2-12 % of the order, prices in roubles. */
export const BENCH = (candidates: number): Shape => ({
  candidates,
  quantity: [2000, 8000],
  minLot: [0.02, 0.12],
  maxQuantity: [0.1, 0.6],
  price: [100_000, 900_000],
  share: [25, 50],
  minContractors: [2, 4],
  horizonDays: 112,
  dateSlots: 16,
});

/**
 * A random order and candidates: half bids (one promised date, capacity sometimes short) and
 * half quotes (weekly schedule of growing units). `exactCount` fixes the number of candidates.
 */
export function randomInstance(seed: number, shape: Shape, exactCount = false): Instance {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const frac = ([lo, hi]: [number, number]) => lo + r() * (hi - lo);
  const quantity = int(shape.quantity[0], shape.quantity[1]);
  const neededBy = addDays(TODAY, shape.horizonDays);
  const slot = (k: number) => addDays(TODAY, Math.round(((k + 1) * (shape.horizonDays + 14)) / shape.dateSlots));
  const count = exactCount ? shape.candidates : int(1, shape.candidates);
  const candidates: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const minLot = Math.max(1, Math.round(quantity * frac(shape.minLot)));
    const maxQuantity = Math.max(minLot, Math.round(quantity * frac(shape.maxQuantity)));
    const unitPrice = int(shape.price[0], shape.price[1]);
    const first = int(0, shape.dateSlots - 2);
    let schedule;
    if (r() < 0.5) {
      const units = r() < 0.3 ? int(0, maxQuantity) : int(maxQuantity, 2 * maxQuantity);
      schedule = [{ date: slot(first), units }];
    } else {
      schedule = [];
      let units = 0;
      for (let k = first; k < shape.dateSlots; k++) {
        units += int(0, Math.max(1, Math.round(maxQuantity / 2)));
        if (schedule.length === 0 || units > schedule[schedule.length - 1].units) schedule.push({ date: slot(k), units });
      }
    }
    candidates.push({ key: `c${i}`, contractorId: 100 + i, source: schedule.length === 1 ? "BID" : "QUOTE", unitPrice, minLot, maxQuantity, schedule });
  }
  const order: MatchOrder = {
    quantity,
    neededBy,
    maxUnitPrice: r() < 0.2 ? int(shape.price[0], shape.price[1]) : null,
    maxSharePercent: Math.max(Math.ceil(100 / quantity), int(shape.share[0], shape.share[1])),
    minContractors: Math.min(quantity, int(shape.minContractors[0], shape.minContractors[1])),
    valuePerDay: int(0, shape.price[1]),
    today: TODAY,
  };
  return { order, candidates };
}

const unitsBy = (c: Candidate, date: string) => c.schedule.filter((p) => p.date <= date).reduce((u, p) => Math.max(u, p.units), 0);

/** What candidate `c` may take by `date` under the order's limits (0: not usable). */
export function upperBy(order: MatchOrder, c: Candidate, date: string): number {
  if (order.maxUnitPrice !== null && c.unitPrice > order.maxUnitPrice) return 0;
  const upper = Math.min(c.maxQuantity, Math.floor((order.quantity * order.maxSharePercent) / 100), order.quantity, unitsBy(c, date));
  return upper >= c.minLot ? upper : 0;
}

/** Every date a plan may complete on, ascending. */
export function planDates(instance: Instance): string[] {
  return [...new Set(instance.candidates.flatMap((c) => c.schedule.map((p) => p.date)))].filter((d) => d <= instance.order.neededBy).sort();
}

export interface FrontPoint {
  completionDate: string;
  totalCost: number;
}

/**
 * The Pareto front by enumerating every allocation: each candidate gets 0 or a quantity within
 * its lot range, the units add up, enough contractors; its date is the first schedule date
 * covering its quantity.
 */
export function bruteForceFront(instance: Instance): FrontPoint[] {
  const { order, candidates } = instance;
  const best = new Map<string, number>();
  const cs = candidates.map((c) => ({ c, upper: upperBy(order, c, order.neededBy) }));
  const walk = (i: number, left: number, count: number, cost: number, date: string) => {
    if (i === cs.length) {
      if (left === 0 && count >= order.minContractors && (best.get(date) ?? Infinity) > cost) best.set(date, cost);
      return;
    }
    walk(i + 1, left, count, cost, date);
    const { c, upper } = cs[i];
    for (let q = c.minLot; q <= Math.min(upper, left); q++) {
      const lineDate = c.schedule.find((p) => p.units >= q)!.date;
      walk(i + 1, left - q, count + 1, cost + q * c.unitPrice, lineDate > date ? lineDate : date);
    }
  };
  walk(0, order.quantity, 0, 0, "");
  const front: FrontPoint[] = [];
  for (const [completionDate, totalCost] of [...best].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (front.length === 0 || totalCost < front[front.length - 1].totalCost) front.push({ completionDate, totalCost });
  }
  return front;
}

/**
 * The least cost of a plan completing by `date`, by HiGHS: integer quantities q_i, binary
 * y_i, lot_i y_i <= q_i <= upper_i y_i, sum q = quantity, sum y >= minContractors.
 * Null when infeasible. HiGHS's MIP presolve has returned suboptimal solutions as "Optimal"
 * (ERGO-Code/HiGHS#1725, #3073; here seed 1050 gave 106625 where 105618 is feasible and HiGHS
 * finds it with presolve off): a caller seeing a difference asks again with `presolve` false,
 * which is slower (about 3x on these instances) but has been right every time.
 */
export function highsCheapestBy(highs: Highs, instance: Instance, date: string, presolve = true): number | null {
  return highsPlanBy(highs, instance, date, presolve)?.totalCost ?? null;
}

/** As highsCheapestBy, with the completion date of HiGHS's solution. */
export function highsPlanBy(highs: Highs, instance: Instance, date: string, presolve = true): FrontPoint | null {
  const { order, candidates } = instance;
  const usable = candidates.map((c, i) => ({ c, i, upper: upperBy(order, c, date) })).filter((x) => x.upper > 0);
  if (usable.length === 0) return null;
  const lines = [
    "Minimize",
    ` cost: ${usable.map(({ c, i }) => `${c.unitPrice} q${i}`).join(" + ")}`,
    "Subject To",
    ` total: ${usable.map(({ i }) => `q${i}`).join(" + ")} = ${order.quantity}`,
    ` count: ${usable.map(({ i }) => `y${i}`).join(" + ")} >= ${order.minContractors}`,
    ...usable.flatMap(({ c, i, upper }) => [` lot${i}: q${i} - ${c.minLot} y${i} >= 0`, ` up${i}: q${i} - ${upper} y${i} <= 0`]),
    "Bounds",
    ...usable.map(({ i, upper }) => ` 0 <= q${i} <= ${upper}`),
    "General",
    ` ${usable.map(({ i }) => `q${i}`).join(" ")}`,
    "Binary",
    ` ${usable.map(({ i }) => `y${i}`).join(" ")}`,
    "End",
  ];
  const result = highs.solve(lines.join("\n"), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, presolve: presolve ? "on" : "off" });
  if (result.Status === "Infeasible") return null;
  if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
  let completionDate = "";
  for (const { c, i } of usable) {
    const q = Math.round(result.Columns[`q${i}`]?.Primal ?? 0);
    const lineDate = q > 0 ? c.schedule.find((p) => p.units >= q)!.date : "";
    if (lineDate > completionDate) completionDate = lineDate;
  }
  return { totalCost: Math.round(result.ObjectiveValue), completionDate };
}

/** The Pareto front by HiGHS, by the same epsilon-constraint steps as the engine (the benchmark's reference). */
export function highsFront(highs: Highs, instance: Instance): FrontPoint[] {
  const dates = planDates(instance);
  const front: FrontPoint[] = [];
  let last = dates.length - 1;
  while (last >= 0) {
    const point = highsPlanBy(highs, instance, dates[last]);
    if (!point) break;
    if (front.length > 0 && front[front.length - 1].totalCost === point.totalCost) front.pop();
    front.push(point);
    while (last >= 0 && dates[last] >= point.completionDate) last--;
  }
  return front.reverse();
}

/** The least cost by each date implied by a front: the cheapest point completing by it. */
export function costByDate(front: readonly FrontPoint[], date: string): number | null {
  let cost: number | null = null;
  for (const p of front) if (p.completionDate <= date) cost = p.totalCost;
  return cost;
}

/**
 * The engine's known worst case (issue 13): `n` quotes with rigid lots (minimum lot = maximum
 * lot, all even) and an odd quantity near half their total, so that no exact split exists and
 * a search over sets of offers would try them all. One schedule point each, all in time.
 */
export function rigidLotsInstance(n: number, seed = 13): Instance {
  const r = prng(seed);
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => {
    const lot = 2 * (50 + Math.floor(r() * 50));
    return { key: `offer:${i + 1}`, contractorId: i + 1, source: "QUOTE", unitPrice: 1000 + Math.floor(r() * 500), minLot: lot, maxQuantity: lot, schedule: [{ date: addDays(TODAY, 14), units: lot }] };
  });
  const total = candidates.reduce((sum, c) => sum + c.minLot, 0);
  return {
    order: { quantity: Math.floor(total / 2) | 1, neededBy: addDays(TODAY, 60), maxUnitPrice: null, maxSharePercent: 100, minContractors: 1, valuePerDay: 0, today: TODAY },
    candidates,
  };
}

/**
 * Like `rigidLotsInstance`, but feasible and hard without parity to rule it out: rigid lots of
 * odd and even sizes, and a quantity near half their total that some subsets reach exactly.
 */
export function rigidLotsFeasibleInstance(n: number, seed = 17): Instance {
  const r = prng(seed);
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => {
    const lot = 1000 + Math.floor(r() * 9000);
    return { key: `offer:${i + 1}`, contractorId: i + 1, source: "QUOTE", unitPrice: 1000 + Math.floor(r() * 500), minLot: lot, maxQuantity: lot, schedule: [{ date: addDays(TODAY, 7 + (i % 5) * 7), units: lot }] };
  });
  const total = candidates.reduce((sum, c) => sum + c.minLot, 0);
  return {
    order: { quantity: Math.floor(total / 2), neededBy: addDays(TODAY, 60), maxUnitPrice: null, maxSharePercent: 100, minContractors: 1, valuePerDay: 0, today: TODAY },
    candidates,
  };
}
