import { createClient as createHttpClient } from "graphql-http";
import { CloseCode } from "graphql-ws";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { liveClient, type LiveClient, type LiveSubscription } from "../support/live";
import { ACCEPT_DELIVERY, AWARD, RECORD_DELIVERY, START, addContractor, buildMarket, postOrder, submitBid, type Market } from "../support/marketplace";
import type { RegisteredCompany } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { sql } from "drizzle-orm";
import { admin } from "../support/database";
import { describeOnPostgres } from "../support/dialect";
import { query } from "../support/sql";

/**
 * Subscriptions end to end, with graphql-ws's own client over a real socket: every kind of event
 * reaches those the access policy lets see it and no one else (a competitor never hears of a
 * sealed bid), documents pass the same limits as over HTTP, and a revoked token's subscriptions end.
 */
let server: TestServer;
let market: Market;
let caster: RegisteredCompany;
const clients: LiveClient[] = [];

const EVENTS = /* GraphQL */ `
  subscription Events($filter: MarketEventFilter) {
    marketEvents(filter: $filter) {
      type
      toStatus
      engineerHours
      order { id status }
      bid { id company { id } terms { engineerHoursPerUnit } }
      contract { id }
      delivery { id quantity }
    }
  }
`;

async function subscribe(token: string | undefined, query = EVENTS, variables?: Record<string, unknown>): Promise<LiveSubscription> {
  const client = liveClient(server, token);
  clients.push(client);
  return client.subscribe(query, variables);
}

const typesOf = (sub: LiveSubscription) => sub.results.map((r) => r.data?.marketEvents?.type ?? r.errors);

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  caster = await addContractor(server, market.parkId, market.otherCapabilityId, "Delta Casting");
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
});

