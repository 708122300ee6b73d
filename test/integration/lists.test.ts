import { AWARD, DAY, buildMarket, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The main lists as a dashboard uses them: newest first by default, sorted by any offered
 * field with stable keyset pages, narrowed by several statuses and by "changed since", and
 * counted with the same filters.
 */
let server: TestServer;
let market: Market;
const orders: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  // Five orders, posted a minute apart, needed on dates that run against their posting order.
  for (let i = 0; i < 5; i++) {
    orders.push(await postOrder(server, market, { title: `Order ${i}`, quantity: 100 * (i + 1), neededBy: dateIn(server, 90 - i * 5), sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } }));
    server.advance(60_000);
  }
});

afterAll(() => server.close());

const MY_ORDERS = `query($first: Int, $after: String, $filter: OrderFilter, $orderBy: OrderOrder) {
  myOrders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { id title status } pageInfo { hasNextPage endCursor } }
}`;

async function myOrders(variables: Record<string, unknown>) {
  const res = await server.gql(MY_ORDERS, variables, market.startup.token);
  expect(res.errors).toBeUndefined();
  return res.data.myOrders;
}

/** Every page of a sorted list, two at a time. */
async function walk(variables: Record<string, unknown>): Promise<string[]> {
  const titles: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { nodes: { title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = await myOrders({ ...variables, first: 2, after });
    titles.push(...page.nodes.map((n) => n.title));
    if (!page.pageInfo.hasNextPage) return titles;
    after = page.pageInfo.endCursor;
  }
}

describe("sorted lists", () => {
  it("open on the newest order, and page through every sort without losing or repeating one", async () => {
    expect((await myOrders({})).nodes.map((n: { title: string }) => n.title)).toEqual(["Order 4", "Order 3", "Order 2", "Order 1", "Order 0"]);
    expect(await walk({ orderBy: { field: "NEEDED_BY" } })).toEqual(["Order 4", "Order 3", "Order 2", "Order 1", "Order 0"]);
    expect(await walk({ orderBy: { field: "QUANTITY", direction: "DESC" } })).toEqual(["Order 4", "Order 3", "Order 2", "Order 1", "Order 0"]);
    expect(await walk({ orderBy: { field: "CREATED_AT", direction: "ASC" } })).toEqual(["Order 0", "Order 1", "Order 2", "Order 3", "Order 4"]);
  });

  it("refuses a cursor of one sort in another", async () => {
    const page = await myOrders({ first: 1, orderBy: { field: "NEEDED_BY" } });
    const res = await server.gql(MY_ORDERS, { first: 1, after: page.pageInfo.endCursor, orderBy: { field: "UPDATED_AT" } }, market.startup.token);
    expect(res.data.myOrders).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("filters", () => {
  it("take several statuses, and what changed since an instant, and count with them", async () => {
    const before = server.now();
    server.advance(1_000);
    const cancelled = await server.gql(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`, { input: { orderId: orders[1] } }, market.startup.token);
    expect(cancelled.data.cancelOrder.userErrors).toEqual([]);

    const changed = await myOrders({ filter: { updatedSince: before.toISOString() } });
    expect(changed).toMatchObject({ totalCount: 1, nodes: [{ title: "Order 1", status: "CANCELLED" }] });
    const open = await myOrders({ filter: { statuses: ["OPEN"] } });
    expect(open.totalCount).toBe(4);
    const either = await myOrders({ filter: { statuses: ["OPEN", "CANCELLED"] }, first: 2 });
    expect(either).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    // The one-status filter of before still works, beside statuses.
    expect((await myOrders({ filter: { status: "CANCELLED" } })).totalCount).toBe(1);
  });

  it("narrow a contractor's bids by status, order and price, and its contracts by status and value", async () => {
    const [alpha] = market.contractors;
    const bids: string[] = [];
    for (const [i, price] of [["0", "1300.00"], ["2", "1100.00"], ["3", "1200.00"]] as const) {
      bids.push(await submitBid(server, alpha.token, orders[Number(i)], { unitPrice: { amount: price }, minLot: 1, maxQuantity: 100 * (Number(i) + 1) }));
    }
    const withdrawn = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: bids[0] } }, alpha.token);
    expect(withdrawn.data.withdrawBid.userErrors).toEqual([]);
    const MY_BIDS = `query($filter: BidFilter, $orderBy: BidOrder) { myBids(filter: $filter, orderBy: $orderBy) { totalCount nodes { id status terms { unitPrice { amount } } } } }`;
    const cheapestFirst = (await server.gql(MY_BIDS, { filter: { statuses: ["LIVE"] }, orderBy: { field: "UNIT_PRICE" } }, alpha.token)).data.myBids;
    expect(cheapestFirst.nodes.map((b: any) => b.terms.unitPrice.amount)).toEqual(["1100.00", "1200.00"]);
    expect(cheapestFirst.totalCount).toBe(2);
    const onOne = (await server.gql(MY_BIDS, { filter: { orderId: orders[0] } }, alpha.token)).data.myBids;
    expect(onOne.nodes).toEqual([{ id: bids[0], status: "WITHDRAWN", terms: { unitPrice: { amount: "1300.00" } } }]);
    // Newest first by default.
    expect((await server.gql(MY_BIDS, {}, alpha.token)).data.myBids.nodes.map((b: any) => b.id)).toEqual([bids[2], bids[1], bids[0]]);

    for (const [i, bidId] of [[2, bids[1]], [3, bids[2]]] as const) {
      const quantity = 100 * (i + 1);
      const award = await server.gql(AWARD, { input: { orderId: orders[i], allocations: [{ bidId, quantity }] } }, market.startup.token);
      expect(award.data.awardOrder.userErrors).toEqual([]);
    }
    const MY_CONTRACTS = `query($filter: ContractFilter, $orderBy: ContractOrder) { myContracts(filter: $filter, orderBy: $orderBy) { totalCount nodes { value { amount } status } } }`;
    const byValue = (await server.gql(MY_CONTRACTS, { filter: { statuses: ["AWARDED", "IN_PRODUCTION"] }, orderBy: { field: "VALUE", direction: "DESC" } }, alpha.token)).data.myContracts;
    // 400 x 1200.00 and 300 x 1100.00.
    expect(byValue).toEqual({ totalCount: 2, nodes: [{ value: { amount: "480000.00" }, status: "AWARDED" }, { value: { amount: "330000.00" }, status: "AWARDED" }] });
    const none = (await server.gql(MY_CONTRACTS, { filter: { statuses: ["ACCEPTED"] } }, alpha.token)).data.myContracts;
    expect(none).toEqual({ totalCount: 0, nodes: [] });
    server.advance(DAY);
    const later = (await server.gql(MY_CONTRACTS, { filter: { updatedSince: server.now().toISOString() } }, alpha.token)).data.myContracts;
    expect(later.totalCount).toBe(0);
  });
});

describe("an order's bids and contracts, and a contract's deliveries", () => {
  it("sort and narrow too, sealed as ever, and count with their filters", async () => {
    const [alpha, beta, gamma] = market.contractors;
    const orderId = await postOrder(server, market, { title: "Nested", quantity: 300, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bids: Record<string, string> = {};
    for (const [company, price] of [[alpha, "1300.00"], [beta, "1100.00"], [gamma, "1200.00"]] as const) {
      bids[price] = await submitBid(server, company.token, orderId, { unitPrice: { amount: price }, minLot: 1, maxQuantity: 300 });
    }
    const withdrawn = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: bids["1200.00"] } }, gamma.token);
    expect(withdrawn.data.withdrawBid.userErrors).toEqual([]);
    const BIDS = `query($id: ID!, $filter: BidFilter, $orderBy: BidOrder, $first: Int, $after: String) { node(id: $id) { ... on Order {
      bids(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id terms { unitPrice { amount } } } pageInfo { hasNextPage endCursor } } } } }`;
    const prices = (res: any) => res.data.node.bids.nodes.map((b: any) => b.terms.unitPrice.amount);
    const cheapest = await server.gql(BIDS, { id: orderId, orderBy: { field: "UNIT_PRICE" } }, market.startup.token);
    expect(prices(cheapest)).toEqual(["1100.00", "1200.00", "1300.00"]);
    const live = await server.gql(BIDS, { id: orderId, filter: { statuses: ["LIVE"] }, orderBy: { field: "UNIT_PRICE", direction: "DESC" } }, market.startup.token);
    expect(prices(live)).toEqual(["1300.00", "1100.00"]);
    expect(live.data.node.bids.totalCount).toBe(2);
    // Paged in the sort: one at a time, none lost.
    const first = await server.gql(BIDS, { id: orderId, orderBy: { field: "UNIT_PRICE" }, first: 1 }, market.startup.token);
    const second = await server.gql(BIDS, { id: orderId, orderBy: { field: "UNIT_PRICE" }, first: 2, after: first.data.node.bids.pageInfo.endCursor }, market.startup.token);
    expect([...prices(first), ...prices(second)]).toEqual(["1100.00", "1200.00", "1300.00"]);
    // A bidder still sees its own bid only, and counts it alone.
    const own = await server.gql(BIDS, { id: orderId, orderBy: { field: "UNIT_PRICE" } }, alpha.token);
    expect(own.data.node.bids).toMatchObject({ totalCount: 1, nodes: [{ id: bids["1300.00"] }] });

    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: bids["1100.00"], quantity: 200 }, { bidId: bids["1300.00"], quantity: 100 }] } }, market.startup.token);
    expect(award.data.awardOrder.userErrors).toEqual([]);
    const CONTRACTS = `query($id: ID!, $filter: ContractFilter, $orderBy: ContractOrder) { node(id: $id) { ... on Order { contracts(filter: $filter, orderBy: $orderBy) { totalCount nodes { id value { amount } deliveries(statuses: [PENDING]) { totalCount } } } } } }`;
    const byValue = await server.gql(CONTRACTS, { id: orderId, orderBy: { field: "VALUE", direction: "DESC" } }, market.startup.token);
    expect(byValue.data.node.contracts.nodes.map((c: any) => c.value.amount)).toEqual(["220000.00", "130000.00"]);
    const [betaContract] = byValue.data.node.contracts.nodes;
    const START = `mutation($input: StartContractProductionInput!) { startContractProduction(input: $input) { userErrors { code } } }`;
    expect((await server.gql(START, { input: { contractId: betaContract.id } }, beta.token)).data.startContractProduction.userErrors).toEqual([]);
    const DELIVER = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { userErrors { code } } }`;
    expect((await server.gql(DELIVER, { input: { contractId: betaContract.id, quantity: 50 } }, beta.token)).data.recordDelivery.userErrors).toEqual([]);
    const inProduction = await server.gql(CONTRACTS, { id: orderId, filter: { statuses: ["IN_PRODUCTION"] } }, market.startup.token);
    expect(inProduction.data.node.contracts).toEqual({ totalCount: 1, nodes: [{ id: betaContract.id, value: { amount: "220000.00" }, deliveries: { totalCount: 1 } }] });
  });
});
