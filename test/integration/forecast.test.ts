import { addWeeks, weekStart } from "../../src/capacity/weeks";
import { backtestSeries } from "../../src/reports/forecast";
import { createPark, registerCompany, type RegisteredCompany } from "../support/fixtures";
import { buildMarket, DAY, dateIn, instantIn, POST_ORDER, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The demand forecast over HTTP: sixteen weeks of orders for Composites (200 units in the first
 * week, 20 more each week after, at the park's 0.5 engineer-hours a unit) posted on a moving clock,
 * one cancelled, one from another park that a contractor of this one bid on and one it did not;
 * then the forecast against the free hours of the three contractors' twelve engineers.
 */
const FORECAST = `query($parkId: ID!, $weeks: SafeInt) { demandForecast(parkId: $parkId, weeks: $weeks) {
  asOf historyFrom horizonWeeks intervalPercent
  capabilities {
    capability { name } contractorCount hoursPerUnit method runsShort firstShortWeek runsShortAtUpper
    history { weekStart demandHours }
    weeks { weekStart forecastHours lowerHours upperHours openOrderHours availableHours bookedHours freeHours shortfallHours shortfallHoursAtUpper runsShort }
    backtest { origins points mapePercent naiveMapePercent meanAbsoluteErrorHours naiveMeanAbsoluteErrorHours totalOrigins totalMapePercent naiveTotalMapePercent }
  } } }`;
const UPDATE_ENGINEER = `mutation($input: UpdateEngineerInput!) { updateEngineer(input: $input) { userErrors { code } } }`;
const ENGINEERS = `query($id: ID!) { node(id: $id) { ... on Company { engineers(first: 10) { nodes { id } } } } }`;

const WEEKS = 16;
let server: TestServer;
let market: Market;
let outsider: RegisteredCompany;
let firstWeek: string;

const post = async (token: string, quantity: number, overrides: Record<string, unknown> = {}) => {
  const input = { title: "Housings", capabilityId: market.capabilityId, quantity, neededBy: dateIn(server, 60), biddingClosesAt: instantIn(server, 5 * DAY), sourcingPolicy: { maxSharePercent: 100, minContractors: 1 }, ...overrides };
  const res = await server.gql(POST_ORDER, { input }, token);
  expect(res.data.postOrder.userErrors).toEqual([]);
  return res.data.postOrder.order.id as string;
};

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  const otherPark = await createPark(server, market.coordinator, "Far Park");
  outsider = await registerCompany(server, otherPark, "Far Startup", "PRODUCT");
  // Post on Mondays: which weeks an order's hours spread over depends on the weekday it was posted.
  const weekday = new Date(`${dateIn(server, 0)}T12:00:00Z`).getUTCDay();
  server.advance(((8 - weekday) % 7) * DAY);
  firstWeek = weekStart(dateIn(server, 0));
  for (let w = 0; w < WEEKS; w++) {
    await post(market.startup.token, 200 + 20 * w);
    if (w === 3) {
      // Withdrawn demand does not count.
      const cancelled = await post(market.startup.token, 5000);
      const res = await server.gql(`mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }`, { input: { orderId: cancelled } }, market.startup.token);
      expect(res.data.cancelOrder.userErrors).toEqual([]);
    }
    if (w === 5) {
      // Another park's order that reached this park's contractors counts; one that did not, does not.
      const reached = await post(outsider.token, 400);
      await submitBid(server, market.contractors[0].token, reached, { minLot: 1, maxQuantity: 400, validUntil: instantIn(server, 5 * DAY) });
      await post(outsider.token, 7000);
    }
    server.advance(7 * DAY);
  }
}, 60_000);
afterAll(() => server.close());

