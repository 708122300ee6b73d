import { weekEnd, weekStart, addWeeks } from "../../src/capacity/weeks";
import { dbIdOf, refusedWith } from "../support/fixtures";
import { NO_VIOLATIONS, invariantViolations } from "../support/invariants";
import { AWARD, buildMarket, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A startup previews plans, posts, receives bids, reads the plans and awards the BALANCED one.
 *
 * The market: three contractors of four 40-hour engineers (320 units a week of this 0.5-hour
 * work), offering at Alpha 1 000.00, Beta 900.00, Gamma 1 100.00 per unit, minimum lead 5 days.
 * The order: 900 units, at most 50 % (450) each, at least 2 contractors, a day earlier worth
 * 40 000.00. Quotes complete at the end of the week by which the hours fit, not before
 * today + 5 days: d0 for 320 units (this week), d1 for 450 (next week).
 */
const PLAN_FIELDS = /* GraphQL */ `
  asOf
  valuePerDayEarlier { amount }
  plans { nodes { key totalCost { amount minorUnits } completionDate daysToCompletion contractorCount largestShare largestSharePercent picks
    lines { contractor { name } source bid { id } capabilityOffer { id } quantity unitPrice { amount } cost { amount } completionDate reason } } }
  balanced { key totalCost { amount } }
  cheapest { totalCost { amount } }
  fastest { totalCost { amount } }
  excluded { nodes { contractor { name } reason message } }
  noPlanReason { code message unitsShort }
`;

const PREVIEW = `query($input: MatchPreviewInput!) { matchPreview(input: $input) { ${PLAN_FIELDS} } }`;
const PLANS = `query($id: ID!) { node(id: $id) { ... on Order { status plans { ${PLAN_FIELDS} } } } }`;
const REVISE = `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { userErrors { code field message } } }`;

let server: TestServer;
let market: Market;
let today: string;

const d0 = () => {
  const end = weekEnd(weekStart(today));
  const byLead = dateIn(server, 5);
  return end > byLead ? end : byLead;
};
const d1 = () => weekEnd(addWeeks(weekStart(today), 1));
const linesOf = (plan: any) => plan.lines.map((l: any) => [l.contractor.name, l.source, l.quantity, l.unitPrice.amount, l.completionDate]);

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  today = dateIn(server, 0);
  const prices: Record<string, string> = { "Alpha Fab": "1000.00", "Beta Works": "900.00", "Gamma Plant": "1100.00" };
  for (const contractor of market.contractors) {
    const offers = await server.gql(`{ viewer { company { name capabilityOffers { nodes { id } } } } }`, {}, contractor.token);
    const company = offers.data.viewer.company;
    const updated = await server.gql(
      `mutation($input: UpdateCapabilityOfferInput!) { updateCapabilityOffer(input: $input) { userErrors { code message } } }`,
      { input: { capabilityOfferId: company.capabilityOffers.nodes[0].id, unitPrice: { amount: prices[company.name] } } },
      contractor.token,
    );
    expect(updated.data.updateCapabilityOffer.userErrors).toEqual([]);
  }
});
afterAll(() => server.close());

const terms = (over: Record<string, unknown> = {}) => ({
  capabilityId: market.capabilityId,
  quantity: 900,
  neededBy: dateIn(server, 90),
  maxUnitPrice: { amount: "1500.00" },
  sourcingPolicy: { maxSharePercent: 50, minContractors: 2, valuePerDayEarlier: { amount: "40000.00" } },
  ...over,
});

