import { createLogger } from "../../src/core/logger";
import { systemContext } from "../../src/core/request-context";
import type { RegisteredCompany } from "../support/fixtures";
import { AWARD, DAY, addContractor, buildMarket, instantIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";
import { count } from "../support/sql";
import { sql } from "drizzle-orm";

/**
 * A company's inbox over HTTP: what concerns it, done by someone else, written with the event
 * in its transaction; the platform's reminders, each once; read state per company.
 */
let server: TestServer;
let market: Market;
let caster: RegisteredCompany;

const INBOX = /* GraphQL */ `
  query Inbox($unreadOnly: Boolean, $first: Int, $after: String, $since: DateTimeISO) {
    viewer {
      unreadNotificationCount
      notifications(unreadOnly: $unreadOnly, first: $first, after: $after, since: $since) {
        totalCount
        nodes { id kind read actorName message order { id } bid { id } contract { id } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount userErrors { code field message } } }`;

async function inbox(token: string, variables: Record<string, unknown> = {}) {
  const res = await server.gql(INBOX, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data.viewer as { unreadNotificationCount: number; notifications: { totalCount: number; nodes: any[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
}

const sweep = () => server.app.services.notifications.sendReminders(systemContext(server.database.store, createLogger("error"), server.now()));

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  caster = await addContractor(server, market.parkId, market.otherCapabilityId, "Delta Casting");
});

afterAll(() => server.close());

describe("notifications of events", () => {
  let orderId: string;
  let alphaBid: string;

  it("tell the order's owner of each bid, the capability's contractors of the new order, and no one of their own acts", async () => {
    const [alpha, beta] = market.contractors;
    orderId = await postOrder(server, market, { title: "Titanium brackets" });
    alphaBid = await submitBid(server, alpha.token, orderId);
    await submitBid(server, beta.token, orderId, { unitPrice: { amount: "1150.00" } });

    const owner = await inbox(market.startup.token);
    expect(owner.unreadNotificationCount).toBe(2);
    // Newest first; the owner is not told of its own posting.
    expect(owner.notifications.nodes.map((n) => [n.kind, n.actorName])).toEqual([
      ["BID_PLACED", "Beta Works admin"],
      ["BID_PLACED", "Alpha Fab admin"],
    ]);
    expect(owner.notifications.nodes[1]).toMatchObject({ read: false, order: { id: orderId }, bid: { id: alphaBid }, message: "Alpha Fab admin bid on your order “Titanium brackets”." });

    // What came since an instant: nothing after now.
    server.advance(1_000);
    expect((await inbox(market.startup.token, { since: server.now().toISOString() })).notifications).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await inbox(market.startup.token, { since: new Date(server.now().getTime() - 60_000).toISOString() })).notifications.totalCount).toBe(2);

    const alphaInbox = await inbox(alpha.token);
    expect(alphaInbox.notifications.nodes.map((n) => n.kind)).toEqual(["ORDER_POSTED"]);
    expect(alphaInbox.notifications.nodes[0].message).toBe("Composite Startup admin posted an order in a capability you offer: “Titanium brackets”.");
    // Delta offers casting only; the other startup has nothing to do with the order.
    expect((await inbox(caster.token)).notifications.nodes).toEqual([]);
    expect((await inbox(market.otherStartup.token)).notifications.nodes).toEqual([]);
  });

  it("tell the bidders the outcome: the winners their award, the other its loss", async () => {
    const [alpha, beta, gamma] = market.contractors;
    await submitBid(server, gamma.token, orderId, { unitPrice: { amount: "1400.00" } });
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 600 }, { bidId: (await bidOf(beta.token)).id, quantity: 400 }] } }, market.startup.token);
    expect(award.data.awardOrder.userErrors).toEqual([]);
    expect((await inbox(alpha.token)).notifications.nodes.map((n) => n.kind)).toEqual(["BID_AWARDED", "ORDER_POSTED"]);
    expect((await inbox(beta.token)).notifications.nodes[0]).toMatchObject({ kind: "BID_AWARDED", contract: null });
    expect((await inbox(gamma.token)).notifications.nodes[0]).toMatchObject({ kind: "BID_NOT_AWARDED", actorName: "Composite Startup admin", message: "Your bid on “Titanium brackets” was not awarded." });
  });

  it("pages newest first, and marks read per company: named ones, then all; another company's ids are left alone", async () => {
    const owner = market.startup.token;
    const firstPage = (await inbox(owner, { first: 1 })).notifications;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const second = (await inbox(owner, { first: 1, after: firstPage.pageInfo.endCursor })).notifications.nodes;
    expect(second).toHaveLength(1);
    expect(second[0].id).not.toBe(firstPage.nodes[0].id);

    const alphaNote = (await inbox(market.contractors[0].token)).notifications.nodes[0].id;
    const marked = await server.gql(MARK, { input: { notificationIds: [firstPage.nodes[0].id, alphaNote] } }, owner);
    expect(marked.data.markNotificationsRead).toEqual({ marked: 1, unreadCount: 2, userErrors: [] });
    const unread = (await inbox(owner, { unreadOnly: true })).notifications.nodes.map((n) => n.id);
    expect(unread).toHaveLength(2);
    expect(unread[0]).toBe(second[0].id);
    // Alpha's notification is still unread, and unseen by the owner.
    expect((await inbox(market.contractors[0].token)).unreadNotificationCount).toBe(2);
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: alphaNote }, owner)).data.node).toBeNull();

    const all = await server.gql(MARK, { input: { all: true } }, owner);
    expect(all.data.markNotificationsRead).toEqual({ marked: 2, unreadCount: 0, userErrors: [] });
  });

  it("refuses a mark that names nothing or both, and writes nothing", async () => {
    const before = await count(server.database, sql`select count(*) from notifications where read_at is not null`);
    const both = await server.gql(MARK, { input: { all: true, notificationIds: ["x"] } }, market.contractors[0].token);
    expect(both.data.markNotificationsRead.userErrors.map((e: { code: string }) => e.code)).toContain("INVALID_FORMAT");
    const nothing = await server.gql(MARK, { input: {} }, market.contractors[0].token);
    expect(nothing.data.markNotificationsRead).toMatchObject({ marked: null, userErrors: [{ code: "INVALID_FORMAT", field: ["notificationIds"] }] });
    expect(await count(server.database, sql`select count(*) from notifications where read_at is not null`)).toBe(before);
  });

  it("are a company member's: the coordinator's viewer answers FORBIDDEN for them and the rest stands", async () => {
    const res = await server.gql(`{ viewer { role notifications { nodes { id } } } }`, {}, market.coordinator);
    expect(res.data.viewer).toEqual({ role: "COORDINATOR", notifications: null });
    expect(res.errors?.[0]).toMatchObject({ path: ["viewer", "notifications"], extensions: { code: "FORBIDDEN" } });
  });
});