describe("who hears of what", () => {
  it("an order's life reaches its owner, its bidders each of their own, the capability's contractors and the coordinator, and no one else", async () => {
    const [alpha, beta, gamma] = market.contractors;
    const listeners = {
      owner: await subscribe(market.startup.token),
      otherStartup: await subscribe(market.otherStartup.token),
      alpha: await subscribe(alpha.token),
      beta: await subscribe(beta.token),
      gamma: await subscribe(gamma.token),
      caster: await subscribe(caster.token),
      coordinator: await subscribe(market.coordinator),
    };

    const orderId = await postOrder(server, market, { quantity: 500, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const alphaBid = await submitBid(server, alpha.token, orderId, { maxQuantity: 500 });
    const betaBid = await submitBid(server, beta.token, orderId, { maxQuantity: 500, unitPrice: { amount: "1100.00" } });
    const withdrawn = await server.gql(`mutation($input: WithdrawBidInput!) { withdrawBid(input: $input) { userErrors { code } } }`, { input: { bidId: betaBid } }, beta.token);
    expect(withdrawn.data.withdrawBid.userErrors).toEqual([]);
    const award = await server.gql(AWARD, { input: { orderId, allocations: [{ bidId: alphaBid, quantity: 500 }] } }, market.startup.token);
    expect(award.data.awardOrder.userErrors).toEqual([]);
    const contractId = award.data.awardOrder.contracts[0].id;
    expect((await server.gql(START, { input: { contractId } }, alpha.token)).data.startContractProduction.userErrors).toEqual([]);
    const recorded = (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity: 200 } }, alpha.token)).data.recordDelivery;
    expect(recorded.userErrors).toEqual([]);
    expect((await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: recorded.delivery.id } }, market.startup.token)).data.acceptDelivery.userErrors).toEqual([]);
    // Two last orders that between them reach every listener: events arrive in commit order,
    // so a listener that has its last one has everything before it.
    await postOrder(server, { ...market, startup: market.otherStartup });
    await postOrder(server, { ...market, capabilityId: market.otherCapabilityId });

    const life = ["ORDER_POSTED", "BID_PLACED", "BID_PLACED", "BID_WITHDRAWN", "ORDER_AWARDED", "BID_AWARDED", "CONTRACT_AWARDED", "CONTRACT_STARTED", "ORDER_IN_PRODUCTION", "DELIVERY_RECORDED", "DELIVERY_ACCEPTED"];
    const expected: Record<keyof typeof listeners, string[]> = {
      owner: [...life, "ORDER_POSTED"],
      otherStartup: ["ORDER_POSTED"],
      alpha: ["ORDER_POSTED", "BID_PLACED", "ORDER_AWARDED", "BID_AWARDED", "CONTRACT_AWARDED", "CONTRACT_STARTED", "ORDER_IN_PRODUCTION", "DELIVERY_RECORDED", "DELIVERY_ACCEPTED", "ORDER_POSTED"],
      // Beta bid and withdrew: it hears of its own bid and, as a bidder, of the order's changes.
      beta: ["ORDER_POSTED", "BID_PLACED", "BID_WITHDRAWN", "ORDER_AWARDED", "ORDER_IN_PRODUCTION", "ORDER_POSTED"],
      gamma: ["ORDER_POSTED", "ORDER_POSTED"],
      caster: ["ORDER_POSTED"],
      coordinator: [...life, "ORDER_POSTED", "ORDER_POSTED"],
    };
    for (const [name, sub] of Object.entries(listeners)) {
      await sub.nth(expected[name as keyof typeof listeners].length);
    }
    // Nothing more is on its way: the coordinator hears of everything, and has had its last.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const got = Object.fromEntries(Object.entries(listeners).map(([name, sub]) => [name, typesOf(sub)]));
    expect(got).toEqual(expected);

    // Sealed bids: a bidder's bid events name its own bid only; the owner sees both, but not the bidder's engineer-hours.
    const bidsSeen = (sub: LiveSubscription) => sub.results.map((r) => r.data!.marketEvents.bid?.id).filter(Boolean);
    expect(new Set(bidsSeen(listeners.alpha))).toEqual(new Set([alphaBid]));
    expect(new Set(bidsSeen(listeners.beta))).toEqual(new Set([betaBid]));
    expect(new Set(bidsSeen(listeners.owner))).toEqual(new Set([alphaBid, betaBid]));
    const placed = (sub: LiveSubscription) => sub.results.find((r) => r.data!.marketEvents.type === "BID_PLACED")!.data!.marketEvents;
    expect(placed(listeners.owner).bid.terms.engineerHoursPerUnit).toBeNull();
    expect(placed(listeners.alpha).bid.terms.engineerHoursPerUnit).toBe(0.5);

    // The contract's engineer-hours are the contractor's: its members and the coordinator see them, the customer does not.
    const awarded = (sub: LiveSubscription) => sub.results.find((r) => r.data!.marketEvents.type === "CONTRACT_AWARDED")!.data!.marketEvents;
    expect(awarded(listeners.alpha).engineerHours).toBe(250);
    expect(awarded(listeners.coordinator).engineerHours).toBe(250);
    expect(awarded(listeners.owner).engineerHours).toBeNull();
    expect(awarded(listeners.owner).contract).toEqual({ id: contractId });

    // Each event is read as of itself: the order was OPEN when posted and IN_PRODUCTION by the delivery.
    expect(listeners.owner.results[0].data!.marketEvents.order).toEqual({ id: orderId, status: "OPEN" });
    expect(listeners.owner.results[10].data!.marketEvents).toMatchObject({ type: "DELIVERY_ACCEPTED", order: { status: "IN_PRODUCTION" }, delivery: { id: recorded.delivery.id, quantity: 200 } });
  });

  it("a filter narrows to one order's events and some kinds", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market);
    const other = await postOrder(server, market);
    const bids = await subscribe(market.startup.token, EVENTS, { filter: { orderId, types: ["BID_PLACED", "BID_REVISED"] } });
    await submitBid(server, alpha.token, other);
    const betaBid = await submitBid(server, beta.token, orderId);
    const revised = await server.gql(
      `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { userErrors { code } } }`,
      { input: { bidId: betaBid, unitPrice: { amount: "1150.00" }, minLot: 100, maxQuantity: 600, leadTimeDays: 30 } },
      beta.token,
    );
    expect(revised.data.reviseBid.userErrors).toEqual([]);
    await bids.nth(2);
    expect(bids.results.map((r) => [r.data!.marketEvents.type, r.data!.marketEvents.bid.id])).toEqual([
      ["BID_PLACED", betaBid],
      ["BID_REVISED", betaBid],
    ]);
  });

  it("a competitor subscribed to another's order hears of nothing on it, not even that it exists", async () => {
    const [alpha, beta] = market.contractors;
    const orderId = await postOrder(server, market);
    const prying = await subscribe(beta.token, EVENTS, { filter: { orderId, types: ["BID_PLACED", "BID_REVISED", "BID_WITHDRAWN"] } });
    const own = await subscribe(alpha.token, EVENTS, { filter: { orderId } });
    await submitBid(server, alpha.token, orderId);
    await own.nth(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(prying.results).toEqual([]);
    expect(prying.error).toBeUndefined();
  });
});

