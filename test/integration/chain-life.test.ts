import { weekStart } from "../../src/capacity/weeks";
import { addDays, daysBetween } from "../../src/shared/time";
import { addContractor, ACCEPT_DELIVERY, buildMarket, DAY, dateIn, instantIn, RECORD_DELIVERY, REJECT_DELIVERY, START, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A production chain's life over HTTP, with its own server (the clock moves): castings from a
 * foundry (334 for 300 good, 3 days to move) machined by the park's three composites
 * contractors; awarded whole, the machining booked only from the day the castings arrive; the
 * foundry late, the machining moved; then delivered and accepted to the chain's completion.
 */
const POST_CHAIN = `mutation($input: PostChainInput!) { postChain(input: $input) { chain { id stages { order { id } } } userErrors { code field message } } }`;
const PLANS = `query($id: ID!) { node(id: $id) { ... on Chain { plans { cheapest { key totalCost { minorUnits } stages { stage { id } startDate arrivalDate plan { lines { contractor { name } quantity completionDate } } } } } } } }`;
const AWARD_CHAIN = `mutation($input: AwardChainInput!) {
  awardChain(input: $input) {
    chain { id status }
    contracts { id order { id status } contractor { name } quantity startDate promisedDate status }
    userErrors { code field message }
  }
}`;
const PROGRESS = `query($id: ID!) { node(id: $id) { ... on Chain { status expectedCompletion completedOn neededBy
  stages { order { id status } startDate expectedCompletion completedOn late latestCompletion } } } }`;
const CONTRACT = `query($id: ID!) { node(id: $id) { ... on Contract { startDate promisedDate status bookings(first: 100) { nodes { weekStart hours } } } } }`;
const INBOX = `{ viewer { notifications(first: 50) { nodes { kind message contract { id } } } } }`;
const EVENTS = `query($id: ID!) { node(id: $id) { ... on Order { timeline(first: 100) { nodes { type contractId note actorName } } } } }`;

interface AwardedContract {
  id: string;
  order: { id: string; status: string };
  contractor: { name: string };
  quantity: number;
  startDate: string;
  promisedDate: string;
}

let server: TestServer;
let market: Market;
const foundry = () => market.contractors[3];

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  market.contractors.push(await addContractor(server, market.parkId, market.otherCapabilityId, "Voronezh Foundry"));
});
afterAll(() => server.close());

/** Posts the two-stage chain and has the foundry bid 800.00 a casting, 10 days from the start; the machining comes from the quotes. */
async function postedChain() {
  const input = {
    title: "Valve body DN100",
    quantity: 300,
    neededBy: dateIn(server, 90),
    biddingClosesAt: instantIn(server, 14 * DAY),
    stages: [
      { key: "machining", title: "Machining of valve bodies", capabilityId: market.capabilityId, sourcingPolicy: {} },
      { key: "casting", title: "Casting of valve bodies", capabilityId: market.otherCapabilityId, feeds: "machining", yieldPercent: 90, moveDays: 3, sourcingPolicy: {} },
    ],
  };
  const posted = (await server.gql(POST_CHAIN, { input }, market.startup.token)).data.postChain;
  expect(posted.userErrors).toEqual([]);
  const [machining, casting] = posted.chain.stages.map((s: { order: { id: string } }) => s.order.id);
  await submitBid(server, foundry().token, casting, { unitPrice: { amount: "800.00" }, minLot: 1, maxQuantity: 334, leadTimeDays: 10 });
  const cheapest = (await server.gql(PLANS, { id: posted.chain.id }, market.startup.token)).data.node.plans.cheapest;
  expect(cheapest).not.toBeNull();
  return { chainId: posted.chain.id as string, machining: machining as string, casting: casting as string, plan: cheapest };
}

async function awardChain(chainId: string, planKey: string, idempotencyKey?: string) {
  const res = await server.gql(AWARD_CHAIN, { input: { chainId, planKey, idempotencyKey } }, market.startup.token);
  expect(res.errors).toBeUndefined();
  return res.data.awardChain;
}

