import { weekStart } from "../../src/capacity/weeks";
import { dbIdOf, refusedWith } from "../support/fixtures";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import {
  ACCEPT_DELIVERY,
  AWARD,
  DAY,
  RECORD_DELIVERY,
  REJECT_DELIVERY,
  START,
  buildMarket,
  dateIn,
  postOrder,
  submitBid,
  type Market,
} from "../support/marketplace";
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

const CANCEL = `mutation($input: CancelContractInput!) { cancelContract(input: $input) { contract { status } userErrors { code field message } } }`;
const CONTRACT = `query($id: ID!) { node(id: $id) { ... on Contract { status bookedHours acceptedValue { amount } deliveries { nodes { quantity status late rejectReason } } } } }`;

/** One contract of 1000 units at 1200.00, 0.5 h a unit, promised in 30 days, started by Alpha (or another contractor). */
async function startedContract(contractor = market.contractors[0]): Promise<string> {
  const orderId = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
  const bidId = await submitBid(server, contractor.token, orderId, { minLot: 1, maxQuantity: 1000, leadTimeDays: 30 });
  const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 1000 }] } }, market.startup.token);
  const contractId = award.data.awardOrder.contracts[0].id;
  expect((await server.gql(START, { input: { contractId } }, contractor.token)).data.startContractProduction.userErrors).toEqual([]);
  return contractId;
}

const record = async (contractId: string, quantity: number, extra: Record<string, unknown> = {}) =>
  (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity, ...extra } }, market.contractors[0].token)).data.recordDelivery;

