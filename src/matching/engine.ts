import type { SchedulePoint } from "../capacity/free-capacity";
import { daysBetween } from "../shared/time";
/**
 * The matching engine, pure: no database, no GraphQL; plain inputs, plain outputs.
 *
 * It splits an order between candidate contractors and returns the Pareto front of total cost
 * against completion date: for every achievable completion date, the cheapest allocation that
 * completes by it, with plans that another plan beats on both counts removed.
 *
 * Invariants of every plan returned (unit-tested, and checked against brute force and HiGHS):
 * - the lines' quantities add up to the order's quantity exactly;
 * - each line is within its candidate's minimum lot and maximum quantity, within the share
 *   limit (floor(quantity x maxSharePercent / 100) units) and within what the contractor's
 *   free capacity completes by the line's date;
 * - no line is priced above the order's maximum unit price, none completes after needed-by;
 * - at least `minContractors` lines (one candidate per contractor, so lines are contractors);
 * - its total cost is the least of all allocations completing by its date.
 *
 * Money is integer minor units. Candidates whose unit price times the order's quantity exceeds
 * Number.MAX_SAFE_INTEGER are left out (TOO_LARGE), so every sum below is exact in doubles.
 *
 * Ties between allocations of equal cost and date go to the candidates ranked first; the rank is
 * unit price, then the earliest date the candidate can complete anything, then contractor id,
 * then key. Given equal rank order the output does not depend on the input's order.
 */

export type CandidateSource = "BID" | "QUOTE";

export interface Candidate {
  /** Unique, stable key (the caller's id of the bid or offer). */
  key: string;
  /** At most one candidate per contractor: a contractor's share limit then covers its line. */
  contractorId: number;
  source: CandidateSource;
  /** Minor units per unit, a positive safe integer. */
  unitPrice: number;
  minLot: number;
  maxQuantity: number;
  /**
   * Ascending dates with non-decreasing units: by `date` the contractor's free capacity
   * completes `units`. A bid has one point (its promised date); a quote has one per week.
   */
  schedule: readonly SchedulePoint[];
  /** The contractor's scorecard score (0-100, one decimal); needed only when the order sets a minimum. */
  score?: number;
}

export interface MatchOrder {
  quantity: number;
  /** ISO dates (YYYY-MM-DD) compare as strings. */
  neededBy: string;
  /** Minor units; null for no limit. */
  maxUnitPrice: number | null;
  maxSharePercent: number;
  minContractors: number;
  /** The lowest scorecard score accepted; null or absent for any. */
  minScore?: number | null;
  /** What each day earlier is worth to the buyer, minor units; BALANCED minimises cost + this x days. */
  valuePerDay: number;
  /** Days to completion are counted from this date. */
  today: string;
}

export type ExclusionCode = "PRICE_ABOVE_MAXIMUM" | "SCORE_BELOW_MINIMUM" | "TOO_LARGE" | "MIN_LOT_TOO_LARGE" | "TOO_LATE" | "NO_CAPACITY";

/** Why a candidate was left out, with the figures that say it (the API writes the sentence). */
export type ExclusionReason =
  | { code: "PRICE_ABOVE_MAXIMUM" }
  | { code: "SCORE_BELOW_MINIMUM"; score: number; minScore: number }
  | { code: "TOO_LARGE" }
  | { code: "MIN_LOT_TOO_LARGE"; minLot: number; limit: number; byShareLimit: boolean }
  | { code: "TOO_LATE"; firstCompletion: string | null; neededBy: string }
  | { code: "NO_CAPACITY"; neededBy: string; units: number; minLot: number };

/** A candidate the engine left out before matching, and why. */
export type Exclusion = { key: string; contractorId: number } & ExclusionReason;

