import { asc } from "drizzle-orm";
import { rebuildParkDays } from "../../src/contracts/park-days.repository";
import { parkDays } from "../../src/db/schema";
import { ACCEPT_DELIVERY, AWARD, buildMarket, DAY, dateIn, deliverAndAccept, postOrder, RECORD_DELIVERY, START, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The park's days (park_days) are kept by the contract and delivery writes, so that analytics
 * over a year sum days instead of scanning the year's contracts and deliveries. After awards,
 * a cancellation, a full and a partial acceptance on several days, the kept figures must equal
 * those recomputed from the contracts and deliveries, and the analytics read them.
 */
let server: TestServer;
let market: Market;

const CANCEL = `mutation($input: CancelContractInput!) { cancelContract(input: $input) { userErrors { code } } }`;
const ANALYTICS = `query($parkId: ID!, $from: LocalDate!, $to: LocalDate!) { clusterAnalytics(parkId: $parkId, from: $from, to: $to) {
  orderVolume { contracts value { minorUnits } producedInPark { minorUnits } } inPeriod { revenue { minorUnits } } } }`;

async function award(orderId: string, bidId: string, quantity: number): Promise<string> {
  const res = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity }] } }, market.startup.token);
  expect(res.data.awardOrder.userErrors).toEqual([]);
  return res.data.awardOrder.contracts[0].id;
}

async function awarded(contractor: number, quantity: number): Promise<string> {
  const orderId = await postOrder(server, market, { quantity, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
  const bidId = await submitBid(server, market.contractors[contractor].token, orderId, { minLot: 1, maxQuantity: quantity });
  server.advance(6 * DAY);
  return award(orderId, bidId, quantity);
}

/** The park_days rows that hold a figure (a day whose only contract was cancelled keeps a row of zeros). */
const kept = async () =>
  (await server.database.db.select().from(parkDays).orderBy(asc(parkDays.parkId), asc(parkDays.day))).filter((row) =>
    [row.contracts, row.contractValueMinor, row.inParkValueMinor, row.membersValueMinor, row.membersInParkValueMinor, row.revenueMinor].some((figure) => Number(figure) !== 0),
  );

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterAll(() => server.close());

describe("a park's days", () => {
  it("are kept by awards, cancellations and acceptances as the contracts and deliveries would give them", async () => {
    const from = dateIn(server, 0);
    const first = await awarded(0, 100);
    await deliverAndAccept(server, market.contractors[0].token, market.startup.token, first, 100, true);
    const cancelled = await awarded(1, 50);
    expect((await server.gql(CANCEL, { input: { contractId: cancelled, reason: "Design frozen" } }, market.startup.token)).data.cancelContract.userErrors).toEqual([]);
    const partly = await awarded(2, 80);
    expect((await server.gql(START, { input: { contractId: partly } }, market.contractors[2].token)).data.startContractProduction.userErrors).toEqual([]);
    const delivery = (await server.gql(RECORD_DELIVERY, { input: { contractId: partly, quantity: 80 } }, market.contractors[2].token)).data.recordDelivery.delivery.id;
    server.advance(DAY);
    const accepted = await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: delivery, quantity: 30, rejectReason: "Burrs on the rest" } }, market.startup.token);
    expect(accepted.data.acceptDelivery.userErrors).toEqual([]);

    const rows = await kept();
    // Two contracts count (the cancelled one was taken off again), on their award days; revenue on the days of acceptance.
    expect(rows.reduce((sum, r) => sum + Number(r.contracts), 0)).toBe(2);
    expect(rows.filter((r) => Number(r.revenueMinor) > 0)).toHaveLength(2);
    await server.database.store.write(({ db }) => rebuildParkDays(db));
    expect(await kept()).toEqual(rows);

    // The analytics read them: the two contracts' value, the accepted 130 units' revenue.
    const to = dateIn(server, 0);
    const analytics = (await server.gql(ANALYTICS, { parkId: market.parkId, from, to }, market.coordinator)).data.clusterAnalytics;
    const value = rows.reduce((sum, r) => sum + Number(r.contractValueMinor), 0);
    expect(analytics.orderVolume).toMatchObject({ contracts: 2, value: { minorUnits: String(value) }, producedInPark: { minorUnits: String(value) } });
    expect(analytics.inPeriod.revenue.minorUnits).toBe(String(rows.reduce((sum, r) => sum + Number(r.revenueMinor), 0)));
  });
});
