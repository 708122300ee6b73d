import { addDays } from "../../src/shared/time";
import { refusedWith } from "../support/fixtures";
import { addContractor, AWARD, buildMarket, DAY, dateIn, instantIn, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A production chain over HTTP: a valve body is cast by a foundry (90 % good, 3 days to move),
 * then machined by the park's three composites contractors (here the machining stage). The
 * foundry and the machinists each have 160 free engineer-hours a week at 0.5 h a unit, quoting
 * 1000.00 a unit with a minimum lead of 5 days.
 */
const POST_CHAIN = /* GraphQL */ `
  mutation($input: PostChainInput!) {
    postChain(input: $input) {
      chain { id title quantity neededBy stages { order { id title quantity neededBy status } feeds { id } handOnQuantity partsPerUnit yieldPercent moveDays latestCompletion } }
      userErrors { code field message }
    }
  }
`;

const PLANS = /* GraphQL */ `
  query($id: ID!) {
    node(id: $id) {
      ... on Chain {
        plans {
          asOf
          complete
          cheapest { totalCost { amount minorUnits } }
          fastest { completionDate }
          noPlanReason { code message stage { id } stageReason { code } }
          plans { nodes { totalCost { minorUnits } completionDate daysToCompletion picks criticalPath { id }
            stages { stage { id } startDate arrivalDate startReason plan { key totalCost { minorUnits } completionDate lines { contractor { name } source quantity unitPrice { amount } completionDate reason } } } } }
        }
      }
    }
  }
`;

let server: TestServer;
let market: Market;

const chainInput = (over: Record<string, unknown> = {}, stages?: Record<string, unknown>[]) => ({
  title: "Valve body DN100",
  quantity: 300,
  neededBy: dateIn(server, 90),
  biddingClosesAt: instantIn(server, 14 * DAY),
  valuePerDayEarlier: { amount: "1000.00" },
  stages: stages ?? [
    { key: "machining", title: "Machining of valve bodies", capabilityId: market.capabilityId, sourcingPolicy: {} },
    { key: "casting", title: "Casting of valve bodies", capabilityId: market.otherCapabilityId, feeds: "machining", yieldPercent: 90, moveDays: 3, sourcingPolicy: {} },
  ],
  ...over,
});

async function postChain(input = chainInput()) {
  const res = await server.gql(POST_CHAIN, { input }, market.startup.token);
  expect(res.errors).toBeUndefined();
  expect(res.data.postChain.userErrors).toEqual([]);
  return res.data.postChain.chain;
}

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  market.contractors.push(await addContractor(server, market.parkId, market.otherCapabilityId, "Voronezh Foundry"));
});
afterAll(() => server.close());

