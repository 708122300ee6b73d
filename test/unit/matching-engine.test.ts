import { exclusionText, lineReasonText, noPlanText } from "../../src/api/matching-reasons";
import loadHighs, { type Highs } from "highs";
import { DEFAULT_MATCH_BUDGET, match, type Candidate, type MatchOptions, type MatchOrder, type MatchResult, type Plan } from "../../src/matching/engine";
import {
  addDays,
  bruteForceFront,
  costByDate,
  highsCheapestBy,
  MEDIUM,
  planDates,
  randomInstance,
  rigidLotsFeasibleInstance,
  rigidLotsInstance,
  SMALL,
  TODAY,
  upperBy,
  type Instance,
} from "../support/matching";

const order = (over: Partial<MatchOrder> = {}): MatchOrder => ({
  quantity: 100,
  neededBy: addDays(TODAY, 60),
  maxUnitPrice: null,
  maxSharePercent: 100,
  minContractors: 1,
  valuePerDay: 0,
  today: TODAY,
  ...over,
});

/** A bid: one promised date; free capacity allows `units` (default plenty) by then. */
const bid = (contractorId: number, unitPrice: number, over: Partial<Candidate> & { days?: number; units?: number } = {}): Candidate => ({
  key: `bid-${contractorId}`,
  contractorId,
  source: "BID",
  unitPrice,
  minLot: 1,
  maxQuantity: 1000,
  schedule: [{ date: addDays(TODAY, over.days ?? 30), units: over.units ?? 10_000 }],
  ...over,
});

const lines = (plan: Plan) => plan.lines.map((l) => [l.contractorId, l.quantity]);
const summary = (result: MatchResult) => result.plans.map((p) => ({ date: p.completionDate, cost: p.totalCost, lines: lines(p), picks: p.picks }));

/** Every invariant a plan must hold, checked from the instance itself. */
function checkPlan(instance: Instance, plan: Plan) {
  const { order: o, candidates } = instance;
  expect(plan.lines.reduce((s, l) => s + l.quantity, 0)).toBe(o.quantity);
  expect(plan.contractorCount).toBe(plan.lines.length);
  expect(plan.lines.length).toBeGreaterThanOrEqual(o.minContractors);
  expect(new Set(plan.lines.map((l) => l.contractorId)).size).toBe(plan.lines.length);
  expect(plan.completionDate <= o.neededBy).toBe(true);
  for (const line of plan.lines) {
    const c = candidates.find((x) => x.key === line.key)!;
    expect(line.quantity).toBeGreaterThanOrEqual(c.minLot);
    expect(line.quantity).toBeLessThanOrEqual(upperBy(o, c, plan.completionDate));
    expect(line.cost).toBe(line.quantity * c.unitPrice);
    expect(line.completionDate <= plan.completionDate).toBe(true);
    expect(lineReasonText(line.reason)).toMatch(/^(Cheapest|\d+(st|nd|rd|th)-cheapest) eligible price; .+\.$/);
  }
  expect(plan.totalCost).toBe(plan.lines.reduce((s, l) => s + l.cost, 0));
  expect(plan.largestShare).toBe(Math.max(...plan.lines.map((l) => l.quantity)));
}

