import { ADD_CAPABILITY, ADD_ENGINEER, DECLARE_OFFER, createPark, refusedWith, registerCompany, type RegisteredCompany } from "../support/fixtures";
import { ACCEPT_DELIVERY, AWARD, DAY, POST_ORDER, RECORD_DELIVERY, START, SUBMIT_BID, dateIn, instantIn } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";
import { weekStart } from "../../src/capacity/weeks";

/**
 * A small park whose figures are computed by hand below. Delta Works (10 employees; Anna, a
 * system engineer, 40 h; Boris 40 h and Vera 20 h, engineers) wins two contracts on day 0:
 *   A: 1000 units at 50 000.00, 0.1 h a unit = 100 h, booked in the first week on
 *      Anna 40 h, Boris 40 h, Vera 20 h; value 50 000 000.00 (5e9 kopecks, above 2^31).
 *   B: 150 units at 1 234.57, 0.3 h a unit = 45 h; the first week is full, so the second week:
 *      Anna 40 h, Boris 5 h; value 185 185.50.
 * A is delivered and accepted on day 0; B on day 8.
 */
let server: TestServer;
let coordinator: string;
let investor: string;
let delta: RegisteredCompany;
let echo: RegisteredCompany;
let startup: RegisteredCompany;
let capabilityId: string;

async function gqlOk(query: string, input: Record<string, unknown>, token: string) {
  const res = await server.gql(query, { input }, token);
  const payload: any = Object.values(res.data ?? {})[0];
  expect(res.errors ?? payload.userErrors).toEqual([]);
  return payload;
}

const orderTerms = () => ({
  title: "An order",
  capabilityId,
  quantity: 100,
  neededBy: dateIn(server, 90),
  biddingClosesAt: instantIn(server, 14 * DAY),
});

/** Posts an order, Delta bids for all of it, the startup awards it: the contract's id. */
async function contractFor(quantity: number, unitPrice: string, engineerHoursPerUnit: number): Promise<string> {
  const order = await gqlOk(
    POST_ORDER,
    {
      title: `Order of ${quantity}`,
      capabilityId,
      quantity,
      neededBy: dateIn(server, 90),
      maxUnitPrice: { amount: "60000.00" },
      biddingClosesAt: instantIn(server, 14 * DAY),
      sourcingPolicy: { maxSharePercent: 100, minContractors: 1 },
    },
    startup.token,
  );
  const orderId = order.order.id;
  const bid = await gqlOk(
    SUBMIT_BID,
    { orderId, unitPrice: { amount: unitPrice }, minLot: 1, maxQuantity: quantity, engineerHoursPerUnit, leadTimeDays: 30, validUntil: instantIn(server, 30 * DAY) },
    delta.token,
  );
  const award = await gqlOk(AWARD, { orderId, allocations: [{ bidId: bid.bid.id, quantity }] }, startup.token);
  return award.contracts[0].id;
}

async function deliverAll(contractId: string, quantity: number): Promise<void> {
  await gqlOk(START, { contractId }, delta.token);
  const delivery = await gqlOk(RECORD_DELIVERY, { contractId, quantity }, delta.token);
  await gqlOk(ACCEPT_DELIVERY, { deliveryId: delivery.delivery.id }, startup.token);
}

let day0: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = await server.token("COORDINATOR");
  investor = await server.token("INVESTOR");
  const parkId = await createPark(server, coordinator, "Report Park");
  capabilityId = (await gqlOk(ADD_CAPABILITY, { name: "Precision machining" }, coordinator)).capability.id;
  delta = await registerCompany(server, parkId, "Delta Works", "CONTRACT", 10);
  echo = await registerCompany(server, parkId, "Echo Plant", "CONTRACT", 4);
  startup = await registerCompany(server, parkId, "Lumen Startup", "PRODUCT", 6);
  // The park's median offer is 60 000.00: Delta's price level is 1, Echo's 60 000 / 80 000 = 0.75.
  for (const [contractor, price] of [[delta, "40000.00"], [echo, "80000.00"]] as const) {
    await gqlOk(DECLARE_OFFER, { capabilityId, unitPrice: { amount: price }, engineerHoursPerUnit: 0.1, minLeadDays: 5, minLot: 1, maxLot: 100000 }, contractor.token);
  }
  for (const [name, role, weeklyHours] of [["Anna Sokolova", "SYSTEM_ENGINEER", 40], ["Boris Ivanov", "ENGINEER", 40], ["Vera Orlova", "ENGINEER", 20]] as const) {
    await gqlOk(ADD_ENGINEER, { name, role, weeklyHours }, delta.token);
  }
  day0 = dateIn(server, 0);
  const a = await contractFor(1000, "50000.00", 0.1);
  const b = await contractFor(150, "1234.57", 0.3);
  await deliverAll(a, 1000);
  server.advance(8 * DAY);
  await deliverAll(b, 150);
});
afterAll(() => server.close());