describe("a dashboard on real client libraries", () => {
  it("reads its orders with graphql-http's client and hears of a new bid with graphql-ws's, then reads the order again", async () => {
    const http = createHttpClient({ url: `${server.url}/graphql`, headers: { authorization: `Bearer ${market.startup.token}` } });
    const query = <T>(document: string, variables?: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        let result: { data?: T | null; errors?: readonly unknown[] } | undefined;
        http.subscribe<T>({ query: document, variables }, { next: (value) => void (result = value), error: reject, complete: () => (result?.errors ? reject(result.errors) : resolve(result!.data as T)) });
      });
    const orderId = await postOrder(server, market, { title: "Dashboard order" });
    const before = await query<{ myOrders: { nodes: { id: string; bidCount: number }[] } }>(`{ myOrders(first: 1) { nodes { id bidCount } } }`);
    expect(before.myOrders.nodes).toEqual([{ id: orderId, bidCount: 0 }]);
    const live = await subscribe(market.startup.token, `subscription($orderId: ID!) { marketEvents(filter: { orderId: $orderId }) { type } }`, { orderId });
    await submitBid(server, market.contractors[0].token, orderId);
    expect((await live.nth(1)).data!.marketEvents.type).toBe("BID_PLACED");
    const after = await query<{ node: { bidCount: number; lowestBid: { amount: string } } }>(`query($id: ID!) { node(id: $id) { ... on Order { bidCount lowestBid { amount } } } }`, { id: orderId });
    expect(after.node).toEqual({ bidCount: 1, lowestBid: { amount: "1200.00" } });
  });
});

describe("README's client example", () => {
  it("runs as written: the bids arriving on my order, with its cheapest plan after each", async () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Live events"));
    const document = /query: `(subscription[\s\S]*?)`,/.exec(section)?.[1];
    expect(document).toBeDefined();
    const orderId = await postOrder(server, market);
    const sub = await subscribe(market.startup.token, document, { orderId });
    await submitBid(server, market.contractors[1].token, orderId);
    const { data, errors } = await sub.nth(1);
    expect(errors).toBeUndefined();
    expect(data!.marketEvents).toMatchObject({ type: "BID_PLACED", bid: { company: { name: "Beta Works" }, terms: { unitPrice: { amount: "1200.00" } } } });
    expect(data!.marketEvents.order.plans.plans.nodes[0].picks.length).toBeGreaterThan(0);
  });
});