/** Why a line of a plan got its share, with its figures: its price rank among the eligible, and what set the quantity. */
export type LineReason = { rank: number } & (
  | { code: "SHARE_LIMIT"; units: number; maxSharePercent: number }
  | { code: "CAPACITY"; units: number; by: string }
  | { code: "WHOLE_ORDER" }
  | { code: "MAX_QUANTITY"; units: number }
  | { code: "MIN_LOT_FOR_CONTRACTORS"; units: number; minContractors: number }
  | { code: "MIN_LOT_TO_ADD_UP"; units: number; orderQuantity: number }
  | { code: "REMAINDER"; units: number }
);

export interface PlanLine {
  key: string;
  contractorId: number;
  source: CandidateSource;
  quantity: number;
  unitPrice: number;
  cost: number;
  completionDate: string;
  /** Why this contractor got this share. */
  reason: LineReason;
}

export type PlanPick = "CHEAPEST" | "FASTEST" | "BALANCED";

export interface Plan {
  /** In rank order (see the module comment). */
  lines: PlanLine[];
  totalCost: number;
  completionDate: string;
  daysToCompletion: number;
  contractorCount: number;
  /** The largest line, in units. */
  largestShare: number;
  picks: PlanPick[];
}

export type InfeasibleCode = "NO_CANDIDATES" | "PRICE" | "SCORE" | "NEEDED_BY" | "CAPACITY" | "SHARE_LIMIT" | "MIN_CONTRACTORS" | "LOT_SIZES" | "TOO_COMPLEX";

/** The figures behind an infeasibility, by what was found (the API writes the sentence). */
export type InfeasibilityFacts =
  | { kind: "NO_CANDIDATES" }
  | { kind: "NONE_ELIGIBLE"; excluded: number; mostOften: Exclusion }
  | { kind: "SHARE_LIMIT"; shareCap: number; maxSharePercent: number; contractors: number; available: number; quantity: number; leftOut: number }
  | { kind: "MIN_CONTRACTORS"; contractors: number; neededBy: string; minContractors: number }
  | { kind: "CAPACITY"; neededBy: string; available: number; quantity: number }
  | { kind: "LOT_SIZES"; quantity: number; minContractors: number }
  | { kind: "TOO_COMPLEX"; eligible: number };

/** Why no plan exists: the constraint that binds, its figures, and for capacity the units short by needed-by. */
export interface Infeasibility {
  code: InfeasibleCode;
  facts: InfeasibilityFacts;
  unitsShort: number | null;
}

export interface MatchResult {
  /**
   * The Pareto front, earliest completion first (so most expensive first). Each plan is the
   * cheapest completing by its date, proved; when `complete` is false the search ran out of
   * its work budget, and plans completing earlier than the first one shown may exist.
   */
  plans: Plan[];
  /** Whether the front is the whole front (false: the work budget ran out; see `plans`). */
  complete: boolean;
  /** Search steps used, of the budget (for benchmarks and logs). */
  steps: number;
  excluded: Exclusion[];
  /** Null when there is at least one plan. */
  infeasible: Infeasibility | null;
}

/** A candidate that passed the filters, with its fixed caps. */
interface Eligible {
  candidate: Candidate;
  /** min(maxQuantity, share limit): what it may take whatever the date. */
  cap: number;
  rank: number;
}

/** An eligible candidate available by a date, with its upper bound by then. */
interface Item {
  eligible: Eligible;
  upper: number;
}

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * The work one `match` may do: search steps (each node of the branch and bound and each item
 * it tries next, and reachability table cells at 1/64 of a step). The engine takes tens of
 * millions of steps a second here, so a hopeless search ends in about 40-70 ms (npm run
 * bench:worst); marketplace-shaped orders of 1,000 candidates use under 1 % of it (npm run
 * bench:matching).
 */
export const DEFAULT_MATCH_BUDGET = 1_500_000;

/** Largest reachability table (items x units) built for one search. */
const MAX_REACH_CELLS = 4_000_000;
/** Steps a search takes before it builds the reachability table and starts again with it. */
const REACH_AFTER_STEPS = 20_000;

