import { addDays } from "../../src/shared/time";
import { AWARD, buildMarket, DAY, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Transaction-cost indicators over HTTP: two periods of 20 days. In the first, two orders: one
 * bid on twice and awarded after 10 days, one bid on once and cancelled. In the second, two
 * orders: one bid on from an instant quote and by hand, awarded after 4 days; one bid on from an
 * instant quote only, not awarded yet.
 */
const QUOTE_BID = `mutation($input: BidFromInstantQuoteInput!) { bidFromInstantQuote(input: $input) { bid { id source } userErrors { code field message } } }`;
const FIGURES = "ordersPosted ordersAwarded awardedSharePercent meanDaysToAward medianDaysToAward bids bidsPerOrder quotedBids quotedBidSharePercent";
const COSTS = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
  transactionCosts { current { ${FIGURES} } previous { ${FIGURES} } daysToAwardReductionPercent benchmark { measure value reference referenceUpTo meets source } } } }`;

let server: TestServer;
let market: Market;
let day0: string;
const single = { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } };
const lot = { minLot: 1, maxQuantity: 100 };

async function award(orderId: string, bidId: string) {
  const res = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 100 }] } }, market.startup.token);
  expect(res.data.awardOrder.userErrors).toEqual([]);
}

async function quoteBid(token: string, orderId: string): Promise<{ id: string; source: string }> {
  const res = await server.gql(QUOTE_BID, { input: { orderId, quantity: 100 } }, token);
  expect(res.data.bidFromInstantQuote.userErrors).toEqual([]);
  return res.data.bidFromInstantQuote.bid;
}

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  day0 = dateIn(server, 0);
  const [alpha, beta, gamma] = market.contractors;
  // The period before.
  const first = await postOrder(server, market, single);
  const firstBid = await submitBid(server, alpha.token, first, lot);
  await submitBid(server, beta.token, first, lot);
  const second = await postOrder(server, market, single);
  await submitBid(server, gamma.token, second, lot);
  expect((await server.gql(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`, { input: { orderId: second } }, market.startup.token)).data.cancelOrder.userErrors).toEqual([]);
  server.advance(10 * DAY);
  await award(first, firstBid);
  // The period reported.
  server.advance(10 * DAY);
  const third = await postOrder(server, market, single);
  const quoted = await quoteBid(alpha.token, third);
  expect(quoted.source).toBe("INSTANT_QUOTE");
  await submitBid(server, beta.token, third, lot);
  const fourth = await postOrder(server, market, single);
  await quoteBid(gamma.token, fourth);
  server.advance(4 * DAY);
  await award(third, quoted.id);
}, 30_000);
afterAll(() => server.close());

describe("transaction-cost indicators", () => {
  it("measure days to award, bids per order, the share awarded and the share of bids from instant quotes, against the period before", async () => {
    const res = await server.gql(COSTS, { parkId: market.parkId, from: addDays(day0, 20), to: addDays(day0, 39) }, market.coordinator);
    expect(res.errors).toBeUndefined();
    const costs = res.data.clusterAnalytics.transactionCosts;
    expect(costs.previous).toEqual({ ordersPosted: 2, ordersAwarded: 1, awardedSharePercent: 50, meanDaysToAward: 10, medianDaysToAward: 10, bids: 3, bidsPerOrder: 1.5, quotedBids: 0, quotedBidSharePercent: 0 });
    expect(costs.current).toEqual({ ordersPosted: 2, ordersAwarded: 1, awardedSharePercent: 50, meanDaysToAward: 4, medianDaysToAward: 4, bids: 3, bidsPerOrder: 1.5, quotedBids: 2, quotedBidSharePercent: 66.7 });
    // 10 days to 4: 60 % shorter, beside the 23-40 % standard APIs save.
    expect(costs.daysToAwardReductionPercent).toBe(60);
    expect(costs.benchmark).toMatchObject({ measure: "TRANSACTION_TIME_SAVING", value: 60, reference: 23, referenceUpTo: 40, meets: true });
  });

  it("has nothing to compare in a period without orders", async () => {
    const costs = (await server.gql(COSTS, { parkId: market.parkId, from: addDays(day0, 100), to: addDays(day0, 119) }, market.coordinator)).data.clusterAnalytics.transactionCosts;
    expect(costs.current).toEqual({ ordersPosted: 0, ordersAwarded: 0, awardedSharePercent: null, meanDaysToAward: null, medianDaysToAward: null, bids: 0, bidsPerOrder: null, quotedBids: 0, quotedBidSharePercent: null });
    expect(costs).toMatchObject({ daysToAwardReductionPercent: null, benchmark: { value: null, meets: null } });
  });

  it("tells each bid's source to its bidder and the customer", async () => {
    const mine = await server.gql(`{ myBids { nodes { source } } }`, {}, market.contractors[0].token);
    expect(mine.data.myBids.nodes.map((b: { source: string }) => b.source).sort()).toEqual(["INSTANT_QUOTE", "SUBMITTED"]);
  });
});