const contractOf = async (id: string, token: string) => (await server.gql(CONTRACT, { id }, token)).data.node;
const progressOf = async (chainId: string) => (await server.gql(PROGRESS, { id: chainId }, market.startup.token)).data.node;
const NAMES = ["Alpha Fab", "Beta Works", "Gamma Plant", "Voronezh Foundry"];
const tokenOf = (name: string) => market.contractors[NAMES.indexOf(name)].token;

/** Every booking of a contract lies in its start date's week or later. */
async function expectBookedFrom(contract: AwardedContract, startDate: string) {
  const { bookings } = await contractOf(contract.id, tokenOf(contract.contractor.name));
  expect(bookings.nodes.length).toBeGreaterThan(0);
  for (const booking of bookings.nodes) expect(booking.weekStart >= weekStart(startDate)).toBe(true);
}

describe("a production chain's life", () => {
  let chain: Awaited<ReturnType<typeof postedChain>>;
  let contracts: AwardedContract[];

  it("awards the whole chain in one step: every stage's contracts, each stage booked only from the day its inputs arrive", async () => {
    chain = await postedChain();
    const [castPlan, machinePlan] = chain.plan.stages;
    const today = dateIn(server, 0);
    const awarded = await awardChain(chain.chainId, chain.plan.key, "chain-award-1");
    expect(awarded.userErrors).toEqual([]);
    expect(awarded.chain).toEqual({ id: chain.chainId, status: "AWARDED" });
    contracts = awarded.contracts;
    const cast = contracts.filter((c) => c.order.id === chain.casting);
    const machine = contracts.filter((c) => c.order.id === chain.machining);
    // The foundry's casting contract starts on the award; each machining contract when the castings arrive.
    expect(cast).toEqual([expect.objectContaining({ contractor: { name: "Voronezh Foundry" }, quantity: 334, startDate: today, promisedDate: castPlan.plan.lines[0].completionDate, status: "AWARDED" })]);
    expect(machine.length).toBe(machinePlan.plan.lines.length);
    expect(machine.reduce((sum, c) => sum + c.quantity, 0)).toBe(300);
    for (const c of machine) {
      expect(c.startDate).toBe(castPlan.arrivalDate);
      expect(c.startDate).toBe(addDays(cast[0].promisedDate, 3));
      const line = machinePlan.plan.lines.find((l: { contractor: { name: string } }) => l.contractor.name === c.contractor.name);
      expect(c.promisedDate).toBe(line.completionDate);
      await expectBookedFrom(c, c.startDate);
    }
    expect(new Set(contracts.map((c) => c.order.status))).toEqual(new Set(["AWARDED"]));
    // The timeline: when each stage starts and completes, nothing late yet.
    const progress = await progressOf(chain.chainId);
    expect(progress.status).toBe("AWARDED");
    const [machining, casting] = progress.stages;
    expect(casting).toMatchObject({ startDate: today, expectedCompletion: cast[0].promisedDate, completedOn: null, late: false });
    expect(machining).toMatchObject({ startDate: castPlan.arrivalDate, expectedCompletion: machinePlan.plan.lines.map((l: { completionDate: string }) => l.completionDate).sort().at(-1), late: false });
    expect(progress.expectedCompletion).toBe(machining.expectedCompletion);
  });

  it("refuses a plan read before a bid was withdrawn (the front moved), and writes nothing", async () => {
    const stale = await postedChain();
    const bids = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Order { bids(first: 5) { nodes { id } } } } }`, { id: stale.casting }, market.startup.token)).data.node.bids.nodes;
    const withdrawn = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: bids[0].id } }, foundry().token);
    expect(withdrawn.data.withdrawBid.userErrors).toEqual([]);
    expect((await awardChain(stale.chainId, stale.plan.key)).userErrors).toEqual([expect.objectContaining({ code: "PLAN_CHANGED", field: ["planKey"] })]);
    const progress = await progressOf(stale.chainId);
    expect(progress.status).toBe("OPEN");
    expect(progress.stages.map((s: { startDate: string | null }) => s.startDate)).toEqual([null, null]);
  });

  it("answers a replay with the same idempotency key as the award, and refuses a second award and others' keys", async () => {
    const replay = await awardChain(chain.chainId, chain.plan.key, "chain-award-1");
    expect(replay.userErrors).toEqual([]);
    expect(replay.contracts.map((c: AwardedContract) => c.id).sort()).toEqual(contracts.map((c) => c.id).sort());
    expect((await awardChain(chain.chainId, chain.plan.key)).userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", field: ["chainId"] })]);
    expect((await awardChain(chain.chainId, "not-a-key")).userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["planKey"] })]);
    const other = await server.gql(AWARD_CHAIN, { input: { chainId: chain.chainId, planKey: chain.plan.key } }, market.otherStartup.token);
    expect(other.data.awardChain.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["chainId"] })]);
  });

  it("moves the machining later when the castings are delivered late, its booked hours with it, and tells its contractors and the customer", async () => {
    const cast = contracts.find((c) => c.order.id === chain.casting)!;
    const machine = contracts.filter((c) => c.order.id === chain.machining);
    // Nine days past the foundry's promise: the machining's start moves by more than a week.
    server.advance((daysBetween(dateIn(server, 0), cast.promisedDate) + 9) * DAY);
    const today = dateIn(server, 0);
    expect((await server.gql(START, { input: { contractId: cast.id } }, foundry().token)).data.startContractProduction.userErrors).toEqual([]);
    const recorded = (await server.gql(RECORD_DELIVERY, { input: { contractId: cast.id, quantity: 334 } }, foundry().token)).data.recordDelivery;
    expect(recorded.delivery.late).toBe(true);
    const arrival = addDays(today, 3);
    for (const c of machine) {
      const moved = await contractOf(c.id, tokenOf(c.contractor.name));
      const shift = daysBetween(c.startDate, arrival);
      expect(shift).toBe(9);
      expect(weekStart(arrival) > weekStart(c.startDate)).toBe(true);
      expect(moved).toMatchObject({ startDate: arrival, promisedDate: addDays(c.promisedDate, shift), status: "AWARDED" });
      // All its work still booked, none of it before the castings arrive.
      await expectBookedFrom(c, arrival);
      expect(moved.bookings.nodes.reduce((sum: number, b: { hours: number }) => sum + b.hours, 0)).toBe(c.quantity * 0.5);
      // Its contractor hears of it, told why and when.
      const inbox = (await server.gql(INBOX, {}, tokenOf(c.contractor.name))).data.viewer.notifications.nodes;
      expect(inbox).toContainEqual(expect.objectContaining({ kind: "CONTRACT_RESCHEDULED", contract: { id: c.id } }));
    }
    const customerInbox = (await server.gql(INBOX, {}, market.startup.token)).data.viewer.notifications.nodes;
    expect(customerInbox.filter((n: { kind: string }) => n.kind === "CONTRACT_RESCHEDULED").length).toBe(machine.length);
    const events = (await server.gql(EVENTS, { id: chain.machining }, market.startup.token)).data.node.timeline.nodes;
    expect(events.filter((e: { type: string }) => e.type === "CONTRACT_RESCHEDULED")).toContainEqual(
      expect.objectContaining({
        actorName: "platform",
        note: `The parts of "Casting of valve bodies" now arrive on ${arrival}: work moves 9 days later, from ${arrival} (was ${machine[0].startDate}), promised for ${addDays(machine[0].promisedDate, 9)} (was ${machine[0].promisedDate}).`,
      }),
    );
    const progress = await progressOf(chain.chainId);
    expect(progress.stages[1]).toMatchObject({ expectedCompletion: today, completedOn: null });
    expect(progress.stages[0].startDate).toBe(arrival);
    expect(progress.expectedCompletion).toBe(addDays(machine.map((c) => c.promisedDate).sort().at(-1)!, 9));
  });

  it("completes the chain when the final stage's last units are accepted", async () => {
    const castDelivery = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Contract { deliveries(first: 5) { nodes { id } } } } }`, { id: contracts.find((c) => c.order.id === chain.casting)!.id }, market.startup.token)).data.node.deliveries.nodes[0].id;
    expect((await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: castDelivery } }, market.startup.token)).data.acceptDelivery.userErrors).toEqual([]);
    expect((await progressOf(chain.chainId)).status).toBe("IN_PRODUCTION");
    server.advance(3 * DAY);
    for (const c of contracts.filter((c) => c.order.id === chain.machining)) {
      const token = tokenOf(c.contractor.name);
      expect((await server.gql(START, { input: { contractId: c.id } }, token)).data.startContractProduction.userErrors).toEqual([]);
      const recorded = (await server.gql(RECORD_DELIVERY, { input: { contractId: c.id, quantity: c.quantity } }, token)).data.recordDelivery;
      expect((await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: recorded.delivery.id } }, market.startup.token)).data.acceptDelivery.userErrors).toEqual([]);
    }
    const today = dateIn(server, 0);
    const progress = await progressOf(chain.chainId);
    expect(progress).toMatchObject({ status: "COMPLETED", completedOn: today, expectedCompletion: today });
    expect(progress.stages.map((s: { order: { status: string } }) => s.order.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(progress.stages[0].completedOn).toBe(today);
  });

  it("moves the machining after a rejected delivery of castings by when the foundry's free hours let it make them again", async () => {
    const next = await postedChain();
    const awarded = await awardChain(next.chainId, next.plan.key);
    expect(awarded.userErrors).toEqual([]);
    const cast: AwardedContract = awarded.contracts.find((c: AwardedContract) => c.order.id === next.casting);
    server.advance(daysBetween(dateIn(server, 0), cast.promisedDate) * DAY);
    expect((await server.gql(START, { input: { contractId: cast.id } }, foundry().token)).data.startContractProduction.userErrors).toEqual([]);
    const recorded = (await server.gql(RECORD_DELIVERY, { input: { contractId: cast.id, quantity: 334 } }, foundry().token)).data.recordDelivery;
    expect(recorded.delivery.late).toBe(false);
    const rejected = (await server.gql(REJECT_DELIVERY, { input: { deliveryId: recorded.delivery.id, reason: "Porosity in the flange." } }, market.startup.token)).data.rejectDelivery;
    expect(rejected.userErrors).toEqual([]);
    const note = (await server.gql(EVENTS, { id: next.casting }, market.startup.token)).data.node.timeline.nodes.find((e: { type: string }) => e.type === "DELIVERY_REJECTED").note;
    const redelivery = /expected by (\d{4}-\d{2}-\d{2})\.$/.exec(note)![1];
    // 334 castings again at 0.5 h is 167 h, more than the foundry's 160 h a week: done at the end of a later week.
    expect(redelivery > addDays(weekStart(dateIn(server, 0)), 6)).toBe(true);
    expect(new Date(`${redelivery}T00:00:00Z`).getUTCDay()).toBe(0);
    for (const c of awarded.contracts.filter((c: AwardedContract) => c.order.id === next.machining)) {
      const moved = await contractOf(c.id, tokenOf(c.contractor.name));
      expect(moved.startDate).toBe(addDays(redelivery, 3));
      expect(moved.promisedDate).toBe(addDays(c.promisedDate, daysBetween(c.startDate, moved.startDate)));
    }
  });
});

describe("a customer's chains", () => {
  it("lists its own chains, newest first, each with where it stands; no one else's", async () => {
    const MINE = `{ myChains(first: 10) { nodes { title status } pageInfo { hasNextPage } } }`;
    const mine = (await server.gql(MINE, {}, market.startup.token)).data.myChains;
    // The rejection's chain (in production); the stale one, never awarded, its stages expired as the clock moved on; the first one (completed).
    expect(mine.nodes.map((c: { status: string }) => c.status)).toEqual(["IN_PRODUCTION", "CANCELLED", "COMPLETED"]);
    expect(mine.pageInfo.hasNextPage).toBe(false);
    const firstPage = (await server.gql(`{ myChains(first: 2) { nodes { title } pageInfo { hasNextPage endCursor } } }`, {}, market.startup.token)).data.myChains;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const rest = (await server.gql(`query($after: String) { myChains(first: 2, after: $after) { nodes { status } } }`, { after: firstPage.pageInfo.endCursor }, market.startup.token)).data.myChains;
    expect(rest.nodes).toEqual([{ status: "COMPLETED" }]);
    expect((await server.gql(MINE, {}, market.otherStartup.token)).data.myChains.nodes).toEqual([]);
  });
});