describe("deliveries and acceptance", () => {
  it("takes partial deliveries up to the contract's quantity, rejects for quality, and recognises revenue at acceptance", async () => {
    const alpha = market.contractors[0];
    const contractId = await startedContract();

    const first = await record(contractId, 300, { note: "Batch 1" });
    expect(first.delivery).toMatchObject({ quantity: 300, value: { amount: "360000.00" }, status: "PENDING", deliveredOn: dateIn(server, 0), late: false, decidedOn: null });
    expect(first.contract).toMatchObject({ status: "IN_PRODUCTION", pendingQuantity: 300, acceptedQuantity: 0, remainingQuantity: 700, acceptedValue: { amount: "0.00" } });

    // Never more than the units still to deliver; a refusal writes nothing.
    expect(await refusedWith(server, RECORD_DELIVERY, { contractId, quantity: 701 }, alpha.token)).toEqual([["QUANTITY_OUT_OF_RANGE", "quantity"]]);
    expect(await refusedWith(server, RECORD_DELIVERY, { contractId, quantity: 0 }, alpha.token)).toEqual([["QUANTITY_OUT_OF_RANGE", "quantity"]]);

    // A rejection needs a reason and sends the units back to production.
    const deliveryId = first.delivery.id;
    expect(await refusedWith(server, REJECT_DELIVERY, { deliveryId, reason: "  " }, market.startup.token)).toEqual([["BLANK", "reason"]]);
    const rejected = (await server.gql(REJECT_DELIVERY, { input: { deliveryId, reason: "Porosity in 12 housings" } }, market.startup.token)).data.rejectDelivery;
    expect(rejected.delivery).toMatchObject({ status: "REJECTED", decidedOn: dateIn(server, 0), rejectReason: "Porosity in 12 housings" });
    expect(rejected.contract).toMatchObject({ status: "IN_PRODUCTION", pendingQuantity: 0, remainingQuantity: 1000 });
    expect(await refusedWith(server, ACCEPT_DELIVERY, { deliveryId }, market.startup.token)).toEqual([["INVALID_STATE", "deliveryId"]]);

    // Everything delivered: DELIVERED until decided, and it cannot be cancelled meanwhile.
    const second = await record(contractId, 400);
    const third = await record(contractId, 600);
    expect(third.contract).toMatchObject({ status: "DELIVERED", pendingQuantity: 1000, remainingQuantity: 0 });
    expect(await refusedWith(server, RECORD_DELIVERY, { contractId, quantity: 1 }, alpha.token)).toEqual([
      ["INVALID_STATE", "contractId"],
      ["QUANTITY_OUT_OF_RANGE", "quantity"],
    ]);
    expect(await refusedWith(server, CANCEL, { contractId, reason: "Changed my mind" }, market.startup.token)).toEqual([["INVALID_STATE", "contractId"]]);

    const accepted = (await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: second.delivery.id } }, market.startup.token)).data.acceptDelivery;
    expect(accepted.contract).toMatchObject({ status: "DELIVERED", pendingQuantity: 600, acceptedQuantity: 400, acceptedValue: { amount: "480000.00" }, order: { status: "IN_PRODUCTION" } });
    const before = (await server.gql(CONTRACT, { id: contractId }, alpha.token)).data.node.bookedHours;
    expect(before).toBe(500);
    const last = (await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: third.delivery.id } }, market.startup.token)).data.acceptDelivery;
    expect(last.contract).toMatchObject({ status: "ACCEPTED", acceptedQuantity: 1000, acceptedValue: { amount: "1200000.00" }, order: { status: "COMPLETED" } });

    // Finished early: the hours booked after this week go back to the engineers.
    const after = (await server.gql(CONTRACT, { id: contractId }, alpha.token)).data.node;
    expect(await count(server.database, sql`select count(*) as n from bookings where contract_id = ${dbIdOf(contractId)} and week > ${weekStart(dateIn(server, 0))}`)).toBe(0);
    expect(after.bookedHours).toBeLessThan(500);
    expect(after.deliveries.nodes).toEqual([
      { quantity: 300, status: "REJECTED", late: false, rejectReason: "Porosity in 12 housings" },
      { quantity: 400, status: "ACCEPTED", late: false, rejectReason: null },
      { quantity: 600, status: "ACCEPTED", late: false, rejectReason: null },
    ]);
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
  });

  it("marks deliveries after the promised date late, and replays a delivery with the same idempotency key", async () => {
    const contractId = await startedContract();
    server.advance(31 * DAY);
    try {
      const input = { contractId, quantity: 250, idempotencyKey: "late-batch-1" };
      const first = (await server.gql(RECORD_DELIVERY, { input }, market.contractors[0].token)).data.recordDelivery;
      expect(first.delivery).toMatchObject({ late: true, deliveredOn: dateIn(server, 0) });
      const rows = () => count(server.database, sql`select count(*) as n from deliveries`);
      const before = await rows();
      const replay = (await server.gql(RECORD_DELIVERY, { input }, market.contractors[0].token)).data.recordDelivery;
      expect(replay.delivery.id).toBe(first.delivery.id);
      expect(await rows()).toBe(before);
      expect(await refusedWith(server, RECORD_DELIVERY, { ...input, quantity: 251 }, market.contractors[0].token)).toEqual([["IDEMPOTENCY_KEY_REUSED", "idempotencyKey"]]);
    } finally {
      server.advance(-31 * DAY);
    }
  });

  it("completes an order whose other contract was cancelled after one was accepted", async () => {
    const [, alpha, beta] = market.contractors; // Alpha Fab is busy with the contracts above.
    const orderId = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 60, minContractors: 2 } });
    const alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600 });
    const betaBid = await submitBid(server, beta.token, orderId, { minLot: 1, maxQuantity: 600 });
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 600 }, { bidId: betaBid, quantity: 400 }] } }, market.startup.token);
    const [alphaContract, betaContract] = award.data.awardOrder.contracts.map((c: any) => c.id);
    await server.gql(START, { input: { contractId: alphaContract } }, alpha.token);
    const delivered = (await server.gql(RECORD_DELIVERY, { input: { contractId: alphaContract, quantity: 600 } }, alpha.token)).data.recordDelivery;
    await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: delivered.delivery.id } }, market.startup.token);
    const cancelled = await server.gql(CANCEL, { input: { contractId: betaContract, reason: "Second source no longer needed" } }, market.startup.token);
    expect(cancelled.data.cancelContract).toEqual({ contract: { status: "CANCELLED" }, userErrors: [] });
    const order = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { status } } }`, { id: orderId }, market.startup.token);
    expect(order.data.node.status).toBe("COMPLETED");
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
  });
});

describe("accepting part of a delivery", () => {
  it("accepts 288 of 300 units and rejects the 12 others with a reason: revenue for the 288, the 12 due again", async () => {
    // Beta's: Alpha's engineers are booked by the contracts above.
    const beta = market.contractors[1];
    const contractId = await startedContract(beta);
    const delivered = (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity: 300 } }, beta.token)).data.recordDelivery;
    const deliveryId = delivered.delivery.id;
    // Refused, clearly, and nothing written: none accepted, no reason for the rest, a reason with nothing rejected.
    expect(await refusedWith(server, ACCEPT_DELIVERY, { deliveryId, quantity: 0 }, market.startup.token)).toEqual([["QUANTITY_OUT_OF_RANGE", "quantity"]]);
    expect(await refusedWith(server, ACCEPT_DELIVERY, { deliveryId, quantity: 301 }, market.startup.token)).toEqual([["QUANTITY_OUT_OF_RANGE", "quantity"]]);
    expect(await refusedWith(server, ACCEPT_DELIVERY, { deliveryId, quantity: 288 }, market.startup.token)).toEqual([["BLANK", "rejectReason"]]);
    expect(await refusedWith(server, ACCEPT_DELIVERY, { deliveryId, rejectReason: "Cracks." }, market.startup.token)).toEqual([["INVALID_STATE", "rejectReason"]]);
    const partly = (await server.gql(ACCEPT_DELIVERY, { input: { deliveryId, quantity: 288, rejectReason: "12 castings with porosity in the flange." } }, market.startup.token)).data.acceptDelivery;
    expect(partly.userErrors).toEqual([]);
    expect(partly.delivery).toMatchObject({ quantity: 288, value: { amount: "345600.00" }, status: "ACCEPTED" });
    // 288 accepted, 12 to make again: the contract is back in production, nothing pending.
    expect(partly.contract).toMatchObject({ status: "IN_PRODUCTION", pendingQuantity: 0, acceptedQuantity: 288, remainingQuantity: 712, acceptedValue: { amount: "345600.00" } });
    const contract = (await server.gql(CONTRACT, { id: contractId }, market.startup.token)).data.node;
    expect(contract.deliveries.nodes).toEqual([
      { quantity: 288, status: "ACCEPTED", late: false, rejectReason: null },
      { quantity: 12, status: "REJECTED", late: false, rejectReason: "12 castings with porosity in the flange." },
    ]);
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
    // The contractor may deliver the 712 again, the 12 among them.
    const rest = (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity: 712 } }, beta.token)).data.recordDelivery;
    expect(rest.userErrors).toEqual([]);
    expect(rest.contract).toMatchObject({ status: "DELIVERED", pendingQuantity: 712 });
    const all = (await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: rest.delivery.id } }, market.startup.token)).data.acceptDelivery;
    expect(all.contract).toMatchObject({ status: "ACCEPTED", acceptedQuantity: 1000, acceptedValue: { amount: "1200000.00" } });
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
  });
});
