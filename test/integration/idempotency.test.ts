import { snapshot } from "../support/fixtures";
import { AWARD, POST_ORDER, SUBMIT_BID, bidInput, buildMarket, orderInput, postOrder, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let market: Market;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterAll(() => server.close());

describe("idempotency keys", () => {
  it("replays postOrder: the same key and input return the first order and write nothing", async () => {
    const input = { ...orderInput(server, market), idempotencyKey: "post-housings-1" };
    const first = await server.gql(POST_ORDER, { input }, market.startup.token);
    expect(first.data.postOrder.userErrors).toEqual([]);
    const before = await snapshot(server);
    const replay = await server.gql(POST_ORDER, { input }, market.startup.token);
    expect(replay.data.postOrder).toEqual(first.data.postOrder);
    expect(await snapshot(server)).toEqual(before);

    const other = await server.gql(POST_ORDER, { input: { ...input, quantity: 999 } }, market.startup.token);
    expect(other.data.postOrder.userErrors.map((e: any) => [e.code, e.field.join(".")])).toEqual([["IDEMPOTENCY_KEY_REUSED", "idempotencyKey"]]);
    expect(await snapshot(server)).toEqual(before);
  });

  it("keeps keys per company, and stores none for a refused request", async () => {
    const input = { ...orderInput(server, market, { quantity: 0 }), idempotencyKey: "shared-key" };
    const refused = await server.gql(POST_ORDER, { input }, market.startup.token);
    expect(refused.data.postOrder.userErrors[0].code).toBe("OUT_OF_RANGE");
    const corrected = await server.gql(POST_ORDER, { input: { ...input, quantity: 10 } }, market.startup.token);
    expect(corrected.data.postOrder.userErrors).toEqual([]);
    const elsewhere = await server.gql(POST_ORDER, { input: { ...input, quantity: 20 } }, market.otherStartup.token);
    expect(elsewhere.data.postOrder.userErrors).toEqual([]);
    expect(elsewhere.data.postOrder.order.id).not.toBe(corrected.data.postOrder.order.id);
  });

  it("replays submitBid and awardOrder without a second bid, contract or booking", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market);
    const input = bidInput(server, orderId, { minLot: 1, maxQuantity: 600 });
    const bid = async (token: string, key: string) => (await server.gql(SUBMIT_BID, { input: { ...input, idempotencyKey: key } }, token)).data.submitBid;
    const alphaBid = await bid(alpha.token, "bid-1");
    expect(await bid(alpha.token, "bid-1")).toEqual(alphaBid);
    const betaBid = await bid(beta.token, "bid-1");
    expect(betaBid.bid.id).not.toBe(alphaBid.bid.id);

    const award = { orderId, allocations: [{ bidId: alphaBid.bid.id, quantity: 600 }, { bidId: betaBid.bid.id, quantity: 400 }], idempotencyKey: "award-1" };
    const first = await server.gql(AWARD, { input: award }, market.startup.token);
    expect(first.data.awardOrder.userErrors).toEqual([]);
    const before = await snapshot(server);
    const replay = await server.gql(AWARD, { input: award }, market.startup.token);
    expect(replay.data.awardOrder).toEqual(first.data.awardOrder);
    expect(await snapshot(server)).toEqual(before);
    // Without the key, the same award is the second award it is: refused.
    const again = await server.gql(AWARD, { input: { ...award, idempotencyKey: null } }, market.startup.token);
    expect(again.data.awardOrder.userErrors[0].code).toBe("INVALID_STATE");
  });

  it("refuses malformed keys", async () => {
    const res = await server.gql(POST_ORDER, { input: { ...orderInput(server, market), idempotencyKey: "has spaces" } }, market.startup.token);
    expect(res.data.postOrder.userErrors.map((e: any) => e.code)).toEqual(["INVALID_FORMAT"]);
  });
});
