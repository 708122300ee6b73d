import { DECLARE_OFFER } from "../support/fixtures";
import { DAY, buildMarket, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let market: Market;
const posted: { id: string; quantity: number; neededIn: number }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  // Eight composite orders with varied quantities and dates, and one casting order.
  for (const [quantity, neededIn] of [[500, 60], [800, 45], [200, 90], [800, 30], [100, 120], [650, 75], [300, 45], [900, 100]]) {
    posted.push({ id: await postOrder(server, market, { quantity, neededBy: dateIn(server, neededIn) }), quantity, neededIn });
  }
  await postOrder(server, market, { capabilityId: market.otherCapabilityId });
  for (const { id } of posted) {
    for (const contractor of market.contractors) await submitBid(server, contractor.token, id, { maxQuantity: 100, minLot: 1 });
  }
});
afterAll(() => server.close());

const OPEN = `query($first: Int, $after: String, $orderBy: OrderOrder, $filter: OpenOrderFilter) {
  openOrders(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    nodes { id quantity neededBy capability { name } company { name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function walk(token: string, variables: Record<string, unknown>, pageSize: number): Promise<any[]> {
  const all: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res: any = await server.gql(OPEN, { ...variables, first: pageSize, after }, token);
    expect(res.errors).toBeUndefined();
    all.push(...res.data.openOrders.nodes);
    if (!res.data.openOrders.pageInfo.hasNextPage) break;
    after = res.data.openOrders.pageInfo.endCursor;
  }
  return all;
}

describe("openOrders", () => {
  it("shows a contractor only orders for capabilities it offers, earliest needed first by default", async () => {
    const orders = await walk(market.contractors[0].token, {}, 3);
    expect(orders.map((o) => o.capability.name)).toEqual(Array(8).fill("Composites"));
    const expected = [...posted].sort((a, b) => a.neededIn - b.neededIn || posted.indexOf(a) - posted.indexOf(b)).map((o) => o.id);
    expect(orders.map((o) => o.id)).toEqual(expected);
  });

  it("sorts by quantity, largest first, ties by posting order, across pages", async () => {
    const orders = await walk(market.contractors[1].token, { orderBy: { field: "QUANTITY", direction: "DESC" } }, 2);
    const expected = [...posted].sort((a, b) => b.quantity - a.quantity || posted.indexOf(b) - posted.indexOf(a)).map((o) => o.id);
    expect(orders.map((o) => o.id)).toEqual(expected);
  });

  it("pages by bidding close, latest first, the same as one page", async () => {
    const orderBy = { field: "BIDDING_CLOSES_AT", direction: "DESC" };
    const paged = await walk(market.coordinator, { orderBy }, 2);
    expect(paged).toHaveLength(9);
    expect(paged.map((o) => o.id)).toEqual((await walk(market.coordinator, { orderBy }, 100)).map((o) => o.id));
  });

  it("filters by needed-by date and capability", async () => {
    const orders = await walk(market.contractors[0].token, { filter: { neededFrom: dateIn(server, 45), neededUntil: dateIn(server, 75) } }, 10);
    expect(orders.map((o) => o.quantity).sort()).toEqual([300, 500, 650, 800]);
    const casting = await walk(market.contractors[0].token, { filter: { capabilityId: market.otherCapabilityId } }, 10);
    expect(casting).toEqual([]);
  });

  it("shows the coordinator every open order", async () => {
    expect(await walk(market.coordinator, {}, 100)).toHaveLength(9);
  });

  it("refuses a cursor from another sort", async () => {
    const byDate = await server.gql(OPEN, { first: 1 }, market.contractors[0].token);
    const res = await server.gql(OPEN, { first: 1, after: byDate.data.openOrders.pageInfo.endCursor, orderBy: { field: "BIDDING_CLOSES_AT" } }, market.contractors[0].token);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is for contract companies and the coordinator only", async () => {
    expect((await server.gql(OPEN, {}, market.startup.token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await server.gql(OPEN, {})).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("drops orders once bidding closes, and lists a contractor's new capability at once", async () => {
    const gamma = market.contractors[2];
    const castingOffer = await server.gql(
      DECLARE_OFFER,
      { input: { capabilityId: market.otherCapabilityId, unitPrice: { amount: "10" }, engineerHoursPerUnit: 1, minLeadDays: 1, minLot: 1, maxLot: 10 } },
      gamma.token,
    );
    expect(castingOffer.data.declareCapabilityOffer.userErrors).toEqual([]);
    expect(await walk(gamma.token, {}, 100)).toHaveLength(9);
    server.advance(15 * DAY);
    expect(await walk(gamma.token, {}, 100)).toEqual([]);
  });
});

describe("orders with bids in one page", () => {
  it("costs the same number of SQL statements for 2 orders as for 8", async () => {
    const owner = market.startup.token;
    const QUERY = `query($first: Int!) { myOrders(first: $first) { nodes { id capability { name } bids { nodes { terms { unitPrice { amount } } company { name } revisions { nodes { revision } } } } history { nodes { toStatus } } } } }`;
    const count = async (first: number) => {
      const before = server.database.stats.statements;
      const res = await server.gql(QUERY, { first }, owner);
      expect(res.errors).toBeUndefined();
      expect(res.data.myOrders.nodes).toHaveLength(first);
      return server.database.stats.statements - before;
    };
    expect(await count(8)).toBe(await count(2));
  });
});