export interface MatchOptions {
  /** Search steps allowed; past them the front found so far is returned with `complete: false`. */
  budget?: number;
  /** Steps a search takes before it builds its reachability table (tests set 0 to use it always). */
  reachAfterSteps?: number;
}

/** The steps left to one `match`, shared by its searches. */
interface Budget {
  left: number;
  reachAfterSteps: number;
}

/** Units the candidate completes by `date` (0 before its first schedule point). */
function unitsBy(candidate: Candidate, date: string): number {
  const s = candidate.schedule;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : s[lo - 1].units;
}

/** The first date by which the candidate completes `quantity` units. */
function dateFor(candidate: Candidate, quantity: number): string {
  const point = candidate.schedule.find((p) => p.units >= quantity);
  if (!point) throw new Error(`candidate ${candidate.key} cannot complete ${quantity} units`);
  return point.date;
}

function checkInput(order: MatchOrder, candidates: readonly Candidate[]): void {
  const positive = (n: number) => Number.isSafeInteger(n) && n >= 1;
  if (!positive(order.quantity) || !positive(order.minContractors) || !positive(order.maxSharePercent) || order.maxSharePercent > 100) {
    throw new RangeError("order quantity, minContractors and maxSharePercent (1-100) must be positive integers");
  }
  if (!Number.isSafeInteger(order.valuePerDay) || order.valuePerDay < 0) throw new RangeError("valuePerDay must be a non-negative integer");
  const contractors = new Set<number>();
  const keys = new Set<string>();
  for (const c of candidates) {
    if (contractors.has(c.contractorId)) throw new RangeError(`contractor ${c.contractorId} has more than one candidate`);
    if (keys.has(c.key)) throw new RangeError(`duplicate candidate key ${c.key}`);
    contractors.add(c.contractorId);
    keys.add(c.key);
    if (!positive(c.unitPrice) || !positive(c.minLot) || c.maxQuantity < c.minLot || !Number.isSafeInteger(c.maxQuantity)) {
      throw new RangeError(`candidate ${c.key}: price and lots must be positive integers, maxQuantity >= minLot`);
    }
    for (let i = 0; i < c.schedule.length; i++) {
      const p = c.schedule[i];
      if (!Number.isSafeInteger(p.units) || p.units < 0) throw new RangeError(`candidate ${c.key}: schedule units must be non-negative integers`);
      if (i > 0 && (p.date <= c.schedule[i - 1].date || p.units < c.schedule[i - 1].units)) {
        throw new RangeError(`candidate ${c.key}: schedule dates must ascend and units must not fall`);
      }
    }
  }
}

/** Filters the candidates; what remains is sorted by rank. */
function eligibleCandidates(order: MatchOrder, candidates: readonly Candidate[], shareCap: number) {
  const excluded: Exclusion[] = [];
  const kept: Omit<Eligible, "rank">[] = [];
  const exclude = (c: Candidate, reason: ExclusionReason) => excluded.push({ key: c.key, contractorId: c.contractorId, ...reason });
  for (const c of candidates) {
    const cap = Math.min(c.maxQuantity, shareCap, order.quantity);
    if (order.maxUnitPrice !== null && c.unitPrice > order.maxUnitPrice) exclude(c, { code: "PRICE_ABOVE_MAXIMUM" });
    else if (order.minScore != null && (c.score ?? 0) < order.minScore) exclude(c, { code: "SCORE_BELOW_MINIMUM", score: c.score ?? 0, minScore: order.minScore });
    else if (c.unitPrice * order.quantity > MAX_EXACT) exclude(c, { code: "TOO_LARGE" });
    else if (c.minLot > cap) {
      const byShareLimit = cap === shareCap && shareCap < c.maxQuantity;
      exclude(c, { code: "MIN_LOT_TOO_LARGE", minLot: c.minLot, limit: byShareLimit ? shareCap : Math.min(c.maxQuantity, order.quantity), byShareLimit });
    } else if (c.schedule.length === 0 || c.schedule[0].date > order.neededBy) {
      exclude(c, { code: "TOO_LATE", firstCompletion: c.schedule[0]?.date ?? null, neededBy: order.neededBy });
    } else if (unitsBy(c, order.neededBy) < c.minLot) {
      exclude(c, { code: "NO_CAPACITY", neededBy: order.neededBy, units: unitsBy(c, order.neededBy), minLot: c.minLot });
    } else kept.push({ candidate: c, cap });
  }
  kept.sort(
    (a, b) =>
      a.candidate.unitPrice - b.candidate.unitPrice ||
      a.candidate.schedule[0].date.localeCompare(b.candidate.schedule[0].date) ||
      a.candidate.contractorId - b.candidate.contractorId ||
      (a.candidate.key < b.candidate.key ? -1 : 1),
  );
  return { eligible: kept.map((e, rank) => ({ ...e, rank })), excluded };
}

