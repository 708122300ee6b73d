import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { AWARD, buildMarket, DAY, dateIn, deliverAndAccept, instantIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The units of a cancelled contract go back out: 400 units awarded 160 to Alpha and 240 to
 * Beta; Beta delivers 40, accepted, and its contract is cancelled; 200 units are to place again,
 * and a new order linked to the old one places them.
 */
const CANCEL = `mutation($input: CancelContractInput!) { cancelContract(input: $input) { contract { status } userErrors { code field message } } }`;
const REORDER = `mutation($input: ReorderCancelledUnitsInput!) { reorderCancelledUnits(input: $input) {
  order { id status quantity title maxUnitPrice { amount } sourcingPolicy { maxSharePercent minContractors } neededBy replacesOrder { id status } unitsToPlaceAgain }
  userErrors { code field message } } }`;
const UNITS = `query($id: ID!) { node(id: $id) { ... on Order { status unitsToPlaceAgain replacesOrder { id } } } }`;

let server: TestServer;
let market: Market;
let orderId: string;

const reorderInput = (overrides: Record<string, unknown> = {}) => ({ orderId, neededBy: dateIn(server, 60), biddingClosesAt: instantIn(server, 7 * DAY), ...overrides });
const unitsOf = async (id: string, token = market.startup.token) => (await server.gql(UNITS, { id }, token)).data.node;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  const [alpha, beta] = market.contractors;
  orderId = await postOrder(server, market, { quantity: 400 });
  const alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 400 });
  const betaBid = await submitBid(server, beta.token, orderId, { minLot: 1, maxQuantity: 400 });
  const award = (await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 160 }, { bidId: betaBid, quantity: 240 }] } }, market.startup.token)).data.awardOrder;
  expect(award.userErrors).toEqual([]);
  const betaContract = award.contracts.find((c: { contractor: { id: string } }) => c.contractor.id === beta.id).id;
  await deliverAndAccept(server, beta.token, market.startup.token, betaContract, 40, true);
  const cancelled = (await server.gql(CANCEL, { input: { contractId: betaContract, reason: "Supplier lost its certification." } }, market.startup.token)).data.cancelContract;
  expect(cancelled).toEqual({ contract: { status: "CANCELLED" }, userErrors: [] });
});
afterAll(() => server.close());

