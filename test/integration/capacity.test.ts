import { dbIdOf, snapshot } from "../support/fixtures";
import { AWARD, buildMarket, dateIn, instantIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { addWeeks, weekStart, weeksFrom } from "../../src/capacity/weeks";
import { localDate } from "../../src/shared/time";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { startTestServer, type TestServer } from "../support/server";
import { sql } from "drizzle-orm";
import { count } from "../support/sql";

let server: TestServer;
let market: Market;

beforeEach(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
});
afterEach(() => server.close());

/** The booking and award invariants, straight from the tables. */
async function expectInvariants() {
  expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
}

const LOAD = `query($companyId: ID, $asOf: LocalDate, $weeks: SafeInt) {
  loadReport(companyId: $companyId, asOf: $asOf, weeks: $weeks) {
    weeksBookedAhead
    benchmarks { measure unit value reference gap percentOfReference meets }
    weeks { weekStart week bookedHours availableHours utilisation }
    engineers { nodes { engineer { name } bookedHours weeks { bookedHours availableHours } } }
  }
}`;

async function awardAll(orderId: string, bidId: string, quantity: number) {
  const res = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity }] } }, market.startup.token);
  return res.data.awardOrder;
}

const singleSourced = { sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } };

describe("booking awarded work", () => {
  it("books quantity x hours on the contractor's engineers, earliest week first, and reports the load", async () => {
    const [alpha] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 600, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600, leadTimeDays: 30 });
    const award = await awardAll(orderId, bidId, 600);
    expect(award.userErrors).toEqual([]);
    await expectInvariants();

    // 600 units x 0.5 h = 300 h. Four engineers of 40 h: week 1 all 160 h, week 2 the other 140 h.
    const report = (await server.gql(LOAD, { asOf: dateIn(server, 0), weeks: 4 }, alpha.token)).data.loadReport;
    expect(report.weeks.map((w: any) => [w.bookedHours, w.availableHours, w.utilisation])).toEqual([
      [160, 160, 1],
      [140, 160, 0.875],
      [0, 160, 0],
      [0, 160, 0],
    ]);
    expect(report.weeksBookedAhead).toBe(1);
    // One week booked ahead against the reference's 26 (six months).
    expect(report.benchmarks).toEqual([{ measure: "WEEKS_BOOKED_AHEAD", unit: "WEEKS", value: 1, reference: 26, gap: -25, percentOfReference: 3.8, meets: false }]);
    expect(report.weeks[0].week).toMatch(/^\d{4}-W\d{2}$/);
    expect(report.engineers.nodes.map((e: any) => [e.bookedHours, e.weeks[0].bookedHours, e.weeks[1].bookedHours])).toEqual([
      [80, 40, 40],
      [80, 40, 40],
      [80, 40, 40],
      [60, 40, 20],
    ]);
    const contract = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Contract { bookedHours bookings { nodes { hours weekStart engineer { name } } } } } }`,
      { id: award.contracts[0].id },
      alpha.token,
    );
    expect(contract.data.node.bookedHours).toBe(300);
    expect(contract.data.node.bookings.nodes).toHaveLength(8);
    // The customer sees the total but not who works on it.
    const customer = await server.gql(`query($id: ID!) { node(id: $id) { ... on Contract { bookedHours bookings { nodes { hours } } } } }`, { id: award.contracts[0].id }, market.startup.token);
    expect(customer.data.node).toEqual({ bookedHours: 300, bookings: null });
  });

  it("refuses an award whose work does not fit before the promised date, saying how many hours are missing, and writes nothing", async () => {
    const [alpha] = market.contractors;
    advanceToMonday();
    // 2000 units x 0.5 h = 1000 h; from a Monday, 6 days of lead time leave one ISO week of 160 h.
    const orderId = await postOrder(server, market, { quantity: 2000, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 2000, leadTimeDays: 6 });
    const before = await snapshot(server);
    const award = await awardAll(orderId, bidId, 2000);
    expect(award.userErrors).toHaveLength(1);
    const [error] = award.userErrors;
    expect(error.code).toBe("INSUFFICIENT_CAPACITY");
    expect(error.field).toEqual(["allocations", "0", "quantity"]);
    expect(error.message).toContain("lacks 840 engineer-hours");
    expect(await snapshot(server)).toEqual(before);
  });

  it("releases the bookings when the customer cancels the contract, cancelling the order with its last contract", async () => {
    const [alpha] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 400, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 400 });
    const contractId = (await awardAll(orderId, bidId, 400)).contracts[0].id;
    const CANCEL = `mutation($input: CancelContractInput!) { cancelContract(input: $input) { contract { status cancelReason bookedHours order { status } } userErrors { code field } } }`;
    const rival = await server.gql(CANCEL, { input: { contractId, reason: "x" } }, alpha.token);
    expect(rival.data.cancelContract.userErrors).toEqual([{ code: "NOT_FOUND", field: ["contractId"] }]);
    const res = await server.gql(CANCEL, { input: { contractId, reason: "Design frozen" } }, market.startup.token);
    expect(res.data.cancelContract).toEqual({
      contract: { status: "CANCELLED", cancelReason: "Design frozen", bookedHours: 0, order: { status: "CANCELLED" } },
      userErrors: [],
    });
    const report = (await server.gql(LOAD, { weeks: 8 }, alpha.token)).data.loadReport;
    expect(report.weeks.every((w: any) => w.bookedHours === 0)).toBe(true);
    await expectInvariants();
  });
});

/** Moves the server's clock to the coming Monday, 09:00 in Moscow, so that weeks are predictable. */
function advanceToMonday() {
  const today = dateIn(server, 0);
  const daysToMonday = (8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7 || 7;
  const target = Date.parse(`${dateIn(server, daysToMonday)}T06:00:00Z`);
  server.advance(target - server.now().getTime());
}

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

describe("engineer changes", () => {
  const UPDATE = `mutation($input: UpdateEngineerInput!) { updateEngineer(input: $input) { engineer { active weeklyHours } userErrors { code field message } } }`;
  const ENGINEERS = `{ viewer { company { engineers(first: 10) { nodes { id } } } } }`;

  it("moves a deactivated engineer's work to colleagues, keeping every contract's total", async () => {
    const [alpha] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 400, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 400, leadTimeDays: 40 });
    expect((await awardAll(orderId, bidId, 400)).userErrors).toEqual([]);
    const [first] = (await server.gql(ENGINEERS, {}, alpha.token)).data.viewer.company.engineers.nodes;
    const res = await server.gql(UPDATE, { input: { engineerId: first.id, active: false } }, alpha.token);
    expect(res.data.updateEngineer).toEqual({ engineer: { active: false, weeklyHours: 40 }, userErrors: [] });
    await expectInvariants();
    expect(await count(server.database, sql`select coalesce(sum(centihours), 0) as n from bookings where engineer_id = ${dbIdOf(first.id)} and week >= ${mondayOf(dateIn(server, 0))}`)).toBe(0);
  });

  it("refuses a cut in weekly hours when the work no longer fits, listing the contract, and changes nothing", async () => {
    const [alpha] = market.contractors;
    advanceToMonday();
    // On a Monday, 13 days of lead time span exactly two ISO weeks: 320 engineer-hours.
    // 600 units x 0.5 h = 300 h fit; with one engineer cut to 1 h a week (242 h) they do not.
    const orderId = await postOrder(server, market, { quantity: 600, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600, leadTimeDays: 13 });
    const award = await awardAll(orderId, bidId, 600);
    expect(award.userErrors).toEqual([]);
    const engineers = (await server.gql(ENGINEERS, {}, alpha.token)).data.viewer.company.engineers.nodes;
    const before = await snapshot(server);
    const res = await server.gql(UPDATE, { input: { engineerId: engineers[0].id, weeklyHours: 1 } }, alpha.token);
    const [error] = res.data.updateEngineer.userErrors;
    expect(error.code).toBe("INSUFFICIENT_CAPACITY");
    expect(error.field).toEqual(["weeklyHours"]);
    expect(error.message).toContain(award.contracts[0].id);
    expect(await snapshot(server)).toEqual(before);
  });
});

describe("instant quotes", () => {
  const QUOTES = `query($id: ID!, $quantity: SafeInt) { node(id: $id) { ... on Order { instantQuotes(quantity: $quantity) {
    company { name } quantity unitPrice { amount } totalPrice { amount } engineerHours earliestCompletionDate leadTimeDays meetsNeededBy note } } } }`;

  it("quotes later for busy contractors and for more units, and only its own to a contractor", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 1000 });
    const quotes = async (quantity?: number, token = market.startup.token) =>
      (await server.gql(QUOTES, { id: orderId, quantity }, token)).data.node.instantQuotes;

    const idle = await quotes(320);
    expect(idle.map((q: any) => q.company.name)).toEqual(["Alpha Fab", "Beta Works", "Gamma Plant"]);
    // Engineer-hours are the contractor's internal figure: the customer sees the price, not them.
    expect(idle[0]).toMatchObject({ quantity: 320, unitPrice: { amount: "1000.00" }, totalPrice: { amount: "320000.00" }, engineerHours: null });
    expect((await quotes(320, alpha.token))[0]).toMatchObject({ company: { name: "Alpha Fab" }, engineerHours: 160 });
    // 160 h fit in the current week, but the offer's minimum lead time is 5 days.
    const idleDate = idle[0].earliestCompletionDate;
    expect(idleDate >= dateIn(server, 5)).toBe(true);
    const more = await quotes(1000);
    expect(more[0].earliestCompletionDate > idleDate).toBe(true);

    // Alpha fills up with another order: its quote moves later, and it drops behind the others.
    const other = await postOrder(server, market, { quantity: 1280, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, other, { minLot: 1, maxQuantity: 1280, leadTimeDays: 60 });
    expect((await awardAll(other, bidId, 1280)).userErrors).toEqual([]);
    const busy = await quotes(320);
    const alphaQuote = busy.find((q: any) => q.company.name === "Alpha Fab");
    expect(alphaQuote.earliestCompletionDate > idleDate).toBe(true);
    expect(busy.map((q: any) => q.company.name)).toEqual(["Beta Works", "Gamma Plant", "Alpha Fab"]);

    expect((await quotes(320, beta.token)).map((q: any) => q.company.name)).toEqual(["Beta Works"]);
    await expectInvariants();
  });

  it("turns a contractor's quote into a bid in one step", async () => {
    const [, beta] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 1000 });
    const [quote] = (await server.gql(QUOTES, { id: orderId, quantity: 500 }, beta.token)).data.node.instantQuotes;
    const res = await server.gql(
      `mutation($input: BidFromInstantQuoteInput!) { bidFromInstantQuote(input: $input) { bid { terms { unitPrice { amount } maxQuantity leadTimeDays engineerHoursPerUnit } } userErrors { code field message } } }`,
      { input: { orderId, quantity: 500 } },
      beta.token,
    );
    expect(res.data.bidFromInstantQuote).toEqual({
      bid: { terms: { unitPrice: { amount: "1000.00" }, maxQuantity: 500, leadTimeDays: quote.leadTimeDays, engineerHoursPerUnit: 0.5 } },
      userErrors: [],
    });
  });
});

describe("reassigning work", () => {
  it("moves hours between engineers of the contractor in a week, never above free hours, keeping the total", async () => {
    const [alpha] = market.contractors;
    // 200 units x 0.5 h = 100 h: the first three engineers get 40, 40 and 20 h this week.
    const orderId = await postOrder(server, market, { quantity: 200, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 200 });
    const contractId = (await awardAll(orderId, bidId, 200)).contracts[0].id;
    const engineers = (await server.gql(`{ viewer { company { engineers { nodes { id } } } } }`, {}, alpha.token)).data.viewer.company.engineers.nodes.map((e: any) => e.id);
    const REASSIGN = `mutation($input: ReassignWorkInput!) { reassignWork(input: $input) { contract { bookedHours } userErrors { code field message } } }`;
    const move = (from: number, to: number, hours: number, token = alpha.token) =>
      server.gql(REASSIGN, { input: { contractId, fromEngineerId: engineers[from], toEngineerId: engineers[to], weekOf: dateIn(server, 0), hours } }, token);

    expect((await move(0, 3, 15.5)).data.reassignWork).toEqual({ contract: { bookedHours: 100 }, userErrors: [] });
    // The receiver now has 24.5 free hours; moving 30 more is refused.
    const full = (await move(1, 3, 30)).data.reassignWork.userErrors;
    expect(full.map((e: any) => [e.code, e.field.join(".")])).toEqual([["INSUFFICIENT_CAPACITY", "hours"]]);
    const tooMuch = (await move(2, 3, 25)).data.reassignWork.userErrors;
    expect(tooMuch.map((e: any) => [e.code, e.field.join(".")])).toEqual([["OUT_OF_RANGE", "hours"]]);
    expect((await move(0, 3, 1, market.contractors[1].token)).data.reassignWork.userErrors[0].code).toBe("NOT_FOUND");
    await expectInvariants();
    const report = (await server.gql(LOAD, { weeks: 1 }, alpha.token)).data.loadReport;
    expect(report.engineers.nodes.map((e: any) => e.weeks[0].bookedHours)).toEqual([24.5, 40, 20, 15.5]);
  });
});

describe("the park heat-map", () => {
  const parkOf = async (companyId: string): Promise<string> =>
    (await server.gql(`query($id: ID!) { node(id: $id) { ... on Company { park { id } } } }`, { id: companyId })).data.node.park.id;

  it("shows the coordinator utilisation per capability per week, flagging capabilities that run short", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 640, sourcingPolicy: { maxSharePercent: 50, minContractors: 2 } });
    const bids = [
      await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 320 }),
      await submitBid(server, beta.token, orderId, { minLot: 1, maxQuantity: 320 }),
    ];
    const award = await server.gql(AWARD, { input: { orderId, allocations: bids.map((bidId) => ({ bidId, quantity: 320 })) } }, market.startup.token);
    expect(award.data.awardOrder.userErrors).toEqual([]);
    const parkId = await parkOf(alpha.id);
    const HEAT = `query($parkId: ID!, $threshold: Float) { capacityHeatMap(parkId: $parkId, weeks: 2, threshold: $threshold) {
      capabilities { capability { name } contractorCount peakUtilisation runsShort weeks { bookedHours availableHours utilisation } } } }`;
    const map = (await server.gql(HEAT, { parkId, threshold: 0.6 }, market.coordinator)).data.capacityHeatMap;
    // Three contractors of 160 h offer composites; two are fully booked this week: 320 / 480.
    expect(map.capabilities).toEqual([
      {
        capability: { name: "Composites" },
        contractorCount: 3,
        peakUtilisation: 0.6667,
        runsShort: true,
        weeks: [
          { bookedHours: 320, availableHours: 480, utilisation: 0.6667 },
          { bookedHours: 0, availableHours: 480, utilisation: 0 },
        ],
      },
    ]);
    expect((await server.gql(HEAT, { parkId }, alpha.token)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("adds the park's open orders to an outlook: their hours spread from bidding close to needed-by", async () => {
    // 640 units x 0.5 h (every offer's hours per unit) = 320 h, from this week (bidding closes
    // within the hour) to the needed-by week, 20 days on; nothing is booked yet.
    await postOrder(server, market, { quantity: 640, neededBy: dateIn(server, 20), biddingClosesAt: instantIn(server, 60 * 60 * 1000) });
    // An order for a capability no contractor of the park offers shows in no row.
    await postOrder(server, market, { capabilityId: market.otherCapabilityId, quantity: 10 });
    const parkId = await parkOf(market.startup.id);
    const HEAT = `query($parkId: ID!) { capacityHeatMap(parkId: $parkId, weeks: 5, threshold: 0.15) {
      capabilities { capability { name } runsShort openOrders openOrderHours runsShortWithOpenOrders outlook { weekStart bookedHours availableHours utilisation } } } }`;
    const [row] = (await server.gql(HEAT, { parkId }, market.coordinator)).data.capacityHeatMap.capabilities;
    const today = localDate(server.now());
    const spread = weeksFrom(weekStart(localDate(new Date(server.now().getTime() + 60 * 60 * 1000))), weekStart(dateIn(server, 20)));
    const window = weeksFrom(weekStart(today), addWeeks(weekStart(today), 4));
    // 32,000 centihours over the spread's weeks, the remainder on the earliest.
    const share = (i: number) => Math.floor(32_000 / spread.length) + (i < 32_000 % spread.length ? 1 : 0);
    const expected = window.map((week) => {
      const i = spread.indexOf(week);
      const centihours = i < 0 ? 0 : share(i);
      return { weekStart: week, bookedHours: centihours / 100, availableHours: 480, utilisation: Math.round((centihours / 48_000) * 10_000) / 10_000 };
    });
    expect(row).toEqual({ capability: { name: "Composites" }, runsShort: false, openOrders: 1, openOrderHours: 320, runsShortWithOpenOrders: true, outlook: expected });
    expect(expected.reduce((sum, w) => sum + w.bookedHours, 0)).toBe(320);
  });
});

describe("load report access", () => {
  it("is for the company's members and the coordinator only", async () => {
    const [alpha, beta] = market.contractors;
    expect((await server.gql(LOAD, { companyId: alpha.id }, beta.token)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await server.gql(LOAD, { companyId: alpha.id }, market.coordinator)).data.loadReport.weeks).toHaveLength(26);
    expect((await server.gql(LOAD, { companyId: market.startup.id }, market.coordinator)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await server.gql(LOAD, { weeks: 500 }, alpha.token)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await server.gql(LOAD, {}, await server.token("INVESTOR"))).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("advances with the as-of date", async () => {
    const [alpha] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 600, ...singleSourced });
    const bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600 });
    expect((await awardAll(orderId, bidId, 600)).userErrors).toEqual([]);
    const nextWeek = (await server.gql(LOAD, { asOf: dateIn(server, 7), weeks: 2 }, alpha.token)).data.loadReport;
    expect(nextWeek.weeks.map((w: any) => w.bookedHours)).toEqual([140, 0]);
  });
});

describe("a bid's capacity check", () => {
  const SUBMIT = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { bid { id capacityCheck { promisedDate coverableUnits coversMaximum warning } } userErrors { code } } }`;
  const REVISE = `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { bid { capacityCheck { coverableUnits coversMaximum warning } } userErrors { code } } }`;
  const CHECKS = `query($id: ID!) { node(id: $id) { ... on Order { bids(first: 10) { nodes { capacityCheck { coverableUnits } } } } } }`;

  it("tells the bidder, when it bids, how many units its free hours cover by the date an award today would promise", async () => {
    const [alpha] = market.contractors;
    const orderId = await postOrder(server, market, { quantity: 1000, ...singleSourced });
    // 7 days from today always ends in next week: two weeks of 160 free hours, 0.5 h a unit, 640 units.
    const placed = (await server.gql(SUBMIT, { input: { orderId, unitPrice: { amount: "1000.00" }, minLot: 100, maxQuantity: 1000, leadTimeDays: 7, validUntil: instantIn(server, 20 * 86_400_000) } }, alpha.token)).data.submitBid;
    expect(placed.userErrors).toEqual([]);
    expect(placed.bid.capacityCheck).toEqual({
      promisedDate: dateIn(server, 7),
      coverableUnits: 640,
      coversMaximum: false,
      warning: `Your engineers who hold this capability have free hours for 640 of the bid's up to 1000 units by ${dateIn(server, 7)}: an award above 640 units today would be refused for capacity.`,
    });
    const revised = (await server.gql(REVISE, { input: { bidId: placed.bid.id, maxQuantity: 600 } }, alpha.token)).data.reviseBid;
    expect(revised.bid.capacityCheck).toEqual({ coverableUnits: 640, coversMaximum: true, warning: null });
    const tooBig = (await server.gql(REVISE, { input: { bidId: placed.bid.id, minLot: 700, maxQuantity: 1000 } }, alpha.token)).data.reviseBid;
    expect(tooBig.bid.capacityCheck.warning).toMatch(/^Your engineers who hold this capability have free hours for 640 units by .*, below the bid's minimum lot of 700/);
    // The customer sees the bid, not its contractor's capacity.
    const seen = (await server.gql(CHECKS, { id: orderId }, market.startup.token)).data.node.bids.nodes;
    expect(seen).toEqual([{ capacityCheck: null }]);
    // And the award agrees: all 1000 units, above the 640 that fit, are refused for capacity.
    expect((await awardAll(orderId, placed.bid.id, 1000)).userErrors).toEqual([expect.objectContaining({ code: "INSUFFICIENT_CAPACITY" })]);
  });
});