/** The eligible candidates that can take at least their minimum lot by `date`, in rank order. */
function itemsBy(eligible: readonly Eligible[], date: string): Item[] {
  const items: Item[] = [];
  for (const e of eligible) {
    const upper = Math.min(e.cap, unitsBy(e.candidate, date));
    if (upper >= e.candidate.minLot) items.push({ eligible: e, upper });
  }
  return items;
}

interface Reachable {
  any(from: number, a: number, b: number): boolean;
}

/** What a search uses when its table would be too large: every sum may be reachable. */
const NO_TABLE: Reachable = { any: () => true };

/**
 * Which sums of units the items from..n-1 reach, each adding nothing or from its lot to its
 * upper, counted up to `quantity`: `any(from, a, b)` says whether one lies in [a, b]. Null when
 * the table would pass MAX_REACH_CELLS or the budget (its cells count at 1/64 of a step).
 */
function reachableSums(lot: Float64Array, upper: Float64Array, quantity: number, budget: Budget): Reachable | null {
  const n = lot.length;
  const width = quantity + 1;
  const cells = (n + 1) * width;
  if (cells > MAX_REACH_CELLS || cells / 64 > budget.left) return null;
  budget.left -= Math.ceil(cells / 64);
  // counts[j * (width + 1) + s]: how many sums below s the items j..n-1 reach (a prefix count per suffix).
  const counts = new Int32Array((n + 1) * (width + 1));
  const row = new Uint8Array(width);
  const next = new Uint8Array(width);
  row[0] = 1;
  const store = (j: number, reached: Uint8Array) => {
    const base = j * (width + 1);
    for (let s = 0; s < width; s++) counts[base + s + 1] = counts[base + s] + reached[s];
  };
  store(n, row);
  for (let j = n - 1; j >= 0; j--) {
    // next = row OR (row shifted by any amount from lot to upper): a sliding window over row.
    const lo = lot[j];
    const hi = Math.min(upper[j], quantity);
    let window = 0;
    for (let s = 0; s < width; s++) {
      if (s - lo >= 0) window += row[s - lo];
      if (s - hi - 1 >= 0) window -= row[s - hi - 1];
      next[s] = row[s] | (window > 0 ? 1 : 0);
    }
    row.set(next);
    store(j, row);
  }
  return {
    any(from, a, b) {
      if (a > b || a > quantity) return false;
      const base = from * (width + 1);
      return counts[base + Math.min(b, quantity) + 1] - counts[base + a] > 0;
    },
  };
}