describe("reminders", () => {
  it("tell an owner once that bidding closes within 24 hours with no bid, and a bidder that its bid expires tomorrow", async () => {
    const quiet = await postOrder(server, market, { title: "Quiet order", biddingClosesAt: instantIn(server, 12 * 60 * 60 * 1000) });
    const busy = await postOrder(server, market, { title: "Busy order" });
    const bidId = await submitBid(server, market.contractors[2].token, busy, { validUntil: instantIn(server, 20 * 60 * 60 * 1000) });
    await sweep();
    await sweep();
    const owner = (await inbox(market.startup.token, { unreadOnly: true })).notifications.nodes;
    expect(owner.filter((n) => n.kind === "BIDDING_CLOSES_SOON").map((n) => [n.order.id, n.actorName, n.message])).toEqual([
      [quiet, "platform", "Bidding on your order “Quiet order” closes within 24 hours and no bid is live."],
    ]);
    const gamma = (await inbox(market.contractors[2].token)).notifications.nodes;
    expect(gamma.filter((n) => n.kind === "BID_EXPIRES_SOON").map((n) => n.bid.id)).toEqual([bidId]);
  });

  it("tell the contractor and the customer once when a promised date passed with units undelivered", async () => {
    const [, , gamma] = market.contractors;
    const orderId = await postOrder(server, market, { title: "Late order", quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bidId = await submitBid(server, gamma.token, orderId, { minLot: 1, maxQuantity: 100, leadTimeDays: 10 });
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 100 }] } }, market.startup.token);
    const contractId = award.data.awardOrder.contracts[0].id;
    await sweep();
    const overdue = async (token: string) => (await inbox(token)).notifications.nodes.filter((n) => n.kind === "DELIVERY_OVERDUE").map((n) => n.contract.id);
    expect(await overdue(gamma.token)).toEqual([]);
    server.advance(12 * DAY);
    await sweep();
    await sweep();
    expect(await overdue(gamma.token)).toEqual([contractId]);
    expect(await overdue(market.startup.token)).toEqual([contractId]);
  });
});

async function bidOf(token: string): Promise<{ id: string }> {
  const res = await server.gql(`{ myBids(first: 1) { nodes { id } } }`, {}, token);
  return res.data.myBids.nodes[0];
}