describe("the matching engine, by hand", () => {
  it("fills the cheapest contractors first, up to the share limit", () => {
    const result = match(order({ maxSharePercent: 40 }), [bid(1, 300), bid(2, 100), bid(3, 200), bid(4, 150)]);
    expect(summary(result)).toEqual([
      { date: addDays(TODAY, 30), cost: 40 * 100 + 40 * 150 + 20 * 200, lines: [[2, 40], [4, 40], [3, 20]], picks: ["BALANCED", "CHEAPEST", "FASTEST"] },
    ]);
    expect(result.plans[0].lines.map((l) => lineReasonText(l.reason))).toEqual([
      "Cheapest eligible price; capped by the 40 % share limit at 40 units.",
      "2nd-cheapest eligible price; capped by the 40 % share limit at 40 units.",
      "3rd-cheapest eligible price; takes the remaining 20 units.",
    ]);
  });

  it("gives a cheaper contractor less when the next one's minimum lot would not fit otherwise", () => {
    // Greedy would give A 90 and leave 10 for B, below B's lot of 20: A 80 + B 20 = 120 beats B alone (200) and C (A 90 + C 10 = 120, equal: A's set ranks first).
    const result = match(order(), [bid(1, 1, { maxQuantity: 90 }), bid(2, 2, { minLot: 20 }), bid(3, 3)]);
    expect(summary(result)).toEqual([{ date: addDays(TODAY, 30), cost: 120, lines: [[1, 80], [2, 20]], picks: ["BALANCED", "CHEAPEST", "FASTEST"] }]);
    expect(lineReasonText(result.plans[0].lines[1].reason)).toBe("2nd-cheapest eligible price; only its minimum lot of 20 units, so that the lots add up to the order's 100 units.");
  });

  it("uses the contractor with the small lot to meet the minimum number of contractors", () => {
    // Three contractors required. C is dearer than B but takes 5; B's lot is 50.
    const result = match(order({ minContractors: 3 }), [bid(1, 10, { maxQuantity: 90 }), bid(2, 11, { minLot: 50 }), bid(3, 12, { minLot: 5 }), bid(4, 13, { minLot: 5 })]);
    // A + C + D: 90 at 10... no: lots C 5, D 5, A takes 90 = 900 + 60 + 65 = 1025; A + B + C: A 45 + B 50 + C 5 = 450 + 550 + 60 = 1060.
    expect(summary(result)[0]).toMatchObject({ cost: 1025, lines: [[1, 90], [3, 5], [4, 5]] });
    expect(lineReasonText(result.plans[0].lines[2].reason)).toBe("4th-cheapest eligible price; only its minimum lot of 5 units, because the order must go to at least 3 contractors.");
  });

  it("returns the trade-off between price and date, and picks by the value of a day", () => {
    const candidates = [bid(1, 100, { days: 50 }), bid(2, 130, { days: 20 }), bid(3, 115, { days: 35 })];
    const result = match(order({ maxSharePercent: 50, minContractors: 2 }), candidates);
    // By day 20 only B (share 50 %): infeasible. By day 35: B 50 + C 50 = 12 250; by day 50: A 50 + C 50 = 10 750.
    // With no value stated for a day, BALANCED is the cheapest plan.
    expect(summary(result)).toEqual([
      { date: addDays(TODAY, 35), cost: 12_250, lines: [[3, 50], [2, 50]], picks: ["FASTEST"] },
      { date: addDays(TODAY, 50), cost: 10_750, lines: [[1, 50], [3, 50]], picks: ["BALANCED", "CHEAPEST"] },
    ]);
    // 15 days earlier for 1 500 more: worth it at 101 a day, not at 99.
    const dear = match(order({ maxSharePercent: 50, minContractors: 2, valuePerDay: 101 }), candidates);
    expect(dear.plans.find((p) => p.picks.includes("BALANCED"))!.completionDate).toBe(addDays(TODAY, 35));
    const cheap = match(order({ maxSharePercent: 50, minContractors: 2, valuePerDay: 99 }), candidates);
    expect(cheap.plans.find((p) => p.picks.includes("BALANCED"))!.completionDate).toBe(addDays(TODAY, 50));
  });

  it("dates a quote's line by the units it takes, so a smaller share can finish earlier", () => {
    const quote: Candidate = {
      key: "offer-1",
      contractorId: 1,
      source: "QUOTE",
      unitPrice: 10,
      minLot: 10,
      maxQuantity: 100,
      schedule: [
        { date: addDays(TODAY, 7), units: 40 },
        { date: addDays(TODAY, 14), units: 80 },
        { date: addDays(TODAY, 21), units: 120 },
      ],
    };
    const result = match(order(), [quote, bid(2, 20, { days: 10 })]);
    expect(summary(result).map(({ date, cost, lines: l }) => ({ date, cost, lines: l }))).toEqual([
      { date: addDays(TODAY, 10), cost: 40 * 10 + 60 * 20, lines: [[1, 40], [2, 60]] },
      { date: addDays(TODAY, 14), cost: 80 * 10 + 20 * 20, lines: [[1, 80], [2, 20]] },
      { date: addDays(TODAY, 21), cost: 1000, lines: [[1, 100]] },
    ]);
    expect(result.plans[0].lines[0]).toMatchObject({ completionDate: addDays(TODAY, 7), reason: { rank: 1, code: "CAPACITY", units: 40, by: addDays(TODAY, 10) } });
    expect(lineReasonText(result.plans[0].lines[0].reason)).toBe(`Cheapest eligible price; capped by its free capacity: 40 units by ${addDays(TODAY, 10)}.`);
  });

  it("leaves out contractors scoring below the order's minimum, and names it when nobody qualifies", () => {
    const scored = (id: number, price: number, score: number) => ({ ...bid(id, price), score });
    const result = match(order({ minScore: 60 }), [scored(1, 100, 59.9), scored(2, 200, 60), scored(3, 300, 80)]);
    expect(result.excluded).toEqual([{ key: "bid-1", contractorId: 1, code: "SCORE_BELOW_MINIMUM", score: 59.9, minScore: 60 }]);
    expect(exclusionText(result.excluded[0])).toBe("Its scorecard score of 59.9 is below the order's minimum of 60.");
    expect(result.plans.every((p) => p.lines.every((l) => l.contractorId !== 1))).toBe(true);
    expect(match(order({ minScore: 90 }), [scored(1, 100, 59.9), scored(2, 200, 60)]).infeasible?.code).toBe("SCORE");
    // Without a minimum the score is not looked at.
    expect(match(order(), [scored(1, 100, 0)]).excluded).toEqual([]);
  });

  it("leaves out candidates it cannot use and says why", () => {
    const o = order({ maxUnitPrice: 500, maxSharePercent: 50 });
    const result = match(o, [
      bid(1, 600),
      bid(2, 100, { minLot: 60 }),
      bid(3, 100, { days: 90 }),
      bid(4, 100, { units: 5, minLot: 10 }),
      bid(5, 100),
      bid(6, 200),
    ]);
    expect(result.excluded.map((e) => [e.contractorId, e.code])).toEqual([
      [1, "PRICE_ABOVE_MAXIMUM"],
      [2, "MIN_LOT_TOO_LARGE"],
      [3, "TOO_LATE"],
      [4, "NO_CAPACITY"],
    ]);
    expect(exclusionText(result.excluded[1])).toBe("Its minimum lot of 60 units is above the share limit of 50 units per contractor.");
    expect(summary(result)[0].lines).toEqual([[5, 50], [6, 50]]);
  });

  it.each<[string, MatchOrder, Candidate[], string, number | null]>([
    ["no candidates", order(), [], "NO_CANDIDATES", null],
    ["every price too high", order({ maxUnitPrice: 50 }), [bid(1, 60), bid(2, 70)], "PRICE", null],
    ["nobody in time", order(), [bid(1, 60, { days: 61 })], "NEEDED_BY", null],
    ["capacity short by needed-by", order({ maxSharePercent: 60 }), [bid(1, 60, { units: 30 }), bid(2, 60, { units: 45 })], "CAPACITY", 25],
    ["the share limit leaves units over", order({ maxSharePercent: 30 }), [bid(1, 60), bid(2, 60), bid(3, 60, { units: 10 })], "SHARE_LIMIT", 30],
    ["too few contractors", order({ minContractors: 3 }), [bid(1, 60), bid(2, 60)], "MIN_CONTRACTORS", null],
    ["lots that cannot add up", order(), [bid(1, 60, { minLot: 40, maxQuantity: 40 }), bid(2, 60, { minLot: 70, maxQuantity: 70 })], "LOT_SIZES", null],
    // Without the 50 % limit, 4 + 2 = 6 would do: the limit binds, not capacity, though the lot of 4 is left out for it.
    ["the share limit leaves out a lot above it", order({ quantity: 6, maxSharePercent: 50 }), [bid(1, 60, { minLot: 4, maxQuantity: 6 }), bid(2, 60, { maxQuantity: 2 })], "SHARE_LIMIT", 4],
    ["the share limit leaves too few contractors", order({ quantity: 6, maxSharePercent: 50, minContractors: 2 }), [bid(1, 60, { minLot: 4, maxQuantity: 6 }), bid(2, 60, { maxQuantity: 3 })], "SHARE_LIMIT", 3],
    ["the share limit leaves out every lot", order({ quantity: 6, maxSharePercent: 50 }), [bid(1, 60, { minLot: 4 }), bid(2, 60, { minLot: 5 })], "SHARE_LIMIT", null],
  ])("explains an order with no plan: %s", (_name, o, candidates, code, unitsShort) => {
    const result = match(o, candidates);
    expect(result.plans).toEqual([]);
    expect(result.infeasible).toMatchObject({ code, unitsShort });
    expect(noPlanText(result.infeasible!.facts).length).toBeGreaterThan(20);
  });

  it("is deterministic: the candidates' order does not change the plans, and ties go to the better rank", () => {
    const candidates = [bid(3, 100), bid(1, 100), bid(2, 100, { days: 20 }), bid(4, 90, { maxQuantity: 10 })];
    const a = match(order({ maxSharePercent: 50 }), candidates);
    const b = match(order({ maxSharePercent: 50 }), [...candidates].reverse());
    expect(a).toEqual(b);
    // Equal price 100: contractor 2 ranks first (earlier date), then 1 (lower id).
    expect(summary(a).at(-1)!.lines).toEqual([[4, 10], [2, 50], [1, 40]]);
  });

  it("refuses malformed input as a programming error", () => {
    expect(() => match(order(), [bid(1, 10), { ...bid(1, 20), key: "other" }])).toThrow(/more than one candidate/);
    expect(() => match(order({ quantity: 0 }), [])).toThrow(RangeError);
    expect(() => match(order(), [bid(1, 10, { schedule: [{ date: "2027-01-02", units: 5 }, { date: "2027-01-01", units: 6 }] })])).toThrow(/ascend/);
  });
});

