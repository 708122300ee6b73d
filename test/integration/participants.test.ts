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