describe("matching, end to end over HTTP", () => {
  let orderId: string;

  it("previews the plans instant quotes give before the startup posts", async () => {
    const res = await server.gql(PREVIEW, { input: terms() }, market.startup.token);
    expect(res.errors).toBeUndefined();
    const preview = res.data.matchPreview;
    // By d0 each contractor completes 320 units: Beta 320 x 900 + Alpha 320 x 1000 + Gamma 260 x 1100 = 894 000.
    // By d1 the share limit binds first: Beta 450 x 900 + Alpha 450 x 1000 = 855 000.
    expect(preview.plans.nodes.map((p: any) => [p.completionDate, p.totalCost.amount, p.picks, p.key])).toEqual([
      [d0(), "894000.00", ["BALANCED", "FASTEST"], null],
      [d1(), "855000.00", ["CHEAPEST"], null],
    ]);
    expect(linesOf(preview.plans.nodes[0])).toEqual([
      ["Beta Works", "QUOTE", 320, "900.00", d0()],
      ["Alpha Fab", "QUOTE", 320, "1000.00", d0()],
      ["Gamma Plant", "QUOTE", 260, "1100.00", d0()],
    ]);
    expect(preview.plans.nodes[0].lines.map((l: any) => l.reason)).toEqual([
      `Cheapest eligible price; capped by its free capacity: 320 units by ${d0()}.`,
      `2nd-cheapest eligible price; capped by its free capacity: 320 units by ${d0()}.`,
      "3rd-cheapest eligible price; takes the remaining 260 units.",
    ]);
    expect(preview.plans.nodes[1]).toMatchObject({ contractorCount: 2, largestShare: 450, largestSharePercent: 50 });
    // 39 000 more to finish at least a day earlier, with a day worth 40 000: BALANCED is the faster plan.
    expect(preview.balanced.totalCost.amount).toBe("894000.00");
    expect(preview.noPlanReason).toBeNull();
  });

  it("explains a preview with no plan, and refuses bad terms and callers who post no orders", async () => {
    const res = await server.gql(PREVIEW, { input: terms({ sourcingPolicy: { maxSharePercent: 50, minContractors: 4 } }) }, market.startup.token);
    expect(res.data.matchPreview.plans.nodes).toEqual([]);
    expect(res.data.matchPreview.noPlanReason).toEqual({
      code: "MIN_CONTRACTORS",
      message: `Only 3 eligible contractors can take a lot by ${dateIn(server, 90)}; the order must go to at least 4.`,
      unitsShort: null,
    });
    const bad = await server.gql(PREVIEW, { input: terms({ quantity: 0 }) }, market.startup.token);
    expect(bad.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "quantity" });
    const contractor = await server.gql(PREVIEW, { input: terms() }, market.contractors[0].token);
    expect(contractor.errors![0].extensions!.code).toBe("FORBIDDEN");
    const anonymous = await server.gql(PREVIEW, { input: terms() });
    expect(anonymous.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("reads the plans of the posted order over its bids and the remaining quotes", async () => {
    orderId = await postOrder(server, market, { quantity: 900, sourcingPolicy: terms().sourcingPolicy });
    const [alpha, beta] = market.contractors;
    // Alpha bids 950.00 for t+14, Beta 880.00 for t+21; Gamma does not bid: its offer is quoted.
    await submitBid(server, alpha.token, orderId, { unitPrice: { amount: "950.00" }, minLot: 100, maxQuantity: 450, leadTimeDays: 14 });
    await submitBid(server, beta.token, orderId, { unitPrice: { amount: "880.00" }, minLot: 200, maxQuantity: 450, leadTimeDays: 21 });
    const res = await server.gql(PLANS, { id: orderId }, market.startup.token);
    expect(res.errors).toBeUndefined();
    const plans = res.data.node.plans;
    // By d1 (before t+14) only Gamma: too few contractors. By t+14: Alpha 450 x 950 + Gamma 450 x 1100 = 922 500.
    // By t+21: Beta 450 x 880 + Alpha 450 x 950 = 823 500. BALANCED: 922 500 + 14 x 40 000 < 823 500 + 21 x 40 000.
    expect(plans.plans.nodes.map((p: any) => [p.completionDate, p.daysToCompletion, p.totalCost.amount, p.picks])).toEqual([
      [dateIn(server, 14), 14, "922500.00", ["BALANCED", "FASTEST"]],
      [dateIn(server, 21), 21, "823500.00", ["CHEAPEST"]],
    ]);
    expect(linesOf(plans.plans.nodes[0])).toEqual([
      ["Alpha Fab", "BID", 450, "950.00", dateIn(server, 14)],
      ["Gamma Plant", "QUOTE", 450, "1100.00", d1()],
    ]);
    expect(plans.plans.nodes[0].lines.map((l: any) => l.reason)).toEqual([
      "2nd-cheapest eligible price; capped by the 50 % share limit at 450 units.",
      "3rd-cheapest eligible price; capped by the 50 % share limit at 450 units.",
    ]);
    expect(linesOf(plans.plans.nodes[1]).map((l: any[]) => l.slice(0, 3))).toEqual([
      ["Beta Works", "BID", 450],
      ["Alpha Fab", "BID", 450],
    ]);
    expect(plans.valuePerDayEarlier.amount).toBe("40000.00");
    // Another value of a day moves BALANCED: at 10 000 a day the cheaper, later plan wins.
    const cheaperDays = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { plans(valuePerDayEarlier: { amount: "10000.00" }) { balanced { totalCost { amount } } } } } }`, { id: orderId }, market.startup.token);
    expect(cheaperDays.data.node.plans.balanced.totalCost.amount).toBe("823500.00");
  });

  it("shows plans and the day's value to the owner and the coordinator only", async () => {
    const coordinator = await server.gql(PLANS, { id: orderId }, market.coordinator);
    expect(coordinator.data.node.plans.plans.nodes).toHaveLength(2);
    const contractor = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { sourcingPolicy { valuePerDayEarlier { amount } } plans { asOf } } } }`, { id: orderId }, market.contractors[0].token);
    expect(contractor.errors![0].extensions!.code).toBe("FORBIDDEN");
    const policy = await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { sourcingPolicy { maxSharePercent valuePerDayEarlier { amount } } } } }`, { id: orderId }, market.contractors[0].token);
    expect(policy.data.node.sourcingPolicy).toEqual({ maxSharePercent: 50, valuePerDayEarlier: null });
  });

  it("refuses a plan whose prices changed since it was read, writing nothing", async () => {
    const before = (await server.gql(PLANS, { id: orderId }, market.startup.token)).data.node.plans;
    const alphaBid = before.plans.nodes[0].lines[0].bid.id;
    const revised = await server.gql(REVISE, { input: { bidId: alphaBid, unitPrice: { amount: "960.00" } } }, market.contractors[0].token);
    expect(revised.data.reviseBid.userErrors).toEqual([]);
    expect(await refusedWith(server, AWARD, { orderId, planKey: before.balanced.key }, market.startup.token)).toEqual([["PLAN_CHANGED", "planKey"]]);
    expect(await refusedWith(server, AWARD, { orderId, planKey: "not-a-plan" }, market.startup.token)).toEqual([["NOT_FOUND", "planKey"]]);
    const both = await refusedWith(server, AWARD, { orderId, planKey: before.balanced.key, allocations: [{ bidId: alphaBid, quantity: 450 }] }, market.startup.token);
    expect(both).toEqual([["INVALID_FORMAT", "planKey"]]);
    // A forged key naming one offer twice (the engine never does) is not a plan of the order.
    const gammaOffer = before.plans.nodes[0].lines[1].capabilityOffer.id;
    const forged = Buffer.from(`p1~${dbIdOf(orderId)}~2200~offer:${dbIdOf(gammaOffer)}*1,offer:${dbIdOf(gammaOffer)}*1`).toString("base64url");
    expect(await refusedWith(server, AWARD, { orderId, planKey: forged }, market.startup.token)).toEqual([["NOT_FOUND", "planKey"]]);
    // Only the owner awards.
    expect(await refusedWith(server, AWARD, { orderId, planKey: before.balanced.key }, market.otherStartup.token)).toEqual([["NOT_FOUND", "orderId"]]);
  });

  it("refuses a hand-made key for an allocation the plans never showed, even at its true total", async () => {
    const plans = (await server.gql(PLANS, { id: orderId }, market.startup.token)).data.node.plans;
    const lines = plans.plans.nodes.flatMap((p: any) => p.lines);
    const betaBid = lines.find((l: any) => l.contractor.name === "Beta Works" && l.source === "BID").bid.id;
    const gamma = market.contractors[2];
    const gammaOffer = (await server.gql(`{ viewer { company { capabilityOffers { nodes { id } } } } }`, {}, gamma.token)).data.viewer.company.capabilityOffers.nodes[0].id;
    // Beta's bid of 900.00 and Gamma's quote of 1 100.00, 450 units each: within every rule, but dearer than a plan of the same date.
    const total = 450 * 90_000 + 450 * 110_000;
    const key = Buffer.from(`p1~${dbIdOf(orderId)}~${total}~bid:${dbIdOf(betaBid)}*450,offer:${dbIdOf(gammaOffer)}*450`).toString("base64url");
    expect(plans.plans.nodes.map((p: any) => p.key)).not.toContain(key);
    // refusedWith checks that no row changed: no bid made from Gamma's quote, no contract.
    expect(await refusedWith(server, AWARD, { orderId, planKey: key }, market.startup.token)).toEqual([["PLAN_CHANGED", "planKey"]]);
  });

  it("awards the BALANCED plan: contracts at the plan's terms, the quote turned into a bid, the work booked", async () => {
    const plans = (await server.gql(PLANS, { id: orderId }, market.startup.token)).data.node.plans;
    expect(plans.balanced.totalCost.amount).toBe("927000.00"); // Alpha now 960.00: 450 x 960 + 450 x 1100
    const res = await server.gql(AWARD, { input: { orderId, planKey: plans.balanced.key, idempotencyKey: "award-balanced" } }, market.startup.token);
    expect(res.data.awardOrder.userErrors).toEqual([]);
    expect(res.data.awardOrder.order.status).toBe("AWARDED");
    const contracts = res.data.awardOrder.contracts.map((c: any) => [c.quantity, c.unitPrice.amount, c.value.amount, c.promisedDate]);
    expect(contracts).toEqual([
      [450, "960.00", "432000.00", dateIn(server, 14)],
      [450, "1100.00", "495000.00", d1()],
    ]);
    // Each contract's 225 engineer-hours are booked on its contractor's engineers, 160 this week and 65 the next.
    const detail = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Order { bids { nodes { company { name } status source revisions { nodes { actorName } } } }
         contracts { nodes { contractor { name } bookedHours } } } } }`,
      { id: orderId },
      market.startup.token,
    );
    const order = detail.data.node;
    expect(order.contracts.nodes.map((c: any) => [c.contractor.name, c.bookedHours])).toEqual([
      ["Alpha Fab", 225],
      ["Gamma Plant", 225],
    ]);
    expect(order.bids.nodes.map((b: any) => [b.company.name, b.status, b.source])).toEqual([
      ["Alpha Fab", "AWARDED", "SUBMITTED"],
      ["Beta Works", "NOT_AWARDED", "SUBMITTED"],
      ["Gamma Plant", "AWARDED", "AWARDED_QUOTE"],
    ]);
    expect(order.bids.nodes[2].revisions.nodes[0].actorName).toMatch(/^platform: the published offer, awarded by /);
    const gamma = await server.gql(`{ loadReport(weeks: 2) { weeks { bookedHours } } }`, {}, market.contractors[2].token);
    expect(gamma.data.loadReport.weeks.map((w: any) => w.bookedHours)).toEqual([160, 65]);
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
    // A replay of the award returns the same contracts and writes nothing.
    const replay = await server.gql(AWARD, { input: { orderId, planKey: plans.balanced.key, idempotencyKey: "award-balanced" } }, market.startup.token);
    expect(replay.data.awardOrder.contracts.map((c: any) => c.id)).toEqual(res.data.awardOrder.contracts.map((c: any) => c.id));
    // The awarded order has no plans left to choose.
    const after = await server.gql(PLANS, { id: orderId }, market.startup.token);
    expect(after.data.node.plans.noPlanReason.code).toBe("ORDER_NOT_OPEN");
  });
});