describe("demand forecast", () => {
  it("learns each week's engineer-hours from the orders that reached the park, and forecasts the trend with an interval", async () => {
    const res = await server.gql(FORECAST, { parkId: market.parkId, weeks: 8 }, market.coordinator);
    expect(res.errors).toBeUndefined();
    const forecast = res.data.demandForecast;
    expect(forecast).toMatchObject({ horizonWeeks: 8, intervalPercent: 80, historyFrom: addWeeks(weekStart(dateIn(server, 0)), -104) });
    // Only offered capabilities have rows: Casting has no offer in this park.
    expect(forecast.capabilities.map((c: { capability: { name: string } }) => c.capability.name)).toEqual(["Composites"]);
    const composites = forecast.capabilities[0];
    expect(composites).toMatchObject({ contractorCount: 3, hoursPerUnit: 0.5, method: "DAMPED_TREND", runsShort: false, firstShortWeek: null });
    // 100 h, 110 h, ... a week; week 5 has the far park's order bid on here (400 units, 200 h).
    const expected = Array.from({ length: WEEKS }, (_, w) => ({ weekStart: addWeeks(firstWeek, w), demandHours: (200 + 20 * w) / 2 + (w === 5 ? 200 : 0) }));
    expect(composites.history).toEqual(expected);
    // The forecast carries the trend on (the far park's one-off order in week 5 holds it back a little): about the last week's 250 h and rising, inside its interval.
    const weeks = composites.weeks;
    expect(weeks).toHaveLength(8);
    expect(weeks[0].weekStart).toBe(weekStart(dateIn(server, 0)));
    expect(weeks[0].forecastHours).toBeGreaterThan(235);
    expect(weeks[0].forecastHours).toBeLessThan(285);
    for (let w = 1; w < weeks.length; w++) expect(weeks[w].forecastHours).toBeGreaterThanOrEqual(weeks[w - 1].forecastHours);
    for (const week of weeks) {
      expect(week.lowerHours).toBeLessThanOrEqual(week.forecastHours);
      expect(week.upperHours).toBeGreaterThan(week.forecastHours);
      // Twelve engineers of 40 h, nothing booked: all 480 h free, and demand fits.
      expect(week).toMatchObject({ availableHours: 480, bookedHours: 0, freeHours: 480, shortfallHours: 0, runsShort: false });
    }
    // The last two weeks' orders still await their award: their 240 h and 250 h fall in the eight weeks up to their needed-by dates.
    const open = weeks.map((w: { openOrderHours: number }) => w.openOrderHours);
    expect(open.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(490, 1);
    // Farther weeks are less certain.
    expect(weeks[7].upperHours - weeks[7].forecastHours).toBeGreaterThan(weeks[0].upperHours - weeks[0].forecastHours);
  });

  it("backtests the method on the capability's own history against the naive forecast", async () => {
    const backtest = (await server.gql(FORECAST, { parkId: market.parkId, weeks: 2 }, market.coordinator)).data.demandForecast.capabilities[0].backtest;
    // Origins at weeks 12 to 15, each forecasting the weeks it has actuals for: 2 + 2 + 2 + 1.
    expect(backtest).toMatchObject({ origins: 4, points: 7, totalOrigins: 3 });
    // The figures are the method's on the history the forecast shows (test/unit/forecast.test.ts checks the method itself).
    const history = (await server.gql(FORECAST, { parkId: market.parkId, weeks: 2 }, market.coordinator)).data.demandForecast.capabilities[0].history;
    const figures = backtestSeries(history.map((h: { demandHours: number }) => h.demandHours * 100), 2);
    expect(backtest).toMatchObject({ mapePercent: figures.mapePercent, naiveMapePercent: figures.naiveMapePercent, totalMapePercent: figures.totalMapePercent });
    expect(backtest.meanAbsoluteErrorHours).toBeCloseTo(figures.mae! / 100, 2);
    expect(backtest.mapePercent).toBeGreaterThan(0);
  });

  it("says from which week the demand outruns the free hours of the engineers who hold the capability", async () => {
    // Eleven of the twelve engineers leave: 40 h a week remain against some 260 h of demand.
    let kept = false;
    for (const contractor of market.contractors) {
      for (const engineer of (await server.gql(ENGINEERS, { id: contractor.id }, contractor.token)).data.node.engineers.nodes) {
        if (!kept) {
          kept = true;
          continue;
        }
        expect((await server.gql(UPDATE_ENGINEER, { input: { engineerId: engineer.id, active: false } }, contractor.token)).data.updateEngineer.userErrors).toEqual([]);
      }
    }
    const composites = (await server.gql(FORECAST, { parkId: market.parkId, weeks: 4 }, market.coordinator)).data.demandForecast.capabilities[0];
    expect(composites).toMatchObject({ runsShort: true, firstShortWeek: weekStart(dateIn(server, 0)), runsShortAtUpper: true });
    const [first, second] = composites.weeks;
    expect(first).toMatchObject({ availableHours: 40, freeHours: 40, runsShort: true });
    // The open order's hours count beside the forecast's.
    expect(first.shortfallHours).toBeCloseTo(first.forecastHours + first.openOrderHours - 40, 1);
    // The shortfall accumulates: week two's demand adds to what week one could not take.
    expect(second.shortfallHours).toBeCloseTo(first.shortfallHours + second.forecastHours + second.openOrderHours - 40, 1);
    expect(first.shortfallHoursAtUpper).toBeGreaterThan(first.shortfallHours);
  });

  it("counts in the heat-map's outlook the open orders of other parks that the park's contractors bid on", async () => {
    const HEAT = `query($parkId: ID!) { capacityHeatMap(parkId: $parkId, weeks: 4) { capabilities { capability { name } openOrders openOrderHours } } }`;
    const before = (await server.gql(HEAT, { parkId: market.parkId }, market.coordinator)).data.capacityHeatMap.capabilities[0];
    const reached = await post(outsider.token, 300, { biddingClosesAt: instantIn(server, 10 * DAY) });
    await submitBid(server, market.contractors[1].token, reached, { minLot: 1, maxQuantity: 300, validUntil: instantIn(server, 10 * DAY) });
    await post(outsider.token, 900, { biddingClosesAt: instantIn(server, 10 * DAY) });
    const after = (await server.gql(HEAT, { parkId: market.parkId }, market.coordinator)).data.capacityHeatMap.capabilities[0];
    // The far park's order bid on here adds its 300 units at 0.5 h; the one nobody here bid on does not.
    expect(after.openOrders).toBe(before.openOrders + 1);
    expect(after.openOrderHours).toBeCloseTo(before.openOrderHours + 150, 2);
  });

  it("is for the coordinator, investors, banks and universities; bad horizons are refused by name", async () => {
    const investor = await server.token("INVESTOR");
    expect((await server.gql(FORECAST, { parkId: market.parkId, weeks: 1 }, investor)).errors).toBeUndefined();
    const contractor = await server.gql(FORECAST, { parkId: market.parkId }, market.contractors[0].token);
    expect(contractor.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const tooFar = await server.gql(FORECAST, { parkId: market.parkId, weeks: 53 }, market.coordinator);
    expect(tooFar.errors?.[0]).toMatchObject({ message: "weeks must be from 1 to 52.", extensions: { code: "BAD_USER_INPUT", argument: "weeks" } });
    const noPark = await server.gql(FORECAST, { parkId: "UGFyazo5OTk=" }, market.coordinator);
    expect(noPark.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});