const REVENUE = `query($companyId: ID, $from: LocalDate!, $to: LocalDate!) {
  revenueReport(companyId: $companyId, from: $from, to: $to) {
    company { name }
    period { from to days }
    previousPeriod { from to days }
    employees engineers systemEngineers
    inPeriod { revenue { amount } perEmployee { amount } perEngineer { amount } perSystemEngineer { amount } }
    annualised { revenue { amount } perEmployee { amount } perEngineer { amount } perSystemEngineer { amount } }
    previousRevenue { amount }
    revenueGrowthPercent
    contractsWon { count value { amount minorUnits } }
    previousContractsWon { count value { amount } }
    contractsWonGrowthPercent
    unattributedRevenue { amount }
    engineerRevenue { nodes { engineer { name } hours revenue { amount } annualisedRevenue { amount } } }
  }
}`;
const BENCHMARK_FIELDS = "measure unit value amount { amount } reference referenceUpTo referenceAmount { amount } gap gapAmount { amount } percentOfReference meets";

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

describe("revenueReport", () => {
  it("reports revenue, per head, annualised and per engineer, exactly, above 2^31 kopecks", async () => {
    const res = await server.gql(REVENUE, { from: day0, to: addDays(day0, 8) }, delta.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.revenueReport).toEqual({
      company: { name: "Delta Works" },
      period: { from: day0, to: addDays(day0, 8), days: 9 },
      previousPeriod: { from: addDays(day0, -9), to: addDays(day0, -1), days: 9 },
      employees: 10,
      engineers: 3,
      systemEngineers: 1,
      // 5 000 000 000 + 18 518 550 kopecks; / 10, / 3 (1 672 839 516.67 rounds up), / 1.
      inPeriod: { revenue: { amount: "50185185.50" }, perEmployee: { amount: "5018518.55" }, perEngineer: { amount: "16728395.17" }, perSystemEngineer: { amount: "50185185.50" } },
      // x 365 / 9 = 203 528 807 861.11 kopecks; then / 10, / 3 (67 842 935 953.67), / 1.
      annualised: { revenue: { amount: "2035288078.61" }, perEmployee: { amount: "203528807.86" }, perEngineer: { amount: "678429359.54" }, perSystemEngineer: { amount: "2035288078.61" } },
      previousRevenue: { amount: "0.00" },
      revenueGrowthPercent: null,
      contractsWon: { count: 2, value: { amount: "50185185.50", minorUnits: "5018518550" } },
      previousContractsWon: { count: 0, value: { amount: "0.00" } },
      contractsWonGrowthPercent: null,
      // B split 40:5 rounds both shares down: 16 460 933.33 + 2 057 616.67 leaves one kopeck.
      unattributedRevenue: { amount: "0.01" },
      engineerRevenue: {
        nodes: [
          // 2e9 from A (40 of 100 h) + 16 460 933 from B (40 of 45 h); x 365 / 9 = 81 778 693 393.89.
          { engineer: { name: "Anna Sokolova" }, hours: 80, revenue: { amount: "20164609.33" }, annualisedRevenue: { amount: "817786933.94" } },
          // 2e9 + 2 057 616; x 365 / 9 = 81 194 558 871.11.
          { engineer: { name: "Boris Ivanov" }, hours: 45, revenue: { amount: "20020576.16" }, annualisedRevenue: { amount: "811945588.71" } },
          { engineer: { name: "Vera Orlova" }, hours: 20, revenue: { amount: "10000000.00" }, annualisedRevenue: { amount: "405555555.56" } },
        ],
      },
    });
  });

  it("compares with the previous period of the same length", async () => {
    const res = await server.gql(REVENUE, { companyId: delta.id, from: addDays(day0, 1), to: addDays(day0, 8) }, coordinator);
    const report = res.data.revenueReport;
    expect(report.previousPeriod).toEqual({ from: addDays(day0, -7), to: day0, days: 8 });
    expect(report.inPeriod.revenue.amount).toBe("185185.50");
    expect(report.previousRevenue.amount).toBe("50000000.00");
    // (18 518 550 - 5 000 000 000) / 5 000 000 000 = -99.6296 %.
    expect(report.revenueGrowthPercent).toBe(-99.6);
    expect(report.contractsWon.count).toBe(0);
    expect(report.previousContractsWon).toEqual({ count: 2, value: { amount: "50185185.50" } });
    expect(report.contractsWonGrowthPercent).toBe(-100);
  });

  it("puts revenue per employee and per system engineer and growth beside the reference contract company's", async () => {
    const query = `query($from: LocalDate!, $to: LocalDate!) { revenueReport(from: $from, to: $to) { benchmarks { ${BENCHMARK_FIELDS} source } } }`;
    const over9 = (await server.gql(query, { from: day0, to: addDays(day0, 8) }, delta.token)).data.revenueReport.benchmarks;
    expect(over9.map((b: { source: string }) => b.source)).toEqual([expect.stringMatching(/per employee/), expect.stringMatching(/per system engineer/), expect.stringMatching(/25 %/)]);
    const money = { value: null, reference: null, referenceUpTo: null, gap: null };
    expect(over9.map(({ source: _, ...b }: { source: string }) => b)).toEqual([
      // Annualised 203 528 807.86 per employee against 30 000 000.00: 678.4 %.
      { ...money, measure: "REVENUE_PER_EMPLOYEE", unit: "ROUBLES_A_YEAR", amount: { amount: "203528807.86" }, referenceAmount: { amount: "30000000.00" }, gapAmount: { amount: "173528807.86" }, percentOfReference: 678.4, meets: true },
      // One system engineer: 2 035 288 078.61 against 175 000 000.00.
      { ...money, measure: "REVENUE_PER_SYSTEM_ENGINEER", unit: "ROUBLES_A_YEAR", amount: { amount: "2035288078.61" }, referenceAmount: { amount: "175000000.00" }, gapAmount: { amount: "1860288078.61" }, percentOfReference: 1163, meets: true },
      // Nothing the nine days before: no growth to measure.
      { measure: "GROWTH", unit: "PERCENT_A_YEAR", value: null, amount: null, reference: 25, referenceUpTo: null, referenceAmount: null, gap: null, gapAmount: null, percentOfReference: null, meets: null },
    ]);
    // Days 1-8 against days -7-0: -99.63 % in eight days, compounded to a year: -100 %.
    const shrinking = (await server.gql(query, { from: addDays(day0, 1), to: addDays(day0, 8) }, delta.token)).data.revenueReport.benchmarks[2];
    expect(shrinking).toMatchObject({ measure: "GROWTH", value: -100, gap: -125, percentOfReference: -400, meets: false });
  });

  it("is for the company's members and the coordinator only", async () => {
    for (const token of [startup.token, echo.token, investor]) {
      const res = await server.gql(REVENUE, { companyId: delta.id, from: day0, to: day0 }, token);
      expect(res.data).toEqual({ revenueReport: null });
      expect(res.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    }
    const startupOwn = await server.gql(REVENUE, { from: day0, to: day0 }, startup.token);
    expect(startupOwn.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const anonymous = await server.gql(REVENUE, { companyId: delta.id, from: day0, to: day0 });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    [{ from: "2026-05-01", to: "2026-04-30" }, "to"],
    [{ from: "2016-01-01", to: "2026-12-31" }, "to"],
  ])("refuses the period %j", async (period, argument) => {
    const res = await server.gql(REVENUE, { companyId: delta.id, ...period }, coordinator);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });
});

const SCORECARD = `query($id: ID!) { node(id: $id) { ... on Company { scorecard {
  score components { component score factors { factor weight level measured points } }
} } } }`;

describe("the contractor scorecard", () => {
  it("shows C = C1 + C2 + C3 with every part, measured from deliveries, bookings, revenue, bids and offers", async () => {
    // B's 45 h are booked in the week after day 0: inside the 26 weeks from today unless today's
    // week is already the one after (day 0 a Sunday); capacity is 100 h x 26 weeks.
    const loadLevel = weekStart(dateIn(server, 0)) === weekStart(addDays(day0, 7)) ? 0.017 : 0;
    const card = (await server.gql(SCORECARD, { id: delta.id }, startup.token)).data.node.scorecard;
    expect(card.components).toEqual([
      {
        component: "VIABILITY",
        score: Math.round((40 + loadLevel * 10) * 10) / 10,
        factors: [
          { factor: "ON_TIME_DELIVERY", weight: 20, level: 1, measured: true, points: 20 },
          { factor: "ACCEPTED_QUALITY", weight: 20, level: 1, measured: true, points: 20 },
          { factor: "LOAD", weight: 10, level: loadLevel, measured: true, points: Math.round(loadLevel * 100) / 10 },
        ],
      },
      {
        // 5 018 518 550 / 10 employees / 3 000 000 000 = 0.167 (the reference is per employee); no revenue the year before: neutral 0.5.
        component: "DEVELOPMENT",
        score: 7.5,
        factors: [
          { factor: "REVENUE_PER_EMPLOYEE", weight: 15, level: 0.167, measured: true, points: 2.5 },
          { factor: "GROWTH", weight: 10, level: 0.5, measured: false, points: 5 },
        ],
      },
      {
        component: "COMPETITIVENESS",
        score: 25,
        factors: [
          { factor: "WIN_RATE", weight: 10, level: 1, measured: true, points: 10 },
          { factor: "PRICE_LEVEL", weight: 15, level: 1, measured: true, points: 15 },
        ],
      },
    ]);
    expect(card.score).toBe(Math.round((40 + loadLevel * 10 + 2.505 + 5 + 25) * 10) / 10);
    // Echo has no engineers, deliveries or bids: neutral everywhere but its price level and its
    // revenue per employee (4 declared, no revenue: 0).
    const echoCard = (await server.gql(SCORECARD, { id: echo.id }, investor)).data.node.scorecard;
    expect(echoCard.score).toBe(46.3);
    expect(echoCard.components[1].factors[0]).toEqual({ factor: "REVENUE_PER_EMPLOYEE", weight: 15, level: 0, measured: true, points: 0 });
    expect(echoCard.components[2].factors[1]).toEqual({ factor: "PRICE_LEVEL", weight: 15, level: 0.75, measured: true, points: 11.3 });
  });

  it("is hidden from other contract companies and anonymous viewers", async () => {
    for (const [token, visible] of [[delta.token, true], [startup.token, true], [coordinator, true], [investor, true], [echo.token, false], [undefined, false]] as const) {
      const card = (await server.gql(SCORECARD, { id: delta.id }, token)).data.node.scorecard;
      expect(card !== null).toBe(visible);
    }
  });

  it("leaves contractors below an order's minimum score out of its plans, saying why", async () => {
    const order = await gqlOk(
      POST_ORDER,
      {
        title: "Needs proven contractors",
        capabilityId,
        quantity: 100,
        neededBy: dateIn(server, 90),
        biddingClosesAt: instantIn(server, 14 * DAY),
        sourcingPolicy: { maxSharePercent: 100, minContractors: 1, minScore: 60 },
      },
      startup.token,
    );
    expect(order.order.sourcingPolicy).toMatchObject({ minContractors: 1 });
    const plans = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Order { sourcingPolicy { minScore } plans { excluded { nodes { contractor { name } reason message } } plans { nodes { lines { contractor { name } } } } } } } }`,
      { id: order.order.id },
      startup.token,
    );
    const node = plans.data.node;
    expect(node.sourcingPolicy.minScore).toBe(60);
    expect(node.plans.excluded.nodes).toEqual([{ contractor: { name: "Echo Plant" }, reason: "SCORE_BELOW_MINIMUM", message: "Its scorecard score of 46.3 is below the order's minimum of 60." }]);
    expect(node.plans.plans.nodes.flatMap((p: any) => p.lines.map((l: any) => l.contractor.name))).toEqual(expect.arrayContaining(["Delta Works"]));
    expect(await refusedWith(server, POST_ORDER, { ...orderTerms(), sourcingPolicy: { minScore: 101 } }, startup.token)).toEqual([["OUT_OF_RANGE", "sourcingPolicy.minScore"]]);
  });

  it("takes the coordinator's weights: all seven, adding up to 100", async () => {
    const SET = `mutation($input: SetScoreWeightsInput!) { setScoreWeights(input: $input) { weights { factor component weight } userErrors { code field message } } }`;
    const defaults = [["ON_TIME_DELIVERY", 20], ["ACCEPTED_QUALITY", 20], ["LOAD", 10], ["REVENUE_PER_EMPLOYEE", 15], ["GROWTH", 10], ["WIN_RATE", 10], ["PRICE_LEVEL", 15]] as const;
    const input = (weights: readonly (readonly [string, number])[]) => ({ weights: weights.map(([factor, weight]) => ({ factor, weight })) });
    expect(await refusedWith(server, SET, input(defaults.map(([f, w]) => [f, f === "LOAD" ? 11 : w])), coordinator)).toEqual([["WEIGHTS_DO_NOT_ADD_UP", "weights"]]);
    expect(await refusedWith(server, SET, input(defaults.slice(1)), coordinator)).toEqual([["WEIGHTS_DO_NOT_ADD_UP", "weights"]]);
    expect(await refusedWith(server, SET, input([...defaults, ["LOAD", 0]]), coordinator)).toEqual([["WEIGHTS_DO_NOT_ADD_UP", "weights.7.factor"]]);
    expect((await server.gql(SET, { input: input(defaults) }, delta.token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");

    // All weight on price level: Echo scores 100 x 0.75.
    const priceOnly = defaults.map(([f]) => [f, f === "PRICE_LEVEL" ? 100 : 0] as const);
    const set = (await server.gql(SET, { input: input(priceOnly) }, coordinator)).data.setScoreWeights;
    expect(set.weights).toContainEqual({ factor: "PRICE_LEVEL", component: "COMPETITIVENESS", weight: 100 });
    expect((await server.gql(SCORECARD, { id: echo.id }, coordinator)).data.node.scorecard.score).toBe(75);
    expect((await server.gql(SET, { input: input(defaults) }, coordinator)).data.setScoreWeights.userErrors).toEqual([]);
  });

  it("refuses to award a plan whose contractor has fallen below the order's minimum score since", async () => {
    const SET = `mutation($input: SetScoreWeightsInput!) { setScoreWeights(input: $input) { userErrors { code } } }`;
    const factors = ["ON_TIME_DELIVERY", "ACCEPTED_QUALITY", "LOAD", "REVENUE_PER_EMPLOYEE", "GROWTH", "WIN_RATE", "PRICE_LEVEL"];
    const allOn = (only: string) => ({ weights: factors.map((factor) => ({ factor, weight: factor === only ? 100 : 0 })) });
    // All weight on price level: Delta scores 100 and passes a minimum of 60.
    expect((await server.gql(SET, { input: allOn("PRICE_LEVEL") }, coordinator)).data.setScoreWeights.userErrors).toEqual([]);
    try {
      const { order } = await gqlOk(
        POST_ORDER,
        { title: "Proven contractors only", capabilityId, quantity: 100, neededBy: dateIn(server, 90), biddingClosesAt: instantIn(server, 14 * DAY), sourcingPolicy: { maxSharePercent: 100, minContractors: 1, minScore: 60 } },
        startup.token,
      );
      const plans = (
        await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { plans { plans { nodes { key lines { contractor { name } } } } } } } }`, { id: order.id }, startup.token)
      ).data.node.plans.plans.nodes;
      expect(plans[0].lines).toEqual([{ contractor: { name: "Delta Works" } }]);
      // Now all weight on growth, where Delta has no year before to grow from: 0.5, a score of 50.
      expect((await server.gql(SET, { input: allOn("GROWTH") }, coordinator)).data.setScoreWeights.userErrors).toEqual([]);
      const award = await server.gql(AWARD, { input: { orderId: order.id, allocations: [], planKey: plans[0].key } }, startup.token);
      expect(award.data.awardOrder.userErrors).toEqual([
        { code: "PLAN_CHANGED", field: ["planKey"], message: "A contractor of the plan now scores 50 on its scorecard, below the order's minimum of 60. Read order.plans again." },
      ]);
      expect((await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { status } } }`, { id: order.id }, startup.token)).data.node.status).toBe("OPEN");
    } finally {
      const defaults = { ON_TIME_DELIVERY: 20, ACCEPTED_QUALITY: 20, LOAD: 10, REVENUE_PER_EMPLOYEE: 15, GROWTH: 10, WIN_RATE: 10, PRICE_LEVEL: 15 } as Record<string, number>;
      await server.gql(SET, { input: { weights: factors.map((factor) => ({ factor, weight: defaults[factor] })) } }, coordinator);
    }
  });
});

const CLUSTER = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) {
  clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
    park { name }
    companies { kind count sharePercent }
    investment { amount }
    investmentByKind { kind amount { amount } sharePercent }
    orderVolume { contracts value { amount } producedInPark { amount } productionCooperationPercent }
    previousContractRevenue { amount }
    benchmarks { ${BENCHMARK_FIELDS} }
    participation { companies active activePercent }
    contractRevenue { amount }
    engineers
    inPeriod { perEngineer { amount } perEmployee { amount } }
    annualised { perEngineer { amount } }
    capacityOutlook(weeks: 4) { capabilities { capability { name } contractorCount } }
  }
}`;
const RECORD_INVESTMENT = `mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) {
  investment { id investorName amount { amount minorUnits } investedOn company { name } } userErrors { code field message } } }`;

describe("investments and cluster analytics", () => {
  let parkId: string;

  beforeAll(async () => {
    parkId = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Company { park { id } } } }`, { id: delta.id })).data.node.park.id;
    // A contractor of another park wins 1000 units at 5 000.00 (500 000 000 kopecks) of a Lumen order.
    const otherPark = await createPark(server, coordinator, "Other Park");
    const foxtrot = await registerCompany(server, otherPark, "Foxtrot Foundry", "CONTRACT", 3);
    await gqlOk(DECLARE_OFFER, { capabilityId, unitPrice: { amount: "5000.00" }, engineerHoursPerUnit: 0.01, minLeadDays: 5, minLot: 1, maxLot: 100000 }, foxtrot.token);
    await gqlOk(ADD_ENGINEER, { name: "Gleb Foxtrot", role: "ENGINEER" }, foxtrot.token);
    const order = await gqlOk(POST_ORDER, { ...orderTerms(), quantity: 1000, maxUnitPrice: { amount: "60000.00" }, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } }, startup.token);
    const bid = await gqlOk(
      SUBMIT_BID,
      { orderId: order.order.id, unitPrice: { amount: "5000.00" }, minLot: 1, maxQuantity: 1000, engineerHoursPerUnit: 0.01, leadTimeDays: 30, validUntil: instantIn(server, 30 * DAY) },
      foxtrot.token,
    );
    await gqlOk(AWARD, { orderId: order.order.id, allocations: [{ bidId: bid.bid.id, quantity: 1000 }] }, startup.token);
  });

  it("records investments, for the coordinator only, exactly and with clear refusals", async () => {
    const today = dateIn(server, 0);
    const deltaInvestment = await gqlOk(RECORD_INVESTMENT, { companyId: delta.id, investorName: "Rusnano Fund", amount: { amount: "800000000.00" }, investedOn: today }, coordinator);
    expect(deltaInvestment.investment).toMatchObject({ amount: { amount: "800000000.00", minorUnits: "80000000000" }, investedOn: today, company: { name: "Delta Works" } });
    await gqlOk(RECORD_INVESTMENT, { companyId: startup.id, investorName: "Skolkovo Ventures", amount: { amount: "200000000.00" }, investedOn: today }, coordinator);
    expect(await refusedWith(server, RECORD_INVESTMENT, { companyId: delta.id, investorName: " ", amount: { amount: "0" }, investedOn: dateIn(server, 1) }, coordinator)).toEqual([
      ["BLANK", "investorName"],
      ["OUT_OF_RANGE", "amount.amount"],
      ["OUT_OF_RANGE", "investedOn"],
    ]);
    for (const token of [investor, delta.token]) {
      const res = await server.gql(RECORD_INVESTMENT, { input: { companyId: delta.id, investorName: "X", amount: { amount: "1.00" }, investedOn: today } }, token);
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const list = await server.gql(`query($parkId: ID!) { investments(parkId: $parkId) { nodes { investorName company { name } } } }`, { parkId }, investor);
    expect(list.data.investments.nodes).toEqual([
      { investorName: "Rusnano Fund", company: { name: "Delta Works" } },
      { investorName: "Skolkovo Ventures", company: { name: "Lumen Startup" } },
    ]);
  });

  it("reports the park's structure, volume, cooperation, participation and revenue per engineer", async () => {
    const res = await server.gql(CLUSTER, { parkId, from: day0, to: addDays(day0, 8) }, investor);
    expect(res.errors).toBeUndefined();
    const a = res.data.clusterAnalytics;
    expect(a).toMatchObject({
      park: { name: "Report Park" },
      companies: [
        { kind: "PRODUCT", count: 1, sharePercent: 33.3 },
        { kind: "CONTRACT", count: 2, sharePercent: 66.7 },
      ],
      investment: { amount: "1000000000.00" },
      investmentByKind: [
        { kind: "PRODUCT", amount: { amount: "200000000.00" }, sharePercent: 20 },
        { kind: "CONTRACT", amount: { amount: "800000000.00" }, sharePercent: 80 },
      ],
      // A + B + Foxtrot's 5 000 000.00; 5 018 518 550 of 5 518 518 550 made in the park = 90.94 %.
      orderVolume: { contracts: 3, value: { amount: "55185185.50" }, producedInPark: { amount: "50185185.50" }, productionCooperationPercent: 90.9 },
      // Lumen posted, Delta bid; Echo did nothing in the period.
      participation: { companies: 3, active: 2, activePercent: 66.7 },
      contractRevenue: { amount: "50185185.50" },
      engineers: 3,
      inPeriod: { perEngineer: { amount: "16728395.17" }, perEmployee: null },
      annualised: { perEngineer: { amount: "678429359.54" } },
    });
    expect(a.capacityOutlook.capabilities).toEqual([{ capability: { name: "Precision machining" }, contractorCount: 2 }]);
    // Nothing accepted in the nine days before: no growth to measure; 66.7 % active against 55-65 %; 90.9 % cooperation against 54 %.
    expect(a.previousContractRevenue).toEqual({ amount: "0.00" });
    expect(a.benchmarks).toEqual([
      { measure: "GROWTH", unit: "PERCENT_A_YEAR", value: null, amount: null, reference: 25, referenceUpTo: null, referenceAmount: null, gap: null, gapAmount: null, percentOfReference: null, meets: null },
      { measure: "PARTICIPATION", unit: "PERCENT", value: 66.7, amount: null, reference: 55, referenceUpTo: 65, referenceAmount: null, gap: 11.7, gapAmount: null, percentOfReference: 121.3, meets: true },
      { measure: "PRODUCTION_COOPERATION", unit: "PERCENT", value: 90.9, amount: null, reference: 54, referenceUpTo: null, referenceAmount: null, gap: 36.9, gapAmount: null, percentOfReference: 168.3, meets: true },
    ]);
  });

  it("lets the coordinator set a park's target, and shows where the park stands against it", async () => {
    const SET = `mutation($input: SetParkTargetInput!) { setParkTarget(input: $input) { target { measure amount { amount } year note progress { percentOfTarget } } userErrors { code field message } } }`;
    const year = Number(dateIn(server, 0).slice(0, 4));
    const target = { parkId, measure: "ORDER_VOLUME", amount: { amount: "110370371.00" }, year: year + 2, note: "Twice this year's volume" };
    expect(await refusedWith(server, SET, { ...target, amount: { amount: "0" }, year: year - 1, parkId: "UGFyazo5OTk=" }, coordinator)).toEqual([
      ["OUT_OF_RANGE", "amount.amount"],
      ["OUT_OF_RANGE", "year"],
      ["NOT_FOUND", "parkId"],
    ]);
    for (const token of [investor, delta.token]) expect((await server.gql(SET, { input: target }, token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // A first target, then the one in force for the measure replaces it.
    await gqlOk(SET, { ...target, amount: { amount: "1.00" } }, coordinator);
    const set = await gqlOk(SET, target, coordinator);
    expect(set.target).toEqual({ measure: "ORDER_VOLUME", amount: { amount: "110370371.00" }, year: year + 2, note: "Twice this year's volume", progress: null });
    const TARGETS = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
      targets { measure amount { amount } year progress { lastYear { amount } yearBefore { amount } percentOfTarget yearsLeft requiredGrowthPercent growthPercent reached onTrack } } } }`;
    const [standing] = (await server.gql(TARGETS, { parkId, from: day0, to: day0 }, investor)).data.clusterAnalytics.targets;
    // The last 365 days hold the whole order volume (55 185 185.50): half the target, nothing the year before.
    expect(standing.progress).toMatchObject({ lastYear: { amount: "55185185.50" }, yearBefore: { amount: "0.00" }, percentOfTarget: 50, growthPercent: null, reached: false, onTrack: null });
    const { yearsLeft, requiredGrowthPercent } = standing.progress;
    expect(yearsLeft).toBeGreaterThan(2);
    expect(yearsLeft).toBeLessThanOrEqual(3);
    // Doubling in yearsLeft years.
    expect(requiredGrowthPercent).toBeCloseTo((2 ** (1 / yearsLeft) - 1) * 100, 0);
  });

  it("sets parks side by side, ranked by the measure asked for", async () => {
    const parks = (await server.gql(`{ parks { nodes { id name } } }`)).data.parks.nodes;
    const other = parks.find((p: { name: string }) => p.name === "Other Park").id;
    const COMPARE = `query($from: LocalDate!, $to: LocalDate!, $rankBy: ParkRankMeasure, $parkIds: [ID!]) {
      parkComparison(from: $from, to: $to, rankBy: $rankBy, parkIds: $parkIds) { rankedBy period { days } standings { totalCount nodes {
        rank park { name } contractRevenue { amount } orderVolume { amount } contracts productionCooperationPercent loadPercent
        participation { companies active activePercent } investment { amount } investmentByKind { kind sharePercent } benchmarks { measure value meets } } } } }`;
    const rank = async (rankBy: string) => {
      const res = await server.gql(COMPARE, { from: day0, to: addDays(day0, 8), rankBy, parkIds: [parkId, other] }, investor);
      expect(res.errors).toBeUndefined();
      return res.data.parkComparison;
    };
    const byVolume = await rank("ORDER_VOLUME");
    expect(byVolume).toMatchObject({ rankedBy: "ORDER_VOLUME", period: { days: 9 }, standings: { totalCount: 2 } });
    const [report, far] = byVolume.standings.nodes;
    // The figures are clusterAnalytics's, park by park.
    expect(report).toMatchObject({
      rank: 1,
      park: { name: "Report Park" },
      contractRevenue: { amount: "50185185.50" },
      orderVolume: { amount: "55185185.50" },
      contracts: 3,
      productionCooperationPercent: 90.9,
      participation: { companies: 3, active: 2, activePercent: 66.7 },
      investment: { amount: "1000000000.00" },
      investmentByKind: [{ kind: "PRODUCT", sharePercent: 20 }, { kind: "CONTRACT", sharePercent: 80 }],
      benchmarks: [{ measure: "GROWTH", value: null, meets: null }, { measure: "PARTICIPATION", value: 66.7, meets: true }, { measure: "PRODUCTION_COOPERATION", value: 90.9, meets: true }],
    });
    // Foxtrot made Lumen's order: the other park's order volume is nil, it has no cooperation to measure,
    // its one company was active, and its engineer's 10 h of the coming 26 weeks' 1 040 h are booked.
    expect(far).toMatchObject({ rank: 2, park: { name: "Other Park" }, orderVolume: { amount: "0.00" }, contracts: 0, productionCooperationPercent: null, participation: { companies: 1, active: 1, activePercent: 100 }, loadPercent: 1 });
    expect((await rank("PARTICIPATION")).standings.nodes.map((n: { park: { name: string } }) => n.park.name)).toEqual(["Other Park", "Report Park"]);
    // A park without a figure comes last.
    expect((await rank("COOPERATION")).standings.nodes.map((n: { park: { name: string }; rank: number }) => [n.rank, n.park.name])).toEqual([[1, "Report Park"], [2, "Other Park"]]);
    const refused = await server.gql(COMPARE, { from: day0, to: day0, parkIds: [] }, investor);
    expect(refused.errors?.[0]).toMatchObject({ message: "parkIds names 1 to 50 parks.", extensions: { code: "BAD_USER_INPUT", argument: "parkIds" } });
    expect((await server.gql(COMPARE, { from: day0, to: day0 }, startup.token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // Every park by default, ranked by growth: none had revenue in the days before, so by name.
    const all = (await server.gql(COMPARE, { from: day0, to: day0 }, coordinator)).data.parkComparison.standings.nodes;
    expect(all.map((n: { park: { name: string } }) => n.park.name)).toEqual(["Other Park", "Report Park"]);
  });

  it("is for the coordinator and investors only", async () => {
    for (const token of [startup.token, delta.token]) {
      const res = await server.gql(CLUSTER, { parkId, from: day0, to: day0 }, token);
      expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect((await server.gql(CLUSTER, { parkId, from: day0, to: day0 }, coordinator)).errors).toBeUndefined();
  });
});

describe("what an investor sees of a company", () => {
  const CARD = `query($id: ID!) { node(id: $id) { ... on Company { scorecard { components { factors { factor level measure } } } } } }`;
  const measures = async (token: string) =>
    Object.fromEntries(
      (await server.gql(CARD, { id: delta.id }, token)).data.node.scorecard.components.flatMap((c: any) => c.factors.map((f: any) => [f.factor, f.measure])),
    ) as Record<string, string>;

  it("reads a scorecard's levels, never the figures behind them; the company and the coordinator read both", async () => {
    for (const token of [delta.token, coordinator]) {
      expect((await measures(token)).REVENUE_PER_EMPLOYEE).toBe("5018518.55 RUB revenue per employee in the last 365 days (30 000 000.00 scores 1).");
    }
    for (const token of [investor, startup.token]) {
      const text = await measures(token);
      expect(text.REVENUE_PER_EMPLOYEE).toBe("Revenue per employee in the last 365 days against 30 000 000.00 RUB a year (the reference scores 1). Level 0.167 of 1.");
      expect(text.ON_TIME_DELIVERY).toBe("Share of units delivered by the promised date in the last 365 days. Level 1 of 1.");
      expect(text.GROWTH).toBe("Revenue growth on the 365 days before against 25 % (25 % or more scores 1, no growth 0). No data to measure it: counted as 0.5.");
      // No money, units, hours or bid counts: only the levels and the references' figures (30 000 000.00, 365 days, 25 %, 100 %, 26 weeks).
      const levels = (await server.gql(CARD, { id: delta.id }, token)).data.node.scorecard.components.flatMap((c: any) => c.factors.map((f: any) => String(f.level)));
      const figures = Object.values(text).join(" ").match(/\d[\d ]*(\.\d+)?/g)!.map((n) => n.trim());
      expect(figures.filter((n) => ![...levels, "30 000 000.00", "365", "25", "100", "26", "0", "0.5", "1"].includes(n))).toEqual([]);
    }
  });

  it("does not see a capability of one contractor on the heat-map or the forecast: that row would be the company's load", async () => {
    // Delta alone offers Welding: the coordinator sees its row, an investor a count of rows withheld.
    const welding = (await gqlOk(ADD_CAPABILITY, { name: "Welding" }, coordinator)).capability.id;
    await gqlOk(DECLARE_OFFER, { capabilityId: welding, unitPrice: { amount: "1000.00" }, engineerHoursPerUnit: 0.5, minLeadDays: 5, minLot: 1, maxLot: 1000 }, delta.token);
    const parkId = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Company { park { id } } } }`, { id: delta.id })).data.node.park.id;
    const HEAT = `query($parkId: ID!) { capacityHeatMap(parkId: $parkId, weeks: 2) { withheldCapabilities capabilities { capability { name } } }
      demandForecast(parkId: $parkId, weeks: 2) { withheldCapabilities capabilities { capability { name } } } }`;
    const names = (rows: { capability: { name: string } }[]) => rows.map((r) => r.capability.name).sort();
    const asCoordinator = (await server.gql(HEAT, { parkId }, coordinator)).data;
    expect(names(asCoordinator.capacityHeatMap.capabilities)).toEqual(["Precision machining", "Welding"]);
    expect(asCoordinator.capacityHeatMap.withheldCapabilities).toBe(0);
    expect(names(asCoordinator.demandForecast.capabilities)).toEqual(["Precision machining", "Welding"]);
    const asInvestor = (await server.gql(HEAT, { parkId }, investor)).data;
    expect(asInvestor.capacityHeatMap).toEqual({ withheldCapabilities: 1, capabilities: [{ capability: { name: "Precision machining" } }] });
    expect(asInvestor.demandForecast).toEqual({ withheldCapabilities: 1, capabilities: [{ capability: { name: "Precision machining" } }] });
  });
});
