import loadHighs, { type Highs } from "highs";
import { weekStart, weeksFrom } from "../../src/capacity/weeks";
import { matchChain, stageSchedule, type ChainOrder, type ChainPlan, type ChainStage, type StageCandidate } from "../../src/matching/chain";
import { bruteForceChainFront, highsChainCheapestBy, MEDIUM_CHAIN, randomChain, SMALL_CHAIN } from "../support/chain";
import { addDays, costByDate, TODAY } from "../support/matching";

const NEEDED_BY = addDays(TODAY, 12 * 7);
const WEEKS = weeksFrom(weekStart(TODAY), weekStart(NEEDED_BY));

/** A contractor with `hours` free every week, `hoursPerUnit` a unit, quoting with a minimum lead of `lead` days. */
const quote = (contractorId: number, unitPrice: number, lead: number, hours = 40, hoursPerUnit = 1, over: Partial<StageCandidate> = {}): StageCandidate => ({
  key: `offer:${contractorId}`,
  contractorId,
  source: "QUOTE",
  unitPrice,
  minLot: 1,
  maxQuantity: 10_000,
  capacity: { leadDays: lead, centihoursPerUnit: hoursPerUnit * 100, weeklyFree: WEEKS.map(() => hours * 100) },
  ...over,
});

const stage = (key: string, feeds: string | null, candidates: StageCandidate[], over: Partial<ChainStage> = {}): ChainStage => ({
  key,
  feeds,
  moveDays: 0,
  quantity: 100,
  maxUnitPrice: null,
  maxSharePercent: 100,
  minContractors: 1,
  candidates,
  ...over,
});

const chainOf = (stages: ChainStage[], over: Partial<ChainOrder> = {}): ChainOrder => ({ stages, neededBy: NEEDED_BY, valuePerDay: 0, today: TODAY, weeks: WEEKS, ...over });