/** The engine's front as (date, cost) points, each plan's invariants checked on the way. */
function engineFront(instance: Instance, options: MatchOptions = {}) {
  const result = match(instance.order, instance.candidates, options);
  expect(result.complete).toBe(true);
  result.plans.forEach((plan, i) => {
    checkPlan(instance, plan);
    if (i > 0) {
      expect(plan.completionDate > result.plans[i - 1].completionDate).toBe(true);
      expect(plan.totalCost).toBeLessThan(result.plans[i - 1].totalCost);
    }
  });
  expect(result.infeasible === null).toBe(result.plans.length > 0);
  return result.plans.map((p) => ({ completionDate: p.completionDate, totalCost: p.totalCost }));
}

describe("the matching engine against brute force", () => {
  it("finds the exact Pareto front on 600 small random instances (lots, share limits, minimum contractors, ties)", () => {
    let withPlans = 0;
    let greedyWouldFail = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const instance = randomInstance(seed, SMALL);
      const expected = bruteForceFront(instance);
      expect({ seed, front: engineFront(instance) }).toEqual({ seed, front: expected });
      // The same with the reachability table pruning every search from its first step.
      expect({ seed, front: engineFront(instance, { reachAfterSteps: 0 }) }).toEqual({ seed, front: expected });
      if (expected.length > 0) withPlans++;
      if (expected.length > 0 && (instance.order.minContractors > 1 || instance.candidates.some((c) => c.minLot > 1))) greedyWouldFail++;
    }
    // The instances must exercise the hard cases, not only the infeasible or trivial ones.
    expect(withPlans).toBeGreaterThan(150);
    expect(greedyWouldFail).toBeGreaterThan(100);
  });
});