/**
 * The cheapest allocation of `quantity` units between `items` (in rank order, so by unit
 * price) with each used item within [minLot, upper] and at least `minCount` items used; null
 * when none exists. Exact, by depth-first branch and bound over the set of items used:
 *
 * - for a fixed set, the cheapest allocation gives every item its minimum lot and then fills
 *   the rest by price (a linear programme with one equality: greedy is optimal and integral);
 * - a set whose lots and uppers cover the quantity is not improved by adding items (they cost
 *   at least as much per unit as every item in it), so the search stops there once it has
 *   enough items;
 * - a partial set is pruned when its relaxation (minimum lots of items not yet used dropped,
 *   filled by price) costs at least the best allocation found; costs are integers, so ties prune.
 * - a partial set is pruned when no quantity the remaining items can add (each nothing, or
 *   from its lot to its upper) brings the total within the set's range: a table of the sums
 *   each suffix of the items reaches, built when the search passes REACH_AFTER_STEPS and the
 *   table is small (items x units up to 4 million).
 *   This settles rigid lots (minimum = maximum) that cannot add up, the subset-sum worst case,
 *   in one look.
 * The problem is NP-hard in general, so the search is also bounded by `budget`: it returns
 * "EXHAUSTED" when the budget runs out before the best allocation is proved. On marketplace-
 * shaped instances the bounds prune almost everything (npm run bench:matching).
 */