describe("placing a cancelled contract's units again", () => {
  it("counts the units a cancelled contract left: its undelivered ones, not those accepted", async () => {
    expect(await unitsOf(orderId)).toEqual({ status: "IN_PRODUCTION", unitsToPlaceAgain: 200, replacesOrder: null });
    // Only the owner and the coordinator see it.
    expect((await unitsOf(orderId, market.coordinator)).unitsToPlaceAgain).toBe(200);
    expect((await unitsOf(orderId, market.contractors[0].token)).unitsToPlaceAgain).toBeNull();
  });

  it("refuses bad dates, a stranger and an order with nothing to place, writing nothing", async () => {
    const late = (await server.gql(REORDER, { input: reorderInput({ biddingClosesAt: instantIn(server, 90 * DAY) }) }, market.startup.token)).data.reorderCancelledUnits;
    expect(late).toEqual({ order: null, userErrors: [{ code: "OUT_OF_RANGE", field: ["biddingClosesAt"], message: "Bidding must close before the needed-by date." }] });
    const stranger = (await server.gql(REORDER, { input: reorderInput() }, market.otherStartup.token)).data.reorderCancelledUnits;
    expect(stranger.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([["NOT_FOUND", ["orderId"]]]);
    const fresh = await postOrder(server, market);
    const unawarded = (await server.gql(REORDER, { input: reorderInput({ orderId: fresh }) }, market.startup.token)).data.reorderCancelledUnits;
    expect(unawarded.userErrors[0]).toMatchObject({ code: "INVALID_STATE", field: ["orderId"] });
    expect(await unitsOf(orderId)).toMatchObject({ unitsToPlaceAgain: 200 });
  });

  it("places them in a new order on the old terms, linked to the old one, which then has none left to place", async () => {
    const input = reorderInput({ idempotencyKey: "again-1" });
    const res = (await server.gql(REORDER, { input }, market.startup.token)).data.reorderCancelledUnits;
    expect(res.userErrors).toEqual([]);
    // The old policy, a 60 % share limit and two contractors, carried over.
    expect(res.order).toMatchObject({
      status: "OPEN",
      quantity: 200,
      title: "Carbon fibre housings",
      maxUnitPrice: { amount: "1500.00" },
      sourcingPolicy: { maxSharePercent: 60, minContractors: 2 },
      neededBy: dateIn(server, 60),
      replacesOrder: { id: orderId, status: "IN_PRODUCTION" },
      unitsToPlaceAgain: 0,
    });
    expect(await unitsOf(orderId)).toMatchObject({ unitsToPlaceAgain: 0 });
    // A retry with the same key gives the same order; another attempt finds nothing to place.
    const retry = (await server.gql(REORDER, { input }, market.startup.token)).data.reorderCancelledUnits;
    expect(retry.order.id).toBe(res.order.id);
    const twice = (await server.gql(REORDER, { input: reorderInput() }, market.startup.token)).data.reorderCancelledUnits;
    expect(twice.userErrors[0]).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/^No units to place again/) });

    // The new order runs as any: Gamma bids and is awarded its 200 units... of which two contractors are needed.
    const [alpha, , gamma] = market.contractors;
    const bids = [await submitBid(server, gamma.token, res.order.id, { minLot: 1, maxQuantity: 200 }), await submitBid(server, alpha.token, res.order.id, { minLot: 1, maxQuantity: 200 })];
    const award = (await server.gql(AWARD, { input: { orderId: res.order.id, allocations: [{ bidId: bids[0], quantity: 100 }, { bidId: bids[1], quantity: 100 }] } }, market.startup.token)).data.awardOrder;
    expect(award.userErrors).toEqual([]);
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
  });

  it("gives the units back when the order placing them again is cancelled unawarded", async () => {
    const spare = await postOrder(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bid = await submitBid(server, market.contractors[2].token, spare, { minLot: 1, maxQuantity: 100 });
    const award = (await server.gql(AWARD, { input: { orderId: spare, allocations: [{ bidId: bid, quantity: 100 }] } }, market.startup.token)).data.awardOrder;
    const cancel = (await server.gql(CANCEL, { input: { contractId: award.contracts[0].id, reason: "Changed design." } }, market.startup.token)).data.cancelContract;
    // Its only contract cancelled with nothing accepted: the order is CANCELLED, and its 100 units may be placed again.
    expect(cancel.userErrors).toEqual([]);
    expect(await unitsOf(spare)).toMatchObject({ status: "CANCELLED", unitsToPlaceAgain: 100 });
    const again = (await server.gql(REORDER, { input: reorderInput({ orderId: spare }) }, market.startup.token)).data.reorderCancelledUnits.order;
    expect(await unitsOf(spare)).toMatchObject({ unitsToPlaceAgain: 0 });
    expect((await server.gql(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`, { input: { orderId: again.id } }, market.startup.token)).data.cancelOrder.userErrors).toEqual([]);
    expect(await unitsOf(spare)).toMatchObject({ unitsToPlaceAgain: 100 });
  });

  it("counts every listed order's units in one batch, however many orders the page holds", async () => {
    const statementsFor = async (first: number) => {
      const before = server.database.stats.statements;
      const res = await server.gql(`query($first: Int) { myOrders(first: $first) { nodes { unitsToPlaceAgain } } }`, { first }, market.startup.token);
      expect(res.errors).toBeUndefined();
      return { statements: server.database.stats.statements - before, units: res.data.myOrders.nodes.map((o: { unitsToPlaceAgain: number }) => o.unitsToPlaceAgain) };
    };
    const one = await statementsFor(1);
    const all = await statementsFor(20);
    expect(all.units.length).toBeGreaterThan(4);
    expect(all.units).toContain(100);
    expect(all.statements).toBe(one.statements);
  });
});
