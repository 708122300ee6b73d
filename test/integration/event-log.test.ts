import { events } from "../../src/db/schema";
import { systemContext } from "../../src/core/request-context";
import { createLogger } from "../../src/core/logger";
import { ACCEPT_DELIVERY, AWARD, buildMarket, DAY, postOrder, RECORD_DELIVERY, REJECT_DELIVERY, START, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The domain event log: every state change is an event row written in the change's own
 * transaction, and an order's timeline reads it, filtered like the order's bids and contracts.
 */
let server: TestServer;
let market: Market;

const TIMELINE = `query($id: ID!) { node(id: $id) { ... on Order { timeline(first: 100) { nodes { type actorName fromStatus toStatus bidId contractId deliveryId quantity engineerHours note } } history { nodes { fromStatus toStatus } } } } }`;

const timeline = async (orderId: string, token: string) => (await server.gql(TIMELINE, { id: orderId }, token)).data.node.timeline.nodes as any[];
const eventCount = async () => (await server.database.db.select({ id: events.id }).from(events)).length;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});

afterAll(() => server.close());

describe("the event log", () => {
  let orderId: string;
  let alphaBid: string;
  let betaBid: string;
  let gammaBid: string;
  let contracts: { id: string; contractor: { id: string } }[];

  it("records an order's whole life, in order, with who acted and the ids it concerns", async () => {
    const [alpha, beta, gamma] = market.contractors;
    orderId = await postOrder(server, market, { quantity: 400, sourcingPolicy: { maxSharePercent: 60, minContractors: 2 } });
    alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 100, maxQuantity: 240 });
    betaBid = await submitBid(server, beta.token, orderId, { minLot: 100, maxQuantity: 240, unitPrice: { amount: "1100.00" } });
    gammaBid = await submitBid(server, gamma.token, orderId, { minLot: 100, maxQuantity: 240, unitPrice: { amount: "1300.00" } });
    const revised = await server.gql(`mutation($input: ReviseBidInput!) { reviseBid(input: $input) { userErrors { code } } }`, { input: { bidId: alphaBid, leadTimeDays: 25 } }, alpha.token);
    expect(revised.data.reviseBid.userErrors).toEqual([]);
    const award = await server.gql(
      AWARD,
      { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 200 }, { bidId: betaBid, quantity: 200 }] } },
      market.startup.token,
    );
    expect(award.data.awardOrder.userErrors).toEqual([]);
    contracts = award.data.awardOrder.contracts;
    const alphaContract = contracts.find((c) => c.contractor.id === alpha.id)!.id;
    expect((await server.gql(START, { input: { contractId: alphaContract } }, alpha.token)).data.startContractProduction.userErrors).toEqual([]);
    const first = (await server.gql(RECORD_DELIVERY, { input: { contractId: alphaContract, quantity: 200 } }, alpha.token)).data.recordDelivery;
    expect(first.userErrors).toEqual([]);
    const rejected = await server.gql(REJECT_DELIVERY, { input: { deliveryId: first.delivery.id, reason: "Porosity in the lay-up." } }, market.startup.token);
    expect(rejected.data.rejectDelivery.userErrors).toEqual([]);
    const second = (await server.gql(RECORD_DELIVERY, { input: { contractId: alphaContract, quantity: 200 } }, alpha.token)).data.recordDelivery;
    const accepted = await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: second.delivery.id } }, market.startup.token);
    expect(accepted.data.acceptDelivery.userErrors).toEqual([]);

    const events = await timeline(orderId, market.startup.token);
    expect(events.map((e) => e.type)).toEqual([
      "ORDER_POSTED",
      "BID_PLACED",
      "BID_PLACED",
      "BID_PLACED",
      "BID_REVISED",
      "ORDER_AWARDED",
      "BID_AWARDED",
      "BID_AWARDED",
      "BID_NOT_AWARDED",
      "CONTRACT_AWARDED",
      "CONTRACT_AWARDED",
      "CONTRACT_STARTED",
      "ORDER_IN_PRODUCTION",
      "DELIVERY_RECORDED",
      "DELIVERY_REJECTED",
      "DELIVERY_RECORDED",
      "DELIVERY_ACCEPTED",
      "CONTRACT_COMPLETED",
    ]);
    const byType = (type: string) => events.filter((e) => e.type === type);
    expect(byType("BID_PLACED").map((e) => e.bidId)).toEqual([alphaBid, betaBid, gammaBid]);
    expect(byType("BID_PLACED")[0]).toMatchObject({ actorName: "Alpha Fab admin", fromStatus: null, toStatus: "LIVE" });
    expect(byType("BID_REVISED")[0]).toMatchObject({ bidId: alphaBid, note: "Revision 2." });
    expect(byType("BID_NOT_AWARDED")[0]).toMatchObject({ bidId: gammaBid, fromStatus: "LIVE", toStatus: "NOT_AWARDED", actorName: "Composite Startup admin" });
    // 200 units at 0.5 engineer-hours each: the contractor's internal figure, which its customer does not see.
    expect(byType("CONTRACT_AWARDED").map((e) => [e.quantity, e.engineerHours])).toEqual([
      [200, null],
      [200, null],
    ]);
    const seenByCoordinator = await timeline(orderId, market.coordinator);
    expect(seenByCoordinator.filter((e) => e.type === "CONTRACT_AWARDED").map((e) => [e.quantity, e.engineerHours])).toEqual([
      [200, 100],
      [200, 100],
    ]);
    // The rejected units are made again: their hours booked anew (the customer is told when, not how many hours).
    expect(byType("DELIVERY_REJECTED")[0]).toMatchObject({ deliveryId: first.delivery.id, quantity: 200, engineerHours: null, fromStatus: "PENDING", toStatus: "REJECTED" });
    expect(byType("DELIVERY_REJECTED")[0].note).toMatch(/^Porosity in the lay-up\. Made again, they are expected by \d{4}-\d{2}-\d{2}\.$/);
    expect(seenByCoordinator.find((e) => e.type === "DELIVERY_REJECTED")).toMatchObject({ engineerHours: 100 });
    expect(byType("CONTRACT_COMPLETED")[0]).toMatchObject({ contractId: alphaContract, toStatus: "ACCEPTED", quantity: 200 });
    // The history is the order's own state changes, from the same log.
    const history = (await server.gql(TIMELINE, { id: orderId }, market.startup.token)).data.node.history.nodes;
    expect(history).toEqual([
      { fromStatus: null, toStatus: "OPEN" },
      { fromStatus: "OPEN", toStatus: "AWARDED" },
      { fromStatus: "AWARDED", toStatus: "IN_PRODUCTION" },
    ]);
  });

  it("shows a contractor the order's own changes and what concerns it, never a competitor's bid", async () => {
    const [alpha, , gamma] = market.contractors;
    const seenByGamma = await timeline(orderId, gamma.token);
    expect(seenByGamma.map((e) => e.type)).toEqual(["ORDER_POSTED", "BID_PLACED", "ORDER_AWARDED", "BID_NOT_AWARDED", "ORDER_IN_PRODUCTION"]);
    expect(seenByGamma.filter((e) => e.bidId !== null).every((e) => e.bidId === gammaBid)).toBe(true);
    const seenByAlpha = await timeline(orderId, alpha.token);
    expect(seenByAlpha.some((e) => e.bidId === betaBid || e.bidId === gammaBid)).toBe(false);
    expect(seenByAlpha.filter((e) => e.type.startsWith("DELIVERY_"))).toHaveLength(4);
    expect(seenByAlpha.filter((e) => e.type === "CONTRACT_AWARDED").map((e) => e.engineerHours)).toEqual([100]);
    // The coordinator sees everything the owner does, and the contractors' engineer-hours besides.
    const withoutHours = (events: { engineerHours: number | null }[]) => events.map((e) => ({ ...e, engineerHours: null }));
    expect(withoutHours(await timeline(orderId, market.coordinator))).toEqual(await timeline(orderId, market.startup.token));
  });

  it("writes no event for a refused change", async () => {
    const [alpha] = market.contractors;
    const before = await eventCount();
    const refused = await server.gql(
      AWARD,
      { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 400 }] } },
      market.startup.token,
    );
    expect(refused.data.awardOrder.userErrors[0].code).toBe("INVALID_STATE");
    const withdraw = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: alphaBid } }, alpha.token);
    expect(withdraw.data.withdrawBid.userErrors[0].code).toBe("INVALID_STATE");
    // A refused award of an open order (a bid of another order) leaves only the posting's event.
    const open = await postOrder(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const afterPost = await eventCount();
    const short = await server.gql(AWARD, { input: { orderId: open, allocations: [{ bidId: alphaBid, quantity: 100 }] } }, market.startup.token);
    expect(short.data.awardOrder.userErrors[0].code).toBe("NOT_FOUND");
    expect(afterPost).toBe(before + 1);
    expect(await eventCount()).toBe(afterPost);
  });

  it("records a withdrawal, and the platform's expiry of orders and bids once", async () => {
    const [alpha, beta] = market.contractors;
    const order = await postOrder(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 }, biddingClosesAt: new Date(server.now().getTime() + 2 * DAY).toISOString() });
    const withdrawn = await submitBid(server, alpha.token, order, { minLot: 1, maxQuantity: 100, validUntil: new Date(server.now().getTime() + 40 * DAY).toISOString() });
    const lapsing = await submitBid(server, beta.token, order, { minLot: 1, maxQuantity: 100, validUntil: new Date(server.now().getTime() + 3 * DAY).toISOString() });
    const withdraw = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: withdrawn } }, alpha.token);
    expect(withdraw.data.withdrawBid.userErrors).toEqual([]);

    const sweep = () => server.app.services.orders.expireOverdue(systemContext(server.database.store, createLogger("warn"), server.now()));
    server.advance(4 * DAY);
    expect(await sweep()).toBe(0);
    expect(await sweep()).toBe(0);
    server.advance(30 * DAY);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const events = await timeline(order, market.startup.token);
    expect(events.map((e) => [e.type, e.bidId, e.actorName])).toEqual([
      ["ORDER_POSTED", null, "Composite Startup admin"],
      ["BID_PLACED", withdrawn, "Alpha Fab admin"],
      ["BID_PLACED", lapsing, "Beta Works admin"],
      ["BID_WITHDRAWN", withdrawn, "Alpha Fab admin"],
      // Once, though the sweep ran twice after the bid's validity ended.
      ["BID_EXPIRED", lapsing, "platform"],
      ["ORDER_EXPIRED", null, "platform"],
      ["BID_NOT_AWARDED", lapsing, "platform"],
    ]);
  });
});