describe("posting a production chain", () => {
  it("opens one order per stage, each ordered to hand on what the next takes after its scrap, dated back by the moving days", async () => {
    const chain = await postChain();
    const [machining, casting] = chain.stages;
    expect(machining).toMatchObject({ order: { title: "Machining of valve bodies", quantity: 300, neededBy: chain.neededBy, status: "OPEN" }, feeds: null, handOnQuantity: 300, yieldPercent: 100, moveDays: 0, latestCompletion: chain.neededBy });
    // 300 good castings at 90 %: 334 cast (333.3 rounded up), complete 3 days before machining must.
    const latest = addDays(chain.neededBy, -3);
    expect(casting).toMatchObject({ order: { quantity: 334, neededBy: latest, status: "OPEN" }, feeds: { id: machining.order.id }, handOnQuantity: 300, yieldPercent: 90, moveDays: 3, latestCompletion: latest });
    // The foundry sees the casting stage among the open orders it may bid on, and not the machining one.
    const foundry = market.contractors[3];
    const open = await server.gql(`{ openOrders(first: 50) { nodes { id } } }`, {}, foundry.token);
    const ids = open.data.openOrders.nodes.map((o: { id: string }) => o.id);
    expect(ids).toContain(casting.order.id);
    expect(ids).not.toContain(machining.order.id);
  });

  it("plans the chain: the machining starts when the castings arrive, and each stage's cost adds up", async () => {
    const chain = await postChain();
    const [machining, casting] = chain.stages;
    await submitBid(server, market.contractors[3].token, casting.order.id, { unitPrice: { amount: "800.00" }, minLot: 1, maxQuantity: 334, leadTimeDays: 10 });
    const res = await server.gql(PLANS, { id: chain.id }, market.startup.token);
    expect(res.errors).toBeUndefined();
    const plans = res.data.node.plans;
    expect(plans.noPlanReason).toBeNull();
    expect(plans.complete).toBe(true);
    expect(plans.plans.nodes.length).toBeGreaterThan(0);
    // The cheapest: the foundry's bid for all 334 castings, the machining at 1000.00 from the quotes.
    expect(plans.cheapest.totalCost.minorUnits).toBe(String(334 * 80_000 + 300 * 100_000));
    for (const plan of plans.plans.nodes) {
      const [cast, machine] = plan.stages;
      expect([cast.stage.id, machine.stage.id]).toEqual([casting.order.id, machining.order.id]);
      expect(cast.startDate).toBe(plans.asOf);
      expect(cast.startReason).toBe("Starts on award: it takes no other stage's parts.");
      expect(cast.plan.key).toBeNull();
      expect(cast.plan.lines).toEqual([expect.objectContaining({ contractor: { name: "Voronezh Foundry" }, source: "BID", quantity: 334, unitPrice: { amount: "800.00" } })]);
      expect(cast.plan.completionDate >= addDays(plans.asOf, 10)).toBe(true);
      expect(cast.arrivalDate).toBe(addDays(cast.plan.completionDate, 3));
      // No machining before the castings arrive, and none sooner than its quotes' 5 days from then.
      expect(machine.startDate).toBe(cast.arrivalDate);
      expect(machine.startReason).toBe(`Starts on ${cast.arrivalDate}, when the parts of "Casting of valve bodies" arrive, the last of its inputs.`);
      for (const line of machine.plan.lines) expect(line.completionDate >= addDays(machine.startDate, 5)).toBe(true);
      expect(machine.plan.lines.reduce((sum: number, l: { quantity: number }) => sum + l.quantity, 0)).toBe(300);
      expect(plan.completionDate).toBe(machine.plan.completionDate);
      expect(plan.criticalPath.map((s: { id: string }) => s.id)).toEqual([casting.order.id, machining.order.id]);
      expect(Number(plan.totalCost.minorUnits)).toBe(Number(cast.plan.totalCost.minorUnits) + Number(machine.plan.totalCost.minorUnits));
    }
  });

  it("waits for parts bought outside the cluster: the stage they feed starts no sooner than they arrive", async () => {
    const input = { ...chainInput(), outsideStages: [{ title: "Sand cores, Lipetsk (outside the cluster)", feeds: "casting", value: { amount: "120000.00" }, leadDays: 9, moveDays: 2 }] };
    const chain = await postChain(input);
    const res = await server.gql(PLANS, { id: chain.id }, market.startup.token);
    const plans = res.data.node.plans;
    expect(plans.noPlanReason).toBeNull();
    for (const plan of plans.plans.nodes) {
      const [cast] = plan.stages;
      expect(cast.startDate).toBe(addDays(plans.asOf, 11));
      expect(cast.startReason).toBe(`Starts on ${cast.startDate}, when the parts of "Sand cores, Lipetsk (outside the cluster)" arrive, the last of its inputs.`);
    }
    const declared = await server.gql(`query($id: ID!) { node(id: $id) { ... on Chain { outsideStages { title feeds { id } value { amount } leadDays moveDays arrivesOn } } } }`, { id: chain.id }, market.startup.token);
    expect(declared.data.node.outsideStages).toEqual([{ title: "Sand cores, Lipetsk (outside the cluster)", feeds: { id: chain.stages[1].order.id }, value: { amount: "120000.00" }, leadDays: 9, moveDays: 2, arrivesOn: null }]);
    const bad = await refusedWith(server, POST_CHAIN, { ...chainInput(), outsideStages: [{ title: "Cores", feeds: "nowhere", value: { amount: "-1.00" }, leadDays: 0 }] }, market.startup.token);
    expect(bad).toEqual([
      ["INVALID_ROUTE", "outsideStages.0.feeds"],
      ["OUT_OF_RANGE", "outsideStages.0.value.amount"],
      ["OUT_OF_RANGE", "outsideStages.0.leadDays"],
    ]);
  });

  it("says which stage has no plan when a stage has no contractor who can do it", async () => {
    const chain = await postChain(chainInput({}, [
      { key: "machining", title: "Machining", capabilityId: market.capabilityId, sourcingPolicy: {} },
      { key: "casting", title: "Casting", capabilityId: market.otherCapabilityId, feeds: "machining", maxUnitPrice: { amount: "10.00" }, sourcingPolicy: {} },
    ]));
    const res = await server.gql(PLANS, { id: chain.id }, market.startup.token);
    expect(res.data.node.plans.noPlanReason).toMatchObject({ code: "STAGE", stage: { id: chain.stages[1].order.id }, stageReason: { code: "PRICE" } });
    expect(res.data.node.plans.noPlanReason.message).toMatch(/^Stage "Casting" has no plan from \d{4}-\d{2}-\d{2}, the earliest its inputs arrive: /);
  });

  it("is the customer's and the coordinator's: another startup and the contractors see no chain", async () => {
    const chain = await postChain();
    for (const token of [market.otherStartup.token, market.contractors[0].token, market.contractors[3].token]) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: chain.id }, token);
      expect(res.data.node).toBeNull();
    }
    const seen = await server.gql(`query($id: ID!) { node(id: $id) { ... on Chain { title stages { order { id } } } } }`, { id: chain.id }, market.coordinator);
    expect(seen.data.node.title).toBe("Valve body DN100");
    // From a stage's order back to its chain: the customer's way in from myOrders; a bidder sees the order, not the chain.
    const ORDER_CHAIN = `query($id: ID!) { node(id: $id) { ... on Order { chain { id } } } }`;
    const stage = chain.stages[1].order.id;
    expect((await server.gql(ORDER_CHAIN, { id: stage }, market.startup.token)).data.node.chain).toEqual({ id: chain.id });
    expect((await server.gql(ORDER_CHAIN, { id: stage }, market.contractors[3].token)).data.node.chain).toBeNull();
  });

  it("refuses a stage awarded alone: a chain is awarded whole", async () => {
    const chain = await postChain();
    const bid = await submitBid(server, market.contractors[3].token, chain.stages[1].order.id, { minLot: 1, maxQuantity: 334 });
    const res = await server.gql(AWARD, { input: { orderId: chain.stages[1].order.id, allocations: [{ bidId: bid, quantity: 334 }] } }, market.startup.token);
    expect(res.data.awardOrder.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", field: ["orderId"] })]);
  });

  it.each([
    ["two final stages", [{ key: "a", feeds: null }, { key: "b", feeds: null }], [["INVALID_ROUTE", "stages"]]],
    ["a stage feeding an unknown key", [{ key: "a" }, { key: "b", feeds: "x" }], [["INVALID_ROUTE", "stages.1.feeds"]]],
    ["a loop of stages", [{ key: "a" }, { key: "b", feeds: "c" }, { key: "c", feeds: "b" }], [["INVALID_ROUTE", "stages"]]],
    ["two stages with one key", [{ key: "a" }, { key: "a", feeds: "a" }], [["TAKEN", "stages.1.key"]]],
    ["one stage only", [{ key: "a" }], [["OUT_OF_RANGE", "stages"]]],
    ["a blank stage title", [{ key: "a" }, { key: "b", feeds: "a", title: " " }], [["BLANK", "stages.1.title"]]],
    ["a yield of 0 %", [{ key: "a" }, { key: "b", feeds: "a", yieldPercent: 0 }], [["OUT_OF_RANGE", "stages.1.yieldPercent"]]],
    ["moving days that leave no time after bidding closes", [{ key: "a" }, { key: "b", feeds: "a", moveDays: 80 }], [["OUT_OF_RANGE", "stages.1.moveDays"]]],
    [
      "a stage before one whose moving days leave no time (each stage's error, and no crash)",
      [{ key: "a" }, { key: "b", feeds: "a", moveDays: 80 }, { key: "c", feeds: "b", moveDays: 1 }],
      [["OUT_OF_RANGE", "stages.1.moveDays"], ["OUT_OF_RANGE", "stages.2.moveDays"]],
    ],
  ])("refuses %s, clearly, and writes nothing", async (_, shapes, expected) => {
    const stages = (shapes as Record<string, unknown>[]).map((shape) => ({ title: `Stage ${shape.key}`, capabilityId: market.capabilityId, sourcingPolicy: {}, ...shape }));
    const errors = await refusedWith(server, POST_CHAIN, chainInput({}, stages), market.startup.token);
    expect(errors).toEqual(expected);
  });

  it("refuses a contract company: it produces, it does not order", async () => {
    expect(await refusedWith(server, POST_CHAIN, chainInput(), market.contractors[0].token)).toEqual([["CONTRACT_COMPANY_CANNOT_ORDER", null]]);
  });
});