describe("the matching engine against HiGHS", () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it("has the least cost for every date on 100 random instances of up to 30 candidates", () => {
    let compared = 0;
    let feasible = 0;
    for (let seed = 1001; seed <= 1100; seed++) {
      const instance = randomInstance(seed, MEDIUM);
      const front = engineFront(instance);
      expect(engineFront(instance, { reachAfterSteps: 0 })).toEqual(front);
      for (const date of planDates(instance)) {
        const engine = costByDate(front, date);
        let reference = highsCheapestBy(highs, instance, date);
        if (reference !== engine) reference = highsCheapestBy(highs, instance, date, false);
        expect({ seed, date, cost: engine }).toEqual({ seed, date, cost: reference });
        compared++;
        if (engine !== null) feasible++;
      }
    }
    expect(compared).toBeGreaterThan(700);
    expect(feasible).toBeGreaterThan(350);
  });
});

describe("the matching engine's worst case, bounded", () => {
  it.each([28, 32, 60, 200])("settles %d rigid lots that cannot add up with the reachability table, in a small part of the budget", (n) => {
    const { order: o, candidates } = rigidLotsInstance(n);
    const result = match(o, candidates);
    expect(result).toMatchObject({ plans: [], complete: true, infeasible: { code: "LOT_SIZES" } });
    // Work, not time, is asserted: an exponential search over 2^n sets of offers would need billions of steps.
    expect(result.steps).toBeLessThan(DEFAULT_MATCH_BUDGET / 10);
  });

  it("answers TOO_COMPLEX, with no plan, when the budget runs out before any plan is proved", () => {
    // Lots too large for the table (units x items past its limit): only the budget stops the search.
    const { order: o, candidates } = rigidLotsInstance(40);
    const scaled = candidates.map((c) => ({ ...c, minLot: c.minLot * 1001, maxQuantity: c.maxQuantity * 1001, schedule: c.schedule.map((p) => ({ ...p, units: p.units * 1001 })) }));
    const result = match({ ...o, quantity: o.quantity * 1001 }, scaled);
    expect(result.plans).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.infeasible?.code).toBe("TOO_COMPLEX");
    expect(result.steps).toBeGreaterThanOrEqual(DEFAULT_MATCH_BUDGET);
  });

  it("cut short, keeps only plans proved cheapest for their dates and says the front is incomplete", () => {
    let cut = 0;
    for (let seed = 1001; seed <= 1100; seed++) {
      const { order: o, candidates } = randomInstance(seed, MEDIUM);
      const whole = match(o, candidates);
      if (whole.plans.length < 2) continue;
      const partial = match(o, candidates, { budget: Math.floor(whole.steps / 2) });
      if (partial.complete) continue;
      cut++;
      // The latest (cheapest) plans, exactly as in the whole front, and none of the earlier ones.
      const points = (plans: Plan[]) => plans.map((p) => ({ date: p.completionDate, cost: p.totalCost, lines: lines(p) }));
      expect(points(partial.plans)).toEqual(points(whole.plans.slice(whole.plans.length - partial.plans.length)));
      if (partial.plans.length === 0) expect(partial.infeasible?.code).toBe("TOO_COMPLEX");
      else expect(partial.infeasible).toBeNull();
      expect(partial.plans.length).toBeLessThan(whole.plans.length);
    }
    expect(cut).toBeGreaterThan(10);
  });

  it("plans feasible rigid lots exactly: the fronts agree with the reachability table on or off", () => {
    for (const n of [16, 24, 40]) {
      const { order: o, candidates } = rigidLotsFeasibleInstance(n);
      const plain = match(o, candidates);
      expect(plain.complete).toBe(true);
      expect(summary(match(o, candidates, { reachAfterSteps: 0 }))).toEqual(summary(plain));
      expect(plain.plans.length).toBeGreaterThan(0);
    }
  });
});