function cheapestAllocation(items: readonly Item[], quantity: number, minCount: number, budget: Budget): number[] | null | "EXHAUSTED" {
  const n = items.length;
  if (n < minCount) return null;
  const price = new Float64Array(n);
  const lot = new Float64Array(n);
  const upper = new Float64Array(n);
  const prefixUnits = new Float64Array(n + 1);
  const prefixCost = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    price[i] = items[i].eligible.candidate.unitPrice;
    lot[i] = items[i].eligible.candidate.minLot;
    upper[i] = items[i].upper;
    prefixUnits[i + 1] = prefixUnits[i] + upper[i];
    prefixCost[i + 1] = prefixCost[i] + price[i] * upper[i];
  }
  // Prefix sums of costs are exact while they stay within 2^53; past that, fills walk the items.
  const exactPrefix = prefixCost[n] <= MAX_EXACT;

  /** Least cost of `units` from items from..n-1 with lots ignored; Infinity when they hold fewer. */
  const fillFrom = (from: number, units: number): number => {
    if (prefixUnits[n] - prefixUnits[from] < units) return Infinity;
    if (units <= 0) return 0;
    if (exactPrefix) {
      let lo = from + 1;
      let hi = n;
      const target = prefixUnits[from] + units;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (prefixUnits[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      return prefixCost[lo - 1] - prefixCost[from] + price[lo - 1] * (target - prefixUnits[lo - 1]);
    }
    let cost = 0;
    let left = units;
    for (let i = from; left > 0; i++) {
      const take = Math.min(left, upper[i]);
      cost += take * price[i];
      left -= take;
    }
    return cost;
  };

  // Most searches end in a few hundred steps: the reachability table is built only for one
  // that takes longer, which then starts again with it (keeping the best allocation found).
  let reach: Reachable | null = null;
  const reachFrom = budget.left - budget.reachAfterSteps;

  const used = new Int32Array(n);
  let best = Infinity;
  let bestSet: Int32Array | null = null;
  let exhausted = false;
  let interrupted = false;

  /** Cost of the used set: lots, then `rest` units over the used items' room, by price. */
  const usedCost = (count: number, lotCost: number, rest: number): number => {
    let cost = lotCost;
    for (let k = 0; k < count && rest > 0; k++) {
      const i = used[k];
      const take = Math.min(rest, upper[i] - lot[i]);
      cost += take * price[i];
      rest -= take;
    }
    return cost;
  };

  const search = (from: number, count: number, lotUnits: number, room: number, fullCost: number, lotCost: number): void => {
    if (exhausted || interrupted) return;
    if (--budget.left < 0) {
      exhausted = true;
      return;
    }
    if (reach === null && budget.left < reachFrom) {
      interrupted = true;
      return;
    }
    const rest = quantity - lotUnits;
    // The remaining items must add from rest - room to rest units: none of their sums does.
    if (reach !== null && !reach.any(from, Math.max(0, rest - room), rest)) return;
    const covered = rest <= room;
    if (covered) {
      const cost = usedCost(count, lotCost, rest);
      if (cost >= best) return;
      if (count >= minCount) {
        best = cost;
        bestSet = used.slice(0, count);
        return;
      }
    }
    if (count + (n - from) < minCount) return;
    for (let j = from; j < n; j++) {
      if (--budget.left < 0) {
        exhausted = true;
        return;
      }
      if (count + (n - j) < minCount) return;
      // Using j (and skipping from..j-1) costs at least this; it only grows with j.
      if (!covered && fullCost + fillFrom(j, rest - room) >= best) return;
      if (lotUnits + lot[j] > quantity) continue;
      used[count] = j;
      search(j + 1, count + 1, lotUnits + lot[j], room + upper[j] - lot[j], fullCost + price[j] * upper[j], lotCost + price[j] * lot[j]);
    }
  };
  search(0, 0, 0, 0, 0, 0);
  if (interrupted && !exhausted) {
    interrupted = false;
    reach = reachableSums(lot, upper, quantity, budget);
    if (reach === null) reach = NO_TABLE;
    search(0, 0, 0, 0, 0, 0);
  }
  if (exhausted) return "EXHAUSTED";
  if (bestSet === null) return null;
  const chosen: Int32Array = bestSet;
  const quantities = new Array<number>(n).fill(0);
  let rest = quantity;
  for (const i of chosen) {
    quantities[i] = lot[i];
    rest -= lot[i];
  }
  for (const i of chosen) {
    const take = Math.min(rest, upper[i] - lot[i]);
    quantities[i] += take;
    rest -= take;
  }
  return quantities;
}

/** Each line's reason: its price rank, then what capped it or why it got what it got. */
function lineReason(item: Item, quantity: number, rank: number, partialRank: number | null, count: number, order: MatchOrder, shareCap: number, date: string): LineReason {
  const c = item.eligible.candidate;
  if (quantity === item.upper) {
    const byCapacity = unitsBy(c, date);
    if (item.upper === shareCap && shareCap < order.quantity) return { rank, code: "SHARE_LIMIT", units: shareCap, maxSharePercent: order.maxSharePercent };
    if (item.upper === byCapacity && byCapacity < Math.min(c.maxQuantity, order.quantity)) return { rank, code: "CAPACITY", units: byCapacity, by: date };
    if (item.upper === order.quantity) return { rank, code: "WHOLE_ORDER" };
    return { rank, code: "MAX_QUANTITY", units: c.maxQuantity };
  }
  if (quantity === c.minLot && (partialRank === null || rank > partialRank)) {
    return count === order.minContractors && order.minContractors > 1
      ? { rank, code: "MIN_LOT_FOR_CONTRACTORS", units: c.minLot, minContractors: order.minContractors }
      : { rank, code: "MIN_LOT_TO_ADD_UP", units: c.minLot, orderQuantity: order.quantity };
  }
  return { rank, code: "REMAINDER", units: quantity };
}

function toPlan(items: readonly Item[], quantities: readonly number[], order: MatchOrder, shareCap: number): Plan {
  const usedIdx = items.map((_, i) => i).filter((i) => quantities[i] > 0);
  // The partial line: the one used item strictly between its lot and its upper, if any.
  const partial = usedIdx.find((i) => quantities[i] > items[i].eligible.candidate.minLot && quantities[i] < items[i].upper);
  const dates = usedIdx.map((i) => dateFor(items[i].eligible.candidate, quantities[i]));
  const completionDate = dates.reduce((a, b) => (a > b ? a : b));
  const lines = usedIdx.map((i, k): PlanLine => {
    const c = items[i].eligible.candidate;
    return {
      key: c.key,
      contractorId: c.contractorId,
      source: c.source,
      quantity: quantities[i],
      unitPrice: c.unitPrice,
      cost: quantities[i] * c.unitPrice,
      completionDate: dates[k],
      reason: lineReason(items[i], quantities[i], items[i].eligible.rank + 1, partial === undefined ? null : items[partial].eligible.rank + 1, usedIdx.length, order, shareCap, completionDate),
    };
  });
  return {
    lines,
    totalCost: lines.reduce((sum, l) => sum + l.cost, 0),
    completionDate,
    daysToCompletion: daysBetween(order.today, completionDate),
    contractorCount: lines.length,
    largestShare: Math.max(...lines.map((l) => l.quantity)),
    picks: [],
  };
}

/** The cheapest plan completing by `date`, null when none does, "EXHAUSTED" when the budget ran out first. */
function cheapestBy(eligible: readonly Eligible[], date: string, order: MatchOrder, shareCap: number, budget: Budget): Plan | null | "EXHAUSTED" {
  const items = itemsBy(eligible, date);
  const quantities = cheapestAllocation(items, order.quantity, order.minContractors, budget);
  if (quantities === "EXHAUSTED" || quantities === null) return quantities;
  return toPlan(items, quantities, order, shareCap);
}

function explain(order: MatchOrder, candidates: readonly Candidate[], eligible: readonly Eligible[], excluded: readonly Exclusion[], shareCap: number): Infeasibility {
  if (candidates.length === 0) return { code: "NO_CANDIDATES", facts: { kind: "NO_CANDIDATES" }, unitsShort: null };
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  // Left out for a minimum lot above the share limit, though within what they could otherwise take.
  const excludedByShareLimit = new Set(
    excluded.filter((e) => e.code === "MIN_LOT_TOO_LARGE" && byKey.get(e.key)!.minLot <= Math.min(byKey.get(e.key)!.maxQuantity, order.quantity)).map((e) => e.key),
  );
  if (eligible.length === 0) {
    const counts = new Map<ExclusionCode, number>();
    for (const e of excluded) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
    const [top] = [...counts].sort((a, b) => b[1] - a[1]);
    const lotsAboveShare = top[0] === "MIN_LOT_TOO_LARGE" && excluded.every((e) => e.code !== "MIN_LOT_TOO_LARGE" || excludedByShareLimit.has(e.key));
    const code: InfeasibleCode =
      top[0] === "PRICE_ABOVE_MAXIMUM" ? "PRICE"
      : top[0] === "SCORE_BELOW_MINIMUM" ? "SCORE"
      : top[0] === "TOO_LATE" ? "NEEDED_BY"
      : top[0] === "NO_CAPACITY" ? "CAPACITY"
      : lotsAboveShare ? "SHARE_LIMIT"
      : "LOT_SIZES";
    return {
      code,
      facts: { kind: "NONE_ELIGIBLE", excluded: excluded.length, mostOften: excluded.find((e) => e.code === top[0])! },
      unitsShort: code === "CAPACITY" ? order.quantity : null,
    };
  }
  const items = itemsBy(eligible, order.neededBy);
  const available = items.reduce((sum, item) => sum + item.upper, 0);
  // Without the share limit: the items uncapped, and the candidates it alone left out (a minimum lot above it).
  const uncapped = (c: Candidate) => Math.min(c.maxQuantity, order.quantity, unitsBy(c, order.neededBy));
  const byShare = candidates.filter((c) => excludedByShareLimit.has(c.key) && uncapped(c) >= c.minLot);
  const withoutShareLimit = [...items.map((item) => item.eligible.candidate), ...byShare].reduce((sum, c) => sum + uncapped(c), 0);
  const shortOf = items.length < order.minContractors || available < order.quantity;
  if (shortOf && withoutShareLimit >= order.quantity && items.length + byShare.length >= order.minContractors) {
    return {
      code: "SHARE_LIMIT",
      facts: { kind: "SHARE_LIMIT", shareCap, maxSharePercent: order.maxSharePercent, contractors: items.length, available, quantity: order.quantity, leftOut: byShare.length },
      unitsShort: Math.max(0, order.quantity - available),
    };
  }
  if (items.length < order.minContractors) {
    return {
      code: "MIN_CONTRACTORS",
      facts: { kind: "MIN_CONTRACTORS", contractors: items.length, neededBy: order.neededBy, minContractors: order.minContractors },
      unitsShort: null,
    };
  }
  if (available < order.quantity) {
    return {
      code: "CAPACITY",
      facts: { kind: "CAPACITY", neededBy: order.neededBy, available, quantity: order.quantity },
      unitsShort: order.quantity - available,
    };
  }
  return {
    code: "LOT_SIZES",
    facts: { kind: "LOT_SIZES", quantity: order.quantity, minContractors: order.minContractors },
    unitsShort: null,
  };
}

/** Marks CHEAPEST (latest plan), FASTEST (earliest) and BALANCED (least cost + valuePerDay x days; ties: earlier) on a front, earliest first. */
export function pick(plans: readonly Pick<Plan, "totalCost" | "daysToCompletion" | "picks">[], valuePerDay: number): void {
  if (plans.length === 0) return;
  plans[0].picks.push("FASTEST");
  plans[plans.length - 1].picks.push("CHEAPEST");
  const score = (p: (typeof plans)[number]) => BigInt(p.totalCost) + BigInt(valuePerDay) * BigInt(p.daysToCompletion);
  let balanced = plans[0];
  for (const plan of plans) if (score(plan) < score(balanced)) balanced = plan;
  balanced.picks.push("BALANCED");
  for (const plan of plans) plan.picks.sort();
}

/**
 * The Pareto front by the epsilon-constraint method: the cheapest plan by the latest date,
 * then the cheapest by the last date before that plan's completion, and so on until none is
 * feasible. A plan that costs the same as the next (earlier) one is dominated and dropped.
 * One exact search per plan on the front (plus one per such tie and a last, infeasible one).
 *
 * All searches share one work budget (`options.budget`, default DEFAULT_MATCH_BUDGET). When it
 * runs out, the plans proved so far (the cheapest, latest ones) are returned with `complete:
 * false`; when it runs out before any plan, `infeasible` is TOO_COMPLEX. Never a plan that is
 * not proved cheapest for its date.
 */
export function match(order: MatchOrder, candidates: readonly Candidate[], options: MatchOptions = {}): MatchResult {
  checkInput(order, candidates);
  const allowed = options.budget ?? DEFAULT_MATCH_BUDGET;
  const budget: Budget = { left: allowed, reachAfterSteps: options.reachAfterSteps ?? REACH_AFTER_STEPS };
  const shareCap = Math.floor((order.quantity * order.maxSharePercent) / 100);
  const { eligible, excluded } = eligibleCandidates(order, candidates, shareCap);
  const dates = [...new Set(eligible.flatMap((e) => e.candidate.schedule.map((p) => p.date)).filter((d) => d <= order.neededBy))].sort();
  const front: Plan[] = [];
  let complete = true;
  let last = dates.length - 1;
  while (last >= 0) {
    const plan = cheapestBy(eligible, dates[last], order, shareCap, budget);
    if (plan === "EXHAUSTED") {
      complete = false;
      break;
    }
    if (!plan) break;
    if (front.length > 0 && front[front.length - 1].totalCost === plan.totalCost) front.pop();
    front.push(plan);
    while (last >= 0 && dates[last] >= plan.completionDate) last--;
  }
  front.reverse();
  pick(front, order.valuePerDay);
  if (front.length === 0 && !complete) {
    return {
      plans: [],
      complete,
      steps: allowed - Math.max(0, budget.left),
      excluded,
      infeasible: {
        code: "TOO_COMPLEX",
        facts: { kind: "TOO_COMPLEX", eligible: eligible.length },
        unitsShort: null,
      },
    };
  }
  return { plans: front, complete, steps: allowed - Math.max(0, budget.left), excluded, infeasible: front.length === 0 ? explain(order, candidates, eligible, excluded, shareCap) : null };
}
