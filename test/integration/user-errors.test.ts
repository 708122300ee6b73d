import { buildMarket, bidInput, orderInput, postOrder, submitBid, POST_ORDER, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * User errors carry their figures as typed fields, so that a client shows "400 of 1000 units"
 * without parsing the sentence: the bounds passed (OutOfRangeError), the engineer-hours needed and
 * free (InsufficientCapacityError), the price allowed (PriceAboveMaximumError); others are InputError.
 */
let server: TestServer;
let market: Market;

const ERRORS = `userErrors {
  __typename code field message
  ... on OutOfRangeError { minimum maximum actual }
  ... on InsufficientCapacityError { engineerHoursNeeded engineerHoursFree }
  ... on PriceAboveMaximumError { maximumUnitPrice { amount currency } unitPrice { amount } }
}`;
const AWARD = `mutation($input: AwardOrderInput!) { awardOrder(input: $input) { order { id } ${ERRORS} } }`;
const BID = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { bid { id } ${ERRORS} } }`;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});

afterAll(() => server.close());

describe("typed user errors", () => {
  it("give an award's bounds: a bid's lots, the order's total, the fewest contractors", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market);
    const alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 100, maxQuantity: 600 });
    const betaBid = await submitBid(server, beta.token, orderId);
    const lots = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 700 }] } }, market.startup.token);
    expect(lots.data.awardOrder.userErrors).toEqual([
      expect.objectContaining({ __typename: "OutOfRangeError", code: "QUANTITY_OUT_OF_RANGE", field: ["allocations", "0", "quantity"], minimum: 100, maximum: 600, actual: 700 }),
    ]);
    // 600 + 300 leaves the order 100 units short.
    const share = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: betaBid, quantity: 600 }, { bidId: alphaBid, quantity: 300 }] } }, market.startup.token);
    expect(share.data.awardOrder.userErrors).toEqual([
      expect.objectContaining({ __typename: "OutOfRangeError", code: "ALLOCATION_TOTAL_MISMATCH", minimum: 1000, maximum: 1000, actual: 900 }),
    ]);
    const few = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 600 }] } }, market.startup.token);
    expect(few.data.awardOrder.userErrors).toEqual([
      expect.objectContaining({ code: "ALLOCATION_TOTAL_MISMATCH", actual: 600 }),
      expect.objectContaining({ __typename: "OutOfRangeError", code: "TOO_FEW_CONTRACTORS", minimum: 2, maximum: null, actual: 1 }),
    ]);
  });

  it("give the share limit in units", async () => {
    const orderId = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 60, minContractors: 1 } });
    const bidId = await submitBid(server, market.contractors[2].token, orderId, { minLot: 1, maxQuantity: 1000 });
    const res = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 1000 }] } }, market.startup.token);
    expect(res.data.awardOrder.userErrors[0]).toMatchObject({ __typename: "OutOfRangeError", code: "SHARE_LIMIT_EXCEEDED", maximum: 600, actual: 1000 });
  });

  it("give the engineer-hours an award needs and the contractor has free", async () => {
    const orderId = await postOrder(server, market, { quantity: 2000, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bidId = await submitBid(server, market.contractors[0].token, orderId, { minLot: 1, maxQuantity: 2000, leadTimeDays: 10 });
    const res = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 2000 }] } }, market.startup.token);
    const [error] = res.data.awardOrder.userErrors;
    // 2000 units at 0.5 engineer-hours each.
    expect(error).toMatchObject({ __typename: "InsufficientCapacityError", code: "INSUFFICIENT_CAPACITY", engineerHoursNeeded: 1000 });
    expect(error.engineerHoursFree).toBeGreaterThan(0);
    expect(error.engineerHoursFree).toBeLessThan(1000);
    expect(error.message).toContain(`${1000 - error.engineerHoursFree}`);
  });

  it("give the price allowed, and text lengths; a blank is a plain InputError", async () => {
    const orderId = await postOrder(server, market);
    const price = await server.gql(BID, { input: bidInput(server, orderId, { unitPrice: { amount: "1600.00" } }) }, market.contractors[1].token);
    expect(price.data.submitBid.userErrors).toEqual([
      expect.objectContaining({ __typename: "PriceAboveMaximumError", code: "PRICE_ABOVE_MAXIMUM", maximumUnitPrice: { amount: "1500.00", currency: "RUB" }, unitPrice: { amount: "1600.00" } }),
    ]);
    const posted = await server.gql(`mutation($input: PostOrderInput!) { postOrder(input: $input) { order { id } ${ERRORS} } }`, { input: orderInput(server, market, { title: "x".repeat(130) }) }, market.startup.token);
    expect(posted.data.postOrder.userErrors).toEqual([expect.objectContaining({ __typename: "OutOfRangeError", code: "TOO_LONG", field: ["title"], maximum: 120, actual: 130 })]);
    const blank = await server.gql(POST_ORDER.replace("userErrors { code field message }", ERRORS), { input: orderInput(server, market, { title: " " }) }, market.startup.token);
    expect(blank.data.postOrder.userErrors).toEqual([{ __typename: "InputError", code: "BLANK", field: ["title"], message: expect.any(String) }]);
  });
});