/** Every invariant of a chain plan, checked from the chain itself. */
function checkChainPlan(chain: ChainOrder, plan: ChainPlan) {
  const byKey = new Map(plan.stages.map((s) => [s.stageKey, s]));
  expect(byKey.size).toBe(chain.stages.length);
  const seen = new Set<string>();
  for (const planned of plan.stages) {
    const stage = chain.stages.find((s) => s.key === planned.stageKey)!;
    const inputs = chain.stages.filter((s) => s.feeds === stage.key);
    // Inputs come first, and the stage starts exactly when the last of them arrives.
    for (const input of inputs) expect(seen.has(input.key)).toBe(true);
    seen.add(stage.key);
    const lastArrival = inputs.map((input) => byKey.get(input.key)!.arrivalDate).reduce((a, b) => (a > b ? a : b), stage.notBefore?.date ?? TODAY);
    expect(planned.startDate).toBe(lastArrival);
    expect(planned.start.code).toBe(inputs.length === 0 && !stage.notBefore ? "NO_INPUTS" : "INPUTS_ARRIVE");
    if (planned.start.code === "INPUTS_ARRIVE") expect(planned.start.arrives).toBe(planned.startDate);
    expect(planned.plan.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(stage.quantity);
    expect(planned.plan.lines.length).toBeGreaterThanOrEqual(stage.minContractors);
    for (const line of planned.plan.lines) {
      const c = stage.candidates.find((x) => x.key === line.key)!;
      const schedule = stageSchedule(c, chain.weeks, planned.startDate);
      expect(line.completionDate).toBe(schedule.find((p) => p.units >= line.quantity)!.date);
      expect(line.quantity).toBeGreaterThanOrEqual(c.minLot);
      expect(line.quantity).toBeLessThanOrEqual(Math.min(c.maxQuantity, Math.floor((stage.quantity * stage.maxSharePercent) / 100)));
      expect(line.cost).toBe(line.quantity * c.unitPrice);
      if (stage.maxUnitPrice !== null) expect(c.unitPrice).toBeLessThanOrEqual(stage.maxUnitPrice);
    }
    expect(planned.arrivalDate).toBe(stage.feeds === null ? planned.plan.completionDate : addDays(planned.plan.completionDate, stage.moveDays));
  }
  expect(plan.completionDate <= chain.neededBy).toBe(true);
  expect(plan.totalCost).toBe(plan.stages.reduce((sum, s) => sum + s.plan.totalCost, 0));
}

const frontOf = (chain: ChainOrder) => {
  const result = matchChain(chain);
  for (const plan of result.plans) checkChainPlan(chain, plan);
  expect(result.infeasible === null).toBe(result.plans.length > 0);
  return result.plans.map((p) => ({ completionDate: p.completionDate, totalCost: p.totalCost }));
};

describe("the chain engine, by hand", () => {
  // 100 valve bodies: cast, moved 2 days, machined, moved 1 day, assembled.
  const casting = [quote(1, 5000, 3, 100), quote(2, 4000, 24)];
  const machining = [quote(11, 3000, 7)];
  const assembly = [quote(21, 2000, 5)];
  const valve = () =>
    chainOf(
      [stage("assembly", null, assembly), stage("machining", "assembly", machining, { moveDays: 1 }), stage("casting", "machining", casting, { moveDays: 2 })],
      { valuePerDay: 5000 },
    );

  it("starts each stage when its input arrives, and trades the cheaper slow foundry against the faster one", () => {
    const result = matchChain(valve());
    // An hour a unit; 40 free hours a week (100 for the fast foundry), counted from the Monday of
    // the week a stage starts, units complete at week ends, no sooner than each lead time.
    const summary = result.plans.map((p) => ({ date: p.completionDate, cost: p.totalCost, stages: p.stages.map((s) => [s.stageKey, s.startDate, s.plan.completionDate, s.plan.lines.map((l) => l.contractorId)]) }));
    expect(summary).toEqual([
      {
        date: "2027-01-10",
        cost: 100 * (5000 + 3000 + 2000),
        stages: [
          ["casting", TODAY, "2026-11-29", [1]],
          ["machining", "2026-12-01", "2026-12-20", [11]],
          ["assembly", "2026-12-21", "2027-01-10", [21]],
        ],
      },
      {
        date: "2027-01-24",
        cost: 100 * (4000 + 3000 + 2000),
        stages: [
          ["casting", TODAY, "2026-12-17", [2]],
          ["machining", "2026-12-19", "2027-01-03", [11]],
          ["assembly", "2027-01-04", "2027-01-24", [21]],
        ],
      },
    ]);
    expect(result.plans[0].stages[1].start).toEqual({ code: "INPUTS_ARRIVE", waitsFor: "casting", arrives: "2026-12-01" });
    expect(result.plans[0].criticalPath).toEqual(["casting", "machining", "assembly"]);
    // 14 days earlier are worth 70,000 to the customer; the faster foundry costs 100,000 more.
    expect(result.plans.map((p) => p.picks)).toEqual([["FASTEST"], ["BALANCED", "CHEAPEST"]]);
    for (const plan of result.plans) checkChainPlan(valve(), plan);
  });

  it("waits for the later of two parallel inputs, and names it", () => {
    const chain = chainOf([
      stage("assembly", null, [quote(21, 2000, 3)]),
      stage("body", "assembly", [quote(1, 5000, 30)], { moveDays: 2 }),
      stage("seals", "assembly", [quote(2, 100, 4)], { moveDays: 5 }),
    ]);
    const [plan] = matchChain(chain).plans;
    const assemblyStage = plan.stages.find((s) => s.stageKey === "assembly")!;
    const body = plan.stages.find((s) => s.stageKey === "body")!;
    expect(assemblyStage.startDate).toBe(body.arrivalDate);
    expect(assemblyStage.start).toEqual({ code: "INPUTS_ARRIVE", waitsFor: "body", arrives: body.arrivalDate });
    expect(plan.criticalPath).toEqual(["body", "assembly"]);
    checkChainPlan(chain, plan);
  });

  it("starts no sooner than parts bought outside arrive (notBefore), and names them", () => {
    const forgings = { date: addDays(TODAY, 30), waitsFor: "outside:forgings" };
    const chain = chainOf([
      stage("assembly", null, [quote(21, 2000, 5)], { notBefore: forgings }),
      stage("machining", "assembly", [quote(11, 3000, 7)], { notBefore: { date: addDays(TODAY, 4), waitsFor: "outside:bars" } }),
    ]);
    const [plan] = matchChain(chain).plans;
    checkChainPlan(chain, plan);
    const [machining, assembly] = plan.stages;
    // The bars arrive on day 4: machining starts then, though it has no stage inputs.
    expect(machining).toMatchObject({ stageKey: "machining", startDate: addDays(TODAY, 4), start: { code: "INPUTS_ARRIVE", waitsFor: "outside:bars", arrives: addDays(TODAY, 4) } });
    // Machined parts are ready long before day 30: the forgings set the assembly's start.
    expect(machining.arrivalDate < forgings.date).toBe(true);
    expect(assembly).toMatchObject({ startDate: forgings.date, start: { code: "INPUTS_ARRIVE", waitsFor: "outside:forgings", arrives: forgings.date } });
    expect(plan.criticalPath).toEqual(["assembly"]);
  });

  it("counts a contractor's free hours from the stage's start, not from today", () => {
    // The machinist is free only in the first two weeks: by the time the castings arrive it is booked out.
    const busySoon = quote(11, 1000, 1, 40, 1, { capacity: { leadDays: 1, centihoursPerUnit: 100, weeklyFree: WEEKS.map((_, i) => (i < 2 ? 8000 : 0)) } });
    const later = quote(12, 3000, 7);
    const chain = chainOf([stage("machining", null, [busySoon, later]), stage("casting", "machining", [quote(1, 5000, 20)], { moveDays: 2 })]);
    const result = matchChain(chain);
    expect(result.plans.every((p) => p.stages[1].plan.lines.every((l) => l.contractorId === 12))).toBe(true);
    // Alone (starting today), the machinist would have been the cheapest.
    expect(matchChain(chainOf([stage("machining", null, [busySoon, later])])).plans.at(-1)!.stages[0].plan.lines[0].contractorId).toBe(11);
  });

  it("says which stage has no plan, and why, from the earliest its inputs arrive", () => {
    const chain = chainOf([
      stage("assembly", null, [quote(21, 2000, 5)]),
      stage("machining", "assembly", [quote(11, 3000, 7, 40, 1, { maxQuantity: 40 })], { minContractors: 1 }),
      stage("casting", "machining", [quote(1, 5000, 10)]),
    ]);
    const result = matchChain(chain);
    expect(result.plans).toEqual([]);
    expect(result.infeasible).toMatchObject({ code: "STAGE", stageKey: "machining", startDate: "2026-12-13", infeasible: { code: "CAPACITY" } });
  });

  it("answers TOO_COMPLEX, with no plan, when its budget runs out", () => {
    const result = matchChain(randomChain(7, MEDIUM_CHAIN), { budget: 20 });
    expect(result).toMatchObject({ plans: [], complete: false, infeasible: { code: "TOO_COMPLEX" } });
  });

  it("refuses stages that do not form one tree as a programming error", () => {
    const a = quote(1, 100, 5);
    expect(() => matchChain(chainOf([stage("a", null, [a]), stage("b", null, [a])]))).toThrow(/exactly one final stage/);
    expect(() => matchChain(chainOf([stage("a", null, [a]), stage("b", "c", [a]), stage("c", "b", [a])]))).toThrow(/tree/);
    expect(() => matchChain(chainOf([stage("a", null, [a]), stage("b", "x", [a])]))).toThrow(/unknown stage/);
    expect(() => matchChain(chainOf([stage("a", null, [a]), stage("a", "a", [a])]))).toThrow(/duplicate/);
  });
});

describe("the chain engine against brute force", () => {
  it.each([
    ["straight chains", true],
    ["trees with parallel inputs", false],
  ])("finds the exact front on 300 small random %s", (_, linear) => {
    let withPlans = 0;
    let multiPoint = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const chain = randomChain(seed, SMALL_CHAIN, linear);
      const expected = bruteForceChainFront(chain);
      expect({ seed, front: frontOf(chain) }).toEqual({ seed, front: expected });
      if (expected.length > 0) withPlans++;
      if (expected.length > 1) multiPoint++;
    }
    // The instances must have plans and trade-offs, not only infeasible chains.
    expect(withPlans).toBeGreaterThan(100);
    expect(multiPoint).toBeGreaterThan(30);
  });
});

describe("the chain engine against HiGHS", () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it("has the least cost by every date of its front, and nothing earlier, on 24 random chains of up to 4 stages", () => {
    let compared = 0;
    let feasible = 0;
    for (let seed = 2001; seed <= 2024; seed++) {
      const chain = randomChain(seed, MEDIUM_CHAIN, seed % 2 === 0);
      const front = frontOf(chain);
      const reference = (date: string) => {
        const cost = highsChainCheapestBy(highs, chain, date);
        return cost === costByDate(front, date) ? cost : highsChainCheapestBy(highs, chain, date, false);
      };
      // The front is a step function: its value on each plan's date and the day before fixes it everywhere.
      const dates = front.length === 0 ? [chain.neededBy] : front.flatMap((p) => [addDays(p.completionDate, -1), p.completionDate]);
      for (const date of dates) {
        expect({ seed, date, cost: costByDate(front, date) }).toEqual({ seed, date, cost: reference(date) });
        compared++;
      }
      if (front.length > 0) feasible++;
    }
    expect(compared).toBeGreaterThan(40);
    expect(feasible).toBeGreaterThan(10);
  });
});