describe("the socket's rules", () => {
  it("refuses an unknown token at connection_init with 4401, and an investor's subscription as FORBIDDEN", async () => {
    const stranger = await subscribe("not-a-token");
    await stranger.ended();
    expect((stranger.error as { code: number }).code).toBe(CloseCode.Unauthorized);

    const investor = await subscribe(await server.token("INVESTOR"));
    await investor.ended();
    expect(investor.results[0]?.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("ends a revoked token's subscriptions, and its socket, with 4401", async () => {
    const issued = await server.gql(
      `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { id } userErrors { code } } }`,
      { input: { role: "MEMBER", holderName: "Night shift" } },
      market.contractors[0].token,
    );
    const { token, apiToken } = issued.data.issueApiToken;
    const sub = await subscribe(token);
    const revoked = await server.gql(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }`, { input: { apiTokenId: apiToken.id } }, market.coordinator);
    expect(revoked.data.revokeApiToken.userErrors).toEqual([]);
    await sub.ended();
    expect(sub.error).toMatchObject({ code: CloseCode.Unauthorized, reason: "The API token was revoked." });
  });

  it("takes subscriptions only, and holds their documents to the same limits as queries", async () => {
    const token = market.coordinator;
    const query = await subscribe(token, `{ viewer { role } }`);
    await query.ended();
    expect(query.error).toEqual([expect.objectContaining({ extensions: { code: "BAD_REQUEST" } })]);

    const invalid = await subscribe(token, `subscription { marketEvents { nothing } }`);
    await invalid.ended();
    expect(invalid.error).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);

    const deep = "order { company { park { companies { nodes { orders { nodes { ".repeat(2) + "id" + " } } } } } } }".repeat(2);
    const tooDeep = await subscribe(token, `subscription { marketEvents { ${deep} } }`);
    await tooDeep.ended();
    expect((tooDeep.error as { extensions: { code: string } }[])[0].extensions.code).toMatch(/QUERY_TOO_DEEP|GRAPHQL_VALIDATION_FAILED/);

    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: type`).join(" ");
    const aliased = await subscribe(token, `subscription { marketEvents { ${aliases} } }`);
    await aliased.ended();
    expect(aliased.error).toEqual([expect.objectContaining({ extensions: { code: "TOO_MANY_ALIASES" } })]);

    const badId = await subscribe(token, EVENTS, { filter: { orderId: "nothing" } });
    await badId.ended();
    expect(badId.results[0]?.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  it("holds one connection to 20 subscriptions at once", async () => {
    const client = liveClient(server, market.coordinator);
    clients.push(client);
    const subs: LiveSubscription[] = [];
    for (let i = 0; i < 20; i++) subs.push(await client.subscribe(EVENTS));
    const one = await client.subscribe(EVENTS);
    await one.ended();
    expect(one.error).toEqual([expect.objectContaining({ extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } })]);
    expect(subs.every((sub) => sub.error === undefined && !sub.completed)).toBe(true);
    for (const sub of subs) sub.unsubscribe();
  });

  it("answers a subscription sent over HTTP with a 400 that says where to send it", async () => {
    const res = await server.gql(`subscription { marketEvents { type } }`, undefined, market.coordinator);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(res.errors?.[0].message).toMatch(/WebSocket/);
  });

  it("refuses a WebSocket from a web page of an origin not allowed, and on any other path", async () => {
    const page = liveClient(server, market.coordinator, { origin: "https://evil.example" });
    clients.push(page);
    const sub = await page.subscribe(EVENTS);
    await sub.ended();
    expect((sub.error as { message: string }).message).toBe("Unexpected server response: 403");

    const elsewhere = new WebSocket(server.url.replace(/^http/, "ws") + "/elsewhere", "graphql-transport-ws");
    const refused = await new Promise<Error>((resolve) => elsewhere.once("error", resolve));
    expect(refused.message).toBe("Unexpected server response: 404");
  });

  it("stops the feed when the last subscription ends, and a new one starts it again", async () => {
    for (const client of clients.splice(0)) await client.close();
    await waitFor(() => server.app.live.size === 0);
    const sub = await subscribe(market.contractors[2].token, EVENTS, { filter: { types: ["ORDER_POSTED"] } });
    await postOrder(server, market);
    expect((await sub.nth(1)).data!.marketEvents.type).toBe("ORDER_POSTED");
  });
});

describeOnPostgres("the PostgreSQL listener", () => {
  it("reconnects when its LISTEN connection is cut, and hands on what committed meanwhile", async () => {
    const sub = await subscribe(market.contractors[1].token, EVENTS, { filter: { types: ["ORDER_POSTED"] } });
    const listening = () => query<{ pid: number }>(server.database, sql`select pid from pg_stat_activity where query like 'listen %' and datname = current_database()`);
    const before = await listening();
    expect(before.length).toBeGreaterThan(0);
    await admin(`select pg_terminate_backend(${before.map((row) => Number(row.pid)).join("), pg_terminate_backend(")})`);
    // Committed while no one listens: announced to no one, read after the reconnection.
    const during = await postOrder(server, market, { title: "Posted while the listener was down" });
    expect((await sub.nth(1, 10_000)).data!.marketEvents.order.id).toBe(during);
    const after = await postOrder(server, market, { title: "Posted after it came back" });
    expect((await sub.nth(2, 10_000)).data!.marketEvents.order.id).toBe(after);
    expect(sub.results).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
