import { refusedWith } from "../support/fixtures";
import { ACCEPT_DELIVERY, AWARD, DAY, POST_ORDER, RECORD_DELIVERY, START, SUBMIT_BID, bidInput, buildMarket, dateIn, orderInput, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let market: Market;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterAll(() => server.close());

const expectRefused = async (document: string, input: Record<string, unknown>, token: string | undefined, expected: [string, string | null][]) =>
  expect(await refusedWith(server, document, input, token)).toEqual(expected);

describe("postOrder", () => {
  it("refuses contract companies: they produce customers' products only", async () => {
    await expectRefused(POST_ORDER, orderInput(server, market), market.contractors[0].token, [["CONTRACT_COMPANY_CANNOT_ORDER", null]]);
  });

  it("is not for the coordinator or investors, nor anonymous callers", async () => {
    expect((await server.gql(POST_ORDER, { input: orderInput(server, market) }, market.coordinator)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await server.gql(POST_ORDER, { input: orderInput(server, market) })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    [{ quantity: 0 }, [["OUT_OF_RANGE", "quantity"]]],
    [{ title: " " }, [["BLANK", "title"]]],
    [{ neededBy: "2020-01-01" }, [["OUT_OF_RANGE", "neededBy"]]],
    [{ biddingClosesAt: "2020-01-01T00:00:00Z" }, [["OUT_OF_RANGE", "biddingClosesAt"]]],
    [{ maxUnitPrice: { amount: "0" } }, [["OUT_OF_RANGE", "maxUnitPrice.amount"]]],
    [{ capabilityId: "Q2FwYWJpbGl0eTo5OTk" }, [["NOT_FOUND", "capabilityId"]]],
    [{ sourcingPolicy: { maxSharePercent: 0, minContractors: 1 } }, [["OUT_OF_RANGE", "sourcingPolicy.maxSharePercent"]]],
    [{ sourcingPolicy: { maxSharePercent: 50, minContractors: 0 } }, [["OUT_OF_RANGE", "sourcingPolicy.minContractors"]]],
    [{ quantity: 3, sourcingPolicy: { maxSharePercent: 20, minContractors: 1 } }, [["SOURCING_POLICY_INFEASIBLE", "sourcingPolicy.maxSharePercent"]]],
    [{ quantity: 3, sourcingPolicy: { maxSharePercent: 100, minContractors: 4 } }, [["SOURCING_POLICY_INFEASIBLE", "sourcingPolicy.minContractors"]]],
  ])("refuses %j", async (overrides, expected) => {
    await expectRefused(POST_ORDER, orderInput(server, market, overrides), market.startup.token, expected as [string, string][]);
  });

  it("refuses bidding that closes on or after the needed-by date", async () => {
    const input = orderInput(server, market, { neededBy: dateIn(server, 5), biddingClosesAt: new Date(server.now().getTime() + 10 * DAY).toISOString() });
    await expectRefused(POST_ORDER, input, market.startup.token, [["OUT_OF_RANGE", "biddingClosesAt"]]);
  });

  it("accepts quantities beyond 32 bits and reports them exactly", async () => {
    const res = await server.gql(POST_ORDER, { input: orderInput(server, market, { quantity: 5_000_000_000 }) }, market.startup.token);
    expect(res.data.postOrder.order.quantity).toBe(5_000_000_000);
  });
});

describe("submitBid and its revisions", () => {
  let orderId: string;
  beforeAll(async () => {
    orderId = await postOrder(server, market);
  });

  it("refuses product companies: they may not produce", async () => {
    await expectRefused(SUBMIT_BID, bidInput(server, orderId), market.startup.token, [["PRODUCT_COMPANY_CANNOT_PRODUCE", null]]);
  });

  it.each([
    [{ unitPrice: { amount: "1500.01" } }, [["PRICE_ABOVE_MAXIMUM", "unitPrice.amount"]]],
    [{ maxQuantity: 1001 }, [["QUANTITY_OUT_OF_RANGE", "maxQuantity"]]],
    [{ minLot: 700, maxQuantity: 600 }, [["QUANTITY_OUT_OF_RANGE", "minLot"]]],
    [{ minLot: 0 }, [["OUT_OF_RANGE", "minLot"]]],
    [{ leadTimeDays: 91 }, [["LEAD_TIME_MISSES_NEEDED_BY", "leadTimeDays"]]],
    [{ leadTimeDays: 0 }, [["OUT_OF_RANGE", "leadTimeDays"]]],
    [{ validUntil: "2020-01-01T00:00:00Z" }, [["OUT_OF_RANGE", "validUntil"]]],
    [{ engineerHoursPerUnit: 0 }, [["OUT_OF_RANGE", "engineerHoursPerUnit"]]],
    [{ orderId: "T3JkZXI6OTk5OQ" }, [["NOT_FOUND", "orderId"]]],
  ])("refuses %j", async (overrides, expected) => {
    await expectRefused(SUBMIT_BID, bidInput(server, orderId, overrides), market.contractors[0].token, expected as [string, string][]);
  });

  it("needs an active offer of the order's capability", async () => {
    const casting = await postOrder(server, market, { capabilityId: market.otherCapabilityId });
    await expectRefused(SUBMIT_BID, bidInput(server, casting), market.contractors[0].token, [["CAPABILITY_NOT_OFFERED", "orderId"]]);
  });

  it("defaults engineer-hours from the offer, keeps one live bid per company, and keeps every revision", async () => {
    const [alpha] = market.contractors;
    const submitted = await server.gql(SUBMIT_BID, { input: bidInput(server, orderId) }, alpha.token);
    const bid = submitted.data.submitBid.bid;
    expect(bid.terms.engineerHoursPerUnit).toBe(0.5);
    await expectRefused(SUBMIT_BID, bidInput(server, orderId), alpha.token, [["BID_ALREADY_EXISTS", "orderId"]]);

    const REVISE = `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { bid { revision revisions { nodes { revision terms { unitPrice { amount } leadTimeDays } } } } userErrors { code field message } } }`;
    const revised = await server.gql(REVISE, { input: { bidId: bid.id, unitPrice: { amount: "1180.00" } } }, alpha.token);
    expect(revised.data.reviseBid.bid).toEqual({
      revision: 2,
      revisions: {
        nodes: [
          { revision: 1, terms: { unitPrice: { amount: "1200.00" }, leadTimeDays: 30 } },
          { revision: 2, terms: { unitPrice: { amount: "1180.00" }, leadTimeDays: 30 } },
        ],
      },
    });
    await expectRefused(REVISE, { bidId: bid.id, unitPrice: { amount: "2000.00" } }, alpha.token, [["PRICE_ABOVE_MAXIMUM", "unitPrice.amount"]]);
    await expectRefused(REVISE, { bidId: bid.id, leadTimeDays: 5 }, market.contractors[1].token, [["NOT_FOUND", "bidId"]]);

    const WITHDRAW = `mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { bid { status } userErrors { code field message } } }`;
    await expectRefused(WITHDRAW, { bidId: bid.id }, market.contractors[1].token, [["NOT_FOUND", "bidId"]]);
    expect((await server.gql(WITHDRAW, { input: { bidId: bid.id } }, alpha.token)).data.withdrawBid).toEqual({ bid: { status: "WITHDRAWN" }, userErrors: [] });
    await expectRefused(WITHDRAW, { bidId: bid.id }, alpha.token, [["INVALID_STATE", "bidId"]]);
    await expectRefused(REVISE, { bidId: bid.id, leadTimeDays: 5 }, alpha.token, [["INVALID_STATE", "bidId"]]);
    // Withdrawn, the company may bid again.
    await submitBid(server, alpha.token, orderId);
  });
});

describe("awardOrder checks every allocation", () => {
  let orderId: string;
  let alphaBid: string;
  let betaBid: string;
  let gammaBid: string;
  beforeAll(async () => {
    orderId = await postOrder(server, market);
    const [alpha, beta, gamma] = market.contractors;
    alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 100, maxQuantity: 600 });
    betaBid = await submitBid(server, beta.token, orderId, { minLot: 100, maxQuantity: 700 });
    gammaBid = await submitBid(server, gamma.token, orderId, { minLot: 100, maxQuantity: 700, validUntil: new Date(server.now().getTime() + 60_000).toISOString() });
  });
  const award = (allocations: [() => string, number][]) => ({ orderId, allocations: allocations.map(([bid, quantity]) => ({ bidId: bid(), quantity })) });

  it.each([
    ["a total short of the order", () => award([[() => alphaBid, 500], [() => betaBid, 400]]), [["ALLOCATION_TOTAL_MISMATCH", "allocations"]]],
    ["a share above the limit", () => award([[() => betaBid, 700], [() => alphaBid, 300]]), [["SHARE_LIMIT_EXCEEDED", "allocations.0.quantity"]]],
    ["too few contractors", () => ({ orderId, allocations: [{ bidId: alphaBid, quantity: 600 }] }), [["ALLOCATION_TOTAL_MISMATCH", "allocations"], ["TOO_FEW_CONTRACTORS", "allocations"]]],
    ["a quantity below the bid's minimum lot", () => award([[() => alphaBid, 50], [() => betaBid, 600], [() => gammaBid, 350]]), [["QUANTITY_OUT_OF_RANGE", "allocations.0.quantity"]]],
    ["a quantity above the bid's maximum", () => award([[() => alphaBid, 650], [() => betaBid, 350]]), [["QUANTITY_OUT_OF_RANGE", "allocations.0.quantity"]]],
    ["the same bid twice", () => award([[() => alphaBid, 500], [() => alphaBid, 500]]), [["DUPLICATE_ALLOCATION", "allocations.1.bidId"]]],
    ["an unknown bid", () => award([[() => "QmlkOjk5OTk", 500], [() => betaBid, 500]]), [["NOT_FOUND", "allocations.0.bidId"]]],
    ["no allocations", () => ({ orderId, allocations: [] }), [["ALLOCATION_TOTAL_MISMATCH", "allocations"]]],
  ])("refuses %s", async (_label, input, expected) => {
    await expectRefused(AWARD, input(), market.startup.token, expected as [string, string][]);
  });

  it("refuses a bid past its valid-until time", async () => {
    server.advance(2 * 60_000);
    await expectRefused(AWARD, award([[() => gammaBid, 400], [() => betaBid, 600]]), market.startup.token, [["BID_NOT_VALID", "allocations.0.bidId"]]);
  });

  it("refuses anyone but the owner: other startups and contractors see NOT_FOUND", async () => {
    const input = award([[() => alphaBid, 400], [() => betaBid, 600]]);
    await expectRefused(AWARD, input, market.otherStartup.token, [["NOT_FOUND", "orderId"]]);
    await expectRefused(AWARD, input, market.contractors[0].token, [["NOT_FOUND", "orderId"]]);
    expect((await server.gql(AWARD, { input }, market.coordinator)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("awards after bidding closed, within the award window, and refuses a second award", async () => {
    server.advance(15 * DAY);
    const input = award([[() => alphaBid, 400], [() => betaBid, 600]]);
    const res = await server.gql(AWARD, { input }, market.startup.token);
    expect(res.data.awardOrder.userErrors).toEqual([]);
    await expectRefused(AWARD, input, market.startup.token, [["INVALID_STATE", "orderId"]]);
    await expectRefused(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { id } userErrors { code field message } } }`, { orderId }, market.startup.token, [["INVALID_STATE", "orderId"]]);
  });
});

describe("cancelOrder", () => {
  it("cancels an open order for its owner only, closing its bids", async () => {
    const CANCEL = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status acceptingBids } userErrors { code field message } } }`;
    const orderId = await postOrder(server, market);
    const bidId = await submitBid(server, market.contractors[0].token, orderId);
    await expectRefused(CANCEL, { orderId }, market.otherStartup.token, [["NOT_FOUND", "orderId"]]);
    const res = await server.gql(CANCEL, { input: { orderId, reason: "Design changed" } }, market.startup.token);
    expect(res.data.cancelOrder).toEqual({ order: { status: "CANCELLED", acceptingBids: false }, userErrors: [] });
    const bid = await server.gql(`query($id: ID!) { node(id: $id) { ... on Bid { status } } }`, { id: bidId }, market.contractors[0].token);
    expect(bid.data.node.status).toBe("NOT_AWARDED");
    // A contractor that never bid does not see the cancelled order; the one that bid is told bidding closed.
    await expectRefused(SUBMIT_BID, bidInput(server, orderId), market.contractors[1].token, [["NOT_FOUND", "orderId"]]);
    await expectRefused(SUBMIT_BID, bidInput(server, orderId), market.contractors[0].token, [["BIDDING_CLOSED", "orderId"]]);
    await expectRefused(CANCEL, { orderId }, market.startup.token, [["INVALID_STATE", "orderId"]]);
  });
});

describe("who may act on bids and contracts", () => {
  it("keeps the coordinator and investors out of bidding, and strangers out of contracts, deliveries and acceptance", async () => {
    const investor = await server.token("INVESTOR");
    const orderId = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    for (const token of [market.coordinator, investor]) {
      expect((await server.gql(SUBMIT_BID, { input: bidInput(server, orderId) }, token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const [alpha, beta] = market.contractors;
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 1000 });
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 1000 }] } }, market.startup.token);
    const contractId = award.data.awardOrder.contracts[0].id;

    // Only the contractor starts production; the customer and competitors see NOT_FOUND.
    for (const token of [beta.token, market.startup.token]) await expectRefused(START, { contractId }, token, [["NOT_FOUND", "contractId"]]);
    // Deliveries need production first, and are the contractor's alone; acceptance is the owner's.
    await expectRefused(RECORD_DELIVERY, { contractId, quantity: 10 }, alpha.token, [["INVALID_STATE", "contractId"]]);
    expect((await server.gql(START, { input: { contractId } }, alpha.token)).data.startContractProduction.contract.status).toBe("IN_PRODUCTION");
    await expectRefused(START, { contractId }, alpha.token, [["INVALID_STATE", "contractId"]]);
    for (const token of [beta.token, market.startup.token]) await expectRefused(RECORD_DELIVERY, { contractId, quantity: 10 }, token, [["NOT_FOUND", "contractId"]]);
    const deliveryId = (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity: 1000 } }, alpha.token)).data.recordDelivery.delivery.id;
    for (const token of [alpha.token, beta.token, market.otherStartup.token]) await expectRefused(ACCEPT_DELIVERY, { deliveryId }, token, [["NOT_FOUND", "deliveryId"]]);
    for (const token of [market.coordinator, investor]) {
      expect((await server.gql(ACCEPT_DELIVERY, { input: { deliveryId } }, token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect((await server.gql(ACCEPT_DELIVERY, { input: { deliveryId } }, market.startup.token)).data.acceptDelivery.contract.order.status).toBe("COMPLETED");

    // The contract is visible to both parties and the coordinator, to no one else.
    for (const [token, visible] of [[alpha.token, true], [market.startup.token, true], [market.coordinator, true], [beta.token, false], [market.otherStartup.token, false], [investor, false]] as const) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: contractId }, token);
      expect(res.data.node !== null).toBe(visible);
    }
  });
});
