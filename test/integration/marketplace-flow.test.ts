import { systemContext } from "../../src/core/request-context";
import { createLogger } from "../../src/core/logger";
import { snapshot } from "../support/fixtures";
import { AWARD, DAY, START, buildMarket, dateIn, deliverAndAccept, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";
import { sql } from "drizzle-orm";
import { count } from "../support/sql";

let server: TestServer;
let market: Market;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterAll(() => server.close());

const ORDER_VIEW = `query($id: ID!) {
  node(id: $id) {
    ... on Order {
      status
      bids { nodes { id company { name } terms { unitPrice { amount } } } }
      contracts { nodes { quantity company: contractor { name } } }
      history { nodes { fromStatus toStatus actorName } }
    }
  }
}`;

describe("the marketplace flow, end to end over HTTP", () => {
  it("posts, bids sealed, awards to two contractors, produces, delivers and completes", async () => {
    const [alpha, beta, gamma] = market.contractors;
    const orderId = await postOrder(server, market);

    const alphaBid = await submitBid(server, alpha.token, orderId, { unitPrice: { amount: "1100.00" }, maxQuantity: 600, leadTimeDays: 40 });
    const betaBid = await submitBid(server, beta.token, orderId, { unitPrice: { amount: "1150.50" }, minLot: 200, maxQuantity: 500, leadTimeDays: 20 });
    const gammaBid = await submitBid(server, gamma.token, orderId, { unitPrice: { amount: "1400.00" } });

    // The owner sees all three bids, with who made them.
    const owner = (await server.gql(ORDER_VIEW, { id: orderId }, market.startup.token)).data.node;
    expect(owner.bids.nodes.map((b: any) => [b.company.name, b.terms.unitPrice.amount])).toEqual([
      ["Alpha Fab", "1100.00"],
      ["Beta Works", "1150.50"],
      ["Gamma Plant", "1400.00"],
    ]);

    // Each contractor sees only its own bid: through the order, through node(id) and myBids.
    for (const [contractor, own] of [[alpha, alphaBid], [beta, betaBid], [gamma, gammaBid]] as const) {
      const view = (await server.gql(ORDER_VIEW, { id: orderId }, contractor.token)).data.node;
      expect(view.bids.nodes.map((b: any) => b.id)).toEqual([own]);
      expect(view.history).toBeNull();
      const nodes = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [alphaBid, betaBid, gammaBid] }, contractor.token);
      expect(nodes.data.nodes.filter(Boolean).map((n: any) => n.id)).toEqual([own]);
      const mine = await server.gql(`{ myBids { nodes { id order { id } } } }`, {}, contractor.token);
      expect(mine.data.myBids.nodes).toEqual([{ id: own, order: { id: orderId } }]);
      // Counts are sealed too: a bidder counts its own bid, not its competitors'.
      const counted = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { bids(first: 0) { totalCount } timeline(first: 0) { totalCount } } } }`, { id: orderId }, contractor.token);
      expect(counted.data.node).toEqual({ bids: { totalCount: 1 }, timeline: { totalCount: 2 } });
    }
    const counted = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { bids(first: 0) { totalCount } timeline(first: 0) { totalCount } } } }`, { id: orderId }, market.startup.token);
    expect(counted.data.node).toEqual({ bids: { totalCount: 3 }, timeline: { totalCount: 4 } });
    // The order's card: live bids, the lowest, what is awarded; the owner's and the coordinator's figures.
    const CARD = `query($id: ID!) { node(id: $id) { ... on Order { bidCount lowestBid { amount } awardedValue { amount } } } }`;
    expect((await server.gql(CARD, { id: orderId }, market.startup.token)).data.node).toEqual({ bidCount: 3, lowestBid: { amount: "1100.00" }, awardedValue: { amount: "0.00" } });
    expect((await server.gql(CARD, { id: orderId }, market.coordinator)).data.node).toEqual({ bidCount: 3, lowestBid: { amount: "1100.00" }, awardedValue: { amount: "0.00" } });
    expect((await server.gql(CARD, { id: orderId }, alpha.token)).data.node).toEqual({ bidCount: null, lowestBid: null, awardedValue: null });
    // Another startup sees neither the order nor its bids.
    expect((await server.gql(ORDER_VIEW, { id: orderId }, market.otherStartup.token)).data.node).toBeNull();
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: alphaBid }, market.otherStartup.token)).data.node).toBeNull();

    // The owner splits 1000 units: 600 to Alpha (the 60 % limit), 400 to Beta.
    const award = await server.gql(
      AWARD,
      { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 600 }, { bidId: betaBid, quantity: 400 }] } },
      market.startup.token,
    );
    expect(award.data.awardOrder.userErrors).toEqual([]);
    expect(award.data.awardOrder.order.status).toBe("AWARDED");
    expect(award.data.awardOrder.contracts).toEqual([
      {
        id: expect.any(String),
        quantity: 600,
        unitPrice: { amount: "1100.00" },
        value: { amount: "660000.00", minorUnits: "66000000" },
        promisedDate: dateIn(server, 40),
        status: "AWARDED",
        contractor: { id: alpha.id },
        customer: { id: market.startup.id },
      },
      {
        id: expect.any(String),
        quantity: 400,
        unitPrice: { amount: "1150.50" },
        value: { amount: "460200.00", minorUnits: "46020000" },
        promisedDate: dateIn(server, 20),
        status: "AWARDED",
        contractor: { id: beta.id },
        customer: { id: market.startup.id },
      },
    ]);
    const statuses = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Bid { status } } }`, { ids: [alphaBid, betaBid, gammaBid] }, market.coordinator);
    expect(statuses.data.nodes.map((n: any) => n.status)).toEqual(["AWARDED", "AWARDED", "NOT_AWARDED"]);

    // 600 x 1100.00 + 400 x 1150.50; no bid is live any more.
    expect((await server.gql(CARD, { id: orderId }, market.startup.token)).data.node).toEqual({ bidCount: 0, lowestBid: null, awardedValue: { amount: "1120200.00" } });

    // The losing contractor no longer sees the order's contracts, only its own bid.
    const gammaView = (await server.gql(ORDER_VIEW, { id: orderId }, gamma.token)).data.node;
    expect(gammaView.contracts.nodes).toEqual([]);
    // A winner sees its own contract only.
    const alphaView = (await server.gql(ORDER_VIEW, { id: orderId }, alpha.token)).data.node;
    expect(alphaView.contracts.nodes).toEqual([{ quantity: 600, company: { name: "Alpha Fab" } }]);

    // Production starts with the first contractor; the order completes when every contract is accepted.
    const [alphaContract, betaContract] = award.data.awardOrder.contracts.map((c: any) => c.id);
    const start = await server.gql(START, { input: { contractId: alphaContract } }, alpha.token);
    expect(start.data.startContractProduction).toEqual({ contract: { status: "IN_PRODUCTION", order: { status: "IN_PRODUCTION" } }, userErrors: [] });
    const alphaDone = await deliverAndAccept(server, alpha.token, market.startup.token, alphaContract, 600);
    expect(alphaDone.contract).toMatchObject({ status: "ACCEPTED", acceptedValue: { amount: "660000.00" }, order: { status: "IN_PRODUCTION" } });
    const betaDone = await deliverAndAccept(server, beta.token, market.startup.token, betaContract, 400, true);
    expect(betaDone.contract).toMatchObject({ status: "ACCEPTED", acceptedValue: { amount: "460200.00" }, order: { status: "COMPLETED" } });

    const history = (await server.gql(ORDER_VIEW, { id: orderId }, market.startup.token)).data.node.history.nodes;
    expect(history).toEqual([
      { fromStatus: null, toStatus: "OPEN", actorName: "Composite Startup admin" },
      { fromStatus: "OPEN", toStatus: "AWARDED", actorName: "Composite Startup admin" },
      { fromStatus: "AWARDED", toStatus: "IN_PRODUCTION", actorName: "Alpha Fab admin" },
      { fromStatus: "IN_PRODUCTION", toStatus: "COMPLETED", actorName: "Composite Startup admin" },
    ]);
    // Newest first by default: Beta's contract was made after Alpha's.
    const contracts = await server.gql(`{ myContracts { nodes { status quantity } } }`, {}, market.startup.token);
    expect(contracts.data.myContracts.nodes).toEqual([
      { status: "ACCEPTED", quantity: 400 },
      { status: "ACCEPTED", quantity: 600 },
    ]);
  });

  it("lets exactly one of two simultaneous awards of the same order succeed", async () => {
    const [alpha, beta, gamma] = market.contractors;
    const orderId = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bids = [
      await submitBid(server, alpha.token, orderId, { maxQuantity: 1000, minLot: 1 }),
      await submitBid(server, beta.token, orderId, { maxQuantity: 1000, minLot: 1 }),
      await submitBid(server, gamma.token, orderId, { maxQuantity: 1000, minLot: 1 }),
    ];
    const results = await Promise.all(
      bids.map((bidId) => server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 1000 }] } }, market.startup.token)),
    );
    const outcomes = results.map((r) => r.data.awardOrder.userErrors.map((e: any) => e.code));
    expect(outcomes.filter((codes) => codes.length === 0)).toHaveLength(1);
    expect(outcomes.filter((codes) => codes.includes("INVALID_STATE"))).toHaveLength(2);
    expect(await count(server.database, sql`select count(*) as n from contracts where order_id = (select max(id) from orders)`)).toBe(1);
  });

  it("takes bids until bidding closes, awards within the window after, and expires the order after that", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market, { biddingClosesAt: new Date(server.now().getTime() + 2 * DAY).toISOString() });
    const alphaBid = await submitBid(server, alpha.token, orderId);
    server.advance(3 * DAY);
    const late = await server.gql(
      `mutation($input: SubmitBidInput!) { submitBid(input: $input) { userErrors { code field } } }`,
      { input: { orderId, unitPrice: { amount: "900" }, minLot: 1, maxQuantity: 400, leadTimeDays: 10, validUntil: new Date(server.now().getTime() + DAY).toISOString() } },
      beta.token,
    );
    expect(late.data.submitBid.userErrors).toEqual([{ code: "BIDDING_CLOSED", field: ["orderId"] }]);
    const revise = await server.gql(`mutation($input: ReviseBidInput!) { reviseBid(input: $input) { userErrors { code } } }`, { input: { bidId: alphaBid, leadTimeDays: 25 } }, alpha.token);
    expect(revise.data.reviseBid.userErrors).toEqual([{ code: "BIDDING_CLOSED" }]);

    const view = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { status acceptingBids } } }`, { id: orderId }, market.startup.token);
    expect(view.data.node).toEqual({ status: "OPEN", acceptingBids: false });

    server.advance(14 * DAY);
    const expired = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { status } } }`, { id: orderId }, market.startup.token);
    expect(expired.data.node.status).toBe("EXPIRED");
    const before = await snapshot(server);
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 600 }] } }, market.startup.token);
    expect(award.data.awardOrder.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATE"]);
    expect(await snapshot(server)).toEqual(before);
    // A contractor that did not bid no longer sees the expired order; the bidder still does.
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: orderId }, beta.token)).data.node).toBeNull();
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: orderId }, alpha.token)).data.node).toEqual({ id: orderId });

    // The periodic sweep records the expiry and closes the live bids.
    expect(await server.app.services.orders.expireOverdue(systemContext(server.database.store, createLogger("warn"), server.now()))).toBeGreaterThanOrEqual(1);
    const after = await server.gql(
      `query($id: ID!, $bid: ID!) { order: node(id: $id) { ... on Order { history { nodes { toStatus actorName } } } } bid: node(id: $bid) { ... on Bid { status } } }`,
      { id: orderId, bid: alphaBid },
      market.startup.token,
    );
    expect(after.data.order.history.nodes.at(-1)).toEqual({ toStatus: "EXPIRED", actorName: "platform" });
    expect(after.data.bid.status).toBe("NOT_AWARDED");
  });
});
