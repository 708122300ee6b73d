import { addContractor, buildMarket, dateIn, orderInput, POST_ORDER, SUBMIT_BID, bidInput, type Market } from "../support/marketplace";
import { ADD_ENGINEER, createPark, DECLARE_OFFER, registerCompany, type RegisteredCompany } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Who may take part, and how (KIND_RIGHTS in src/access/policy.ts): a technopark's split, a
 * cluster's manufacturers ordering from each other, an outside customer, a research institute
 * testing like a contractor, a university and a supplier watching, a bank seeing what an investor sees.
 */
let server: TestServer;
let market: Market;
let clusterId: string;
const members: Record<string, RegisteredCompany> = {};

const HEAT = `query($parkId: ID!) { capacityHeatMap(parkId: $parkId, weeks: 2) { capabilities { capability { name } } } }`;
const ANALYTICS = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
  companies { kind count sharePercent } otherParticipants { kind count } participation { companies } } }`;
const OPEN = `{ openOrders(first: 50) { nodes { id } } }`;
const INVESTMENTS = `query($parkId: ID!) { investments(parkId: $parkId) { nodes { id } } }`;
const SCORECARD = `query($id: ID!) { node(id: $id) { ... on Company { scorecard { score } } } }`;

async function post(token: string, overrides: Record<string, unknown> = {}) {
  return (await server.gql(POST_ORDER, { input: orderInput(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 }, ...overrides }) }, token)).data.postOrder;
}

const errorCode = (res: { errors?: { extensions?: { code?: unknown } }[] }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  clusterId = await createPark(server, market.coordinator, "Voronezh oil-and-gas cluster", "CLUSTER");
  members.integrator = await addContractor(server, clusterId, market.capabilityId, "Valve Assembly Works");
  members.foundry = await addContractor(server, clusterId, market.capabilityId, "Voronezh Foundry");
  members.customer = await registerCompany(server, market.parkId, "Gazprom Localisation", "OUTSIDE_CUSTOMER");
  members.institute = await registerCompany(server, market.parkId, "Welding Research Institute", "RESEARCH_INSTITUTE");
  members.university = await registerCompany(server, market.parkId, "Voronezh State Technical University", "UNIVERSITY");
  members.supplier = await registerCompany(server, market.parkId, "Ural Steel Supply", "SUPPLIER");
  members.bank = await registerCompany(server, market.parkId, "Regional Development Bank", "FINANCIAL_INSTITUTION");
});
afterAll(() => server.close());

describe("who may take part", () => {
  it("keeps the technopark's split, and lets a cluster's manufacturers order each other's work, never bidding on their own", async () => {
    expect((await post(market.contractors[0].token)).userErrors).toEqual([expect.objectContaining({ code: "CONTRACT_COMPANY_CANNOT_ORDER" })]);
    const posted = await post(members.integrator.token);
    expect(posted.userErrors).toEqual([]);
    const own = await server.gql(SUBMIT_BID, { input: bidInput(server, posted.order.id, { minLot: 1, maxQuantity: 100 }) }, members.integrator.token);
    expect(own.data.submitBid.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", field: ["orderId"] })]);
    const other = await server.gql(SUBMIT_BID, { input: bidInput(server, posted.order.id, { minLot: 1, maxQuantity: 100 }) }, members.foundry.token);
    expect(other.data.submitBid.userErrors).toEqual([]);
    // It previews plans where it may order, and its own order is not among those it may bid on.
    const PREVIEW = `query($input: MatchPreviewInput!) { matchPreview(input: $input) { complete } }`;
    const terms = { capabilityId: market.capabilityId, quantity: 10, neededBy: dateIn(server, 60), sourcingPolicy: {} };
    expect((await server.gql(PREVIEW, { input: terms }, members.integrator.token)).errors).toBeUndefined();
    expect(errorCode(await server.gql(PREVIEW, { input: terms }, market.contractors[0].token))).toBe("FORBIDDEN");
    const open = (await server.gql(OPEN, {}, members.integrator.token)).data.openOrders.nodes.map((o: { id: string }) => o.id);
    expect(open).not.toContain(posted.order.id);
    expect((await server.gql(OPEN, {}, members.foundry.token)).data.openOrders.nodes.map((o: { id: string }) => o.id)).toContain(posted.order.id);
  });

  it("lets an outside customer order from the park's contractors, outside the park's 80/20 shares", async () => {
    const posted = await post(members.customer.token);
    expect(posted.userErrors).toEqual([]);
    const bid = await server.gql(SUBMIT_BID, { input: bidInput(server, posted.order.id, { minLot: 1, maxQuantity: 100 }) }, market.contractors[0].token);
    expect(bid.data.submitBid.userErrors).toEqual([]);
    // Produce it may not.
    const offer = await server.gql(DECLARE_OFFER, { input: { capabilityId: market.capabilityId, unitPrice: { amount: "1.00" }, engineerHoursPerUnit: 1, minLeadDays: 1, minLot: 1, maxLot: 1 } }, members.customer.token);
    expect(offer.data.declareCapabilityOffer.userErrors).toEqual([expect.objectContaining({ code: "MAY_NOT_PRODUCE" })]);
    const analytics = (await server.gql(ANALYTICS, { parkId: market.parkId, from: dateIn(server, -30), to: dateIn(server, 0) }, market.coordinator)).data.clusterAnalytics;
    // Two startups and three contractors in the split; the five others beside it.
    expect(analytics.companies).toEqual([
      { kind: "PRODUCT", count: 2, sharePercent: 40 },
      { kind: "CONTRACT", count: 3, sharePercent: 60 },
    ]);
    expect(analytics.otherParticipants).toEqual([
      { kind: "OUTSIDE_CUSTOMER", count: 1 },
      { kind: "RESEARCH_INSTITUTE", count: 1 },
      { kind: "UNIVERSITY", count: 1 },
      { kind: "SUPPLIER", count: 1 },
      { kind: "FINANCIAL_INSTITUTION", count: 1 },
    ]);
    // Participation counts those who trade: 5 of the split, the outside customer and the institute.
    expect(analytics.participation.companies).toBe(7);
  });

  it("lets a research institute test like a contractor, and not order", async () => {
    const { token } = members.institute;
    const offer = await server.gql(DECLARE_OFFER, { input: { capabilityId: market.capabilityId, unitPrice: { amount: "900.00" }, engineerHoursPerUnit: 0.5, minLeadDays: 5, minLot: 1, maxLot: 1000 } }, token);
    expect(offer.data.declareCapabilityOffer.userErrors).toEqual([]);
    expect((await server.gql(ADD_ENGINEER, { input: { name: "Lab engineer", role: "ENGINEER" } }, token)).data.addEngineer.userErrors).toEqual([]);
    const orderId = (await post(market.startup.token)).order.id;
    const bid = await server.gql(SUBMIT_BID, { input: bidInput(server, orderId, { minLot: 1, maxQuantity: 100, unitPrice: { amount: "900.00" } }) }, token);
    expect(bid.data.submitBid.userErrors).toEqual([]);
    expect((await post(token)).userErrors).toEqual([expect.objectContaining({ code: "MAY_NOT_ORDER" })]);
    // It has a scorecard, as a contractor does.
    expect((await server.gql(SCORECARD, { id: members.institute.id }, members.bank.token)).data.node.scorecard).not.toBeNull();
  });

  it("lets a university and a supplier watch the market, neither ordering nor bidding", async () => {
    const orderId = (await post(market.startup.token)).order.id;
    for (const { token } of [members.university, members.supplier]) {
      expect((await server.gql(OPEN, {}, token)).data.openOrders.nodes.map((o: { id: string }) => o.id)).toContain(orderId);
      expect((await post(token)).userErrors).toEqual([expect.objectContaining({ code: "MAY_NOT_ORDER" })]);
      const bid = await server.gql(SUBMIT_BID, { input: bidInput(server, orderId, { minLot: 1, maxQuantity: 100 }) }, token);
      expect(bid.data.submitBid.userErrors).toEqual([expect.objectContaining({ code: "MAY_NOT_PRODUCE" })]);
      expect(errorCode(await server.gql(ANALYTICS, { parkId: market.parkId, from: dateIn(server, -30), to: dateIn(server, 0) }, token))).toBe("FORBIDDEN");
    }
    // What runs short is what a university trains for.
    expect((await server.gql(HEAT, { parkId: market.parkId }, members.university.token)).data.capacityHeatMap.capabilities.length).toBeGreaterThan(0);
    expect(errorCode(await server.gql(HEAT, { parkId: market.parkId }, members.supplier.token))).toBe("FORBIDDEN");
  });

  it("shows a bank what an investor sees, and nothing of a company's own figures", async () => {
    const { token } = members.bank;
    expect((await server.gql(ANALYTICS, { parkId: market.parkId, from: dateIn(server, -30), to: dateIn(server, 0) }, token)).data.clusterAnalytics.companies).toHaveLength(2);
    expect((await server.gql(HEAT, { parkId: market.parkId }, token)).errors).toBeUndefined();
    expect((await server.gql(INVESTMENTS, { parkId: market.parkId }, token)).errors).toBeUndefined();
    expect((await server.gql(SCORECARD, { id: market.contractors[0].id }, token)).data.node.scorecard).not.toBeNull();
    expect(errorCode(await server.gql(OPEN, {}, token))).toBe("FORBIDDEN");
    const load = await server.gql(`query($id: ID) { loadReport(companyId: $id) { weeksBookedAhead } }`, { id: market.contractors[0].id }, token);
    expect(load.data?.loadReport ?? null).toBeNull();
    expect((await post(token)).userErrors).toEqual([expect.objectContaining({ code: "MAY_NOT_ORDER" })]);
  });
});

describe("production cooperation, as a cluster measures it", () => {
  const AWARD_ORDER = `mutation($input: AwardOrderInput!) { awardOrder(input: $input) { contracts { value { minorUnits } contractor { name } } userErrors { code message } } }`;
  const POST_CHAIN = `mutation($input: PostChainInput!) { postChain(input: $input) { chain { id } userErrors { code field message } } }`;
  const CHAIN_PLAN = `query($id: ID!) { node(id: $id) { ... on Chain { plans { cheapest { key } noPlanReason { message } } } } }`;
  const AWARD_CHAIN = `mutation($input: AwardChainInput!) { awardChain(input: $input) { contracts { value { minorUnits } contractor { name } } userErrors { code message } } }`;
  const VOLUME = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
    orderVolume { value { minorUnits } membersValue { minorUnits } membersProducedInPark { minorUnits } sourcedOutside { minorUnits } productionCooperationPercent referenceCooperationPercent } } }`;
  type Awarded = { value: { minorUnits: string }; contractor: { name: string } }[];

  async function awardedOrder(customer: RegisteredCompany, split: [RegisteredCompany, string, number][]): Promise<Awarded> {
    const posted = await post(customer.token);
    expect(posted.userErrors).toEqual([]);
    const allocations = [];
    for (const [bidder, , quantity] of split) {
      const bid = await server.gql(SUBMIT_BID, { input: bidInput(server, posted.order.id, { minLot: 1, maxQuantity: 100 }) }, bidder.token);
      expect(bid.data.submitBid.userErrors).toEqual([]);
      allocations.push({ bidId: bid.data.submitBid.bid.id, quantity });
    }
    const award = (await server.gql(AWARD_ORDER, { input: { orderId: posted.order.id, allocations } }, customer.token)).data.awardOrder;
    expect(award.userErrors).toEqual([]);
    return award.contracts;
  }

  it("counts the share of the members' products their own members made, parts bought outside included, outside customers' orders left out", async () => {
    const before = (await server.gql(VOLUME, { parkId: clusterId, from: dateIn(server, -30), to: dateIn(server, 0) }, market.coordinator)).data.clusterAnalytics.orderVolume;
    // The integrator's order: 60 units made by the cluster's foundry, 40 by a technopark's contractor.
    const single = await awardedOrder(members.integrator, [
      [members.foundry, "Voronezh Foundry", 60],
      [market.contractors[0], "Alpha Fab", 40],
    ]);
    // An outside customer's order in the cluster: volume, not the members' products.
    const clusterCustomer = await registerCompany(server, clusterId, "Volga Pipeline Localisation", "OUTSIDE_CUSTOMER");
    const outsider = await awardedOrder(clusterCustomer, [[members.foundry, "Voronezh Foundry", 100]]);
    // The integrator's chain, with forgings bought outside the cluster for 30,000.00.
    const chain = (
      await server.gql(
        POST_CHAIN,
        {
          input: {
            title: "Valve housing",
            quantity: 10,
            neededBy: dateIn(server, 90),
            biddingClosesAt: new Date(server.now().getTime() + 14 * 86_400_000).toISOString(),
            stages: [
              { key: "assembly", title: "Housing assembly", capabilityId: market.capabilityId, sourcingPolicy: {} },
              { key: "casting", title: "Housing casting", capabilityId: market.capabilityId, feeds: "assembly", sourcingPolicy: {} },
            ],
            outsideStages: [{ title: "Forgings, Ural Forge", feeds: "casting", value: { amount: "30000.00" }, leadDays: 3 }],
          },
        },
        members.integrator.token,
      )
    ).data.postChain;
    expect(chain.userErrors).toEqual([]);
    const plans = (await server.gql(CHAIN_PLAN, { id: chain.chain.id }, members.integrator.token)).data.node.plans;
    expect(plans.noPlanReason).toBeNull();
    const awarded = (await server.gql(AWARD_CHAIN, { input: { chainId: chain.chain.id, planKey: plans.cheapest.key } }, members.integrator.token)).data.awardChain;
    expect(awarded.userErrors).toEqual([]);
    // Never the integrator's own offer: it orders from the others.
    expect(awarded.contracts.map((c: Awarded[number]) => c.contractor.name)).not.toContain("Valve Assembly Works");

    const after = (await server.gql(VOLUME, { parkId: clusterId, from: dateIn(server, -30), to: dateIn(server, 0) }, market.coordinator)).data.clusterAnalytics.orderVolume;
    const sum = (contracts: Awarded, made?: (name: string) => boolean) => contracts.filter((c) => !made || made(c.contractor.name)).reduce((s, c) => s + Number(c.value.minorUnits), 0);
    const inCluster = (name: string) => name === "Voronezh Foundry";
    const delta = (field: string) => Number(after[field].minorUnits) - Number(before[field].minorUnits);
    expect(delta("value")).toBe(sum(single) + sum(outsider) + sum(awarded.contracts));
    expect(delta("membersValue")).toBe(sum(single) + sum(awarded.contracts));
    expect(delta("membersProducedInPark")).toBe(sum(single, inCluster) + sum(awarded.contracts, inCluster));
    expect(delta("sourcedOutside")).toBe(3_000_000);
    const made = Number(after.membersProducedInPark.minorUnits);
    const whole = Number(after.membersValue.minorUnits) + Number(after.sourcedOutside.minorUnits);
    expect(after.productionCooperationPercent).toBeCloseTo((100 * made) / whole, 1);
    expect(after.productionCooperationPercent).toBeLessThan(100);
    expect(after.referenceCooperationPercent).toBe(54);
  });
});
