import { DAY, buildMarket, instantIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/** A bid past its valid-until date says so: EXPIRED, in every list, until its contractor revises it. */
let server: TestServer;
let market: Market;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterAll(() => server.close());

const BID = `query($id: ID!) { node(id: $id) { ... on Bid { status } } }`;
const MY_BIDS = `query($status: BidStatus) { myBids(filter: { status: $status }) { nodes { id status } } }`;

describe("a bid's validity", () => {
  it("shows a live bid past its valid-until date as EXPIRED, filters by it, and revising it makes it LIVE again", async () => {
    const alpha = market.contractors[0].token;
    const orderId = await postOrder(server, market);
    const shortLived = await submitBid(server, alpha, orderId, { minLot: 1, validUntil: instantIn(server, 2 * DAY) });
    const other = await postOrder(server, market);
    const lasting = await submitBid(server, alpha, other, { minLot: 1, validUntil: instantIn(server, 30 * DAY) });
    expect((await server.gql(BID, { id: shortLived }, alpha)).data.node.status).toBe("LIVE");

    server.advance(3 * DAY);
    expect((await server.gql(BID, { id: shortLived }, alpha)).data.node.status).toBe("EXPIRED");
    // The order's owner sees the same, and its plans leave the bid out.
    expect((await server.gql(BID, { id: shortLived }, market.startup.token)).data.node.status).toBe("EXPIRED");
    const plans = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { plans { plans { nodes { lines { bid { id } } } } } } } }`, { id: orderId }, market.startup.token);
    const planned = plans.data.node.plans.plans.nodes.flatMap((p: any) => p.lines.map((l: any) => l.bid?.id));
    expect(planned).not.toContain(shortLived);
    expect((await server.gql(MY_BIDS, { status: "EXPIRED" }, alpha)).data.myBids.nodes).toEqual([{ id: shortLived, status: "EXPIRED" }]);
    expect((await server.gql(MY_BIDS, { status: "LIVE" }, alpha)).data.myBids.nodes).toEqual([{ id: lasting, status: "LIVE" }]);

    const revised = await server.gql(
      `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { bid { status } userErrors { code } } }`,
      { input: { bidId: shortLived, validUntil: instantIn(server, 7 * DAY) } },
      alpha,
    );
    expect(revised.data.reviseBid).toEqual({ bid: { status: "LIVE" }, userErrors: [] });
  });
});
