import Database from "better-sqlite3";
import pg from "pg";
import { DIALECT } from "../../src/db/dialect";
import { toGlobalId } from "../../src/graphql/global-id";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { AWARD, buildMarket, deliverAndAccept, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every hot read's statements, captured as the real server sends them over HTTP, planned by the
 * store itself: none may scan a table that grows with the market (orders, bids, contracts,
 * deliveries, bookings, events, notifications...) from end to end. SQLite: EXPLAIN QUERY PLAN
 * must not say "SCAN <table>" (with or without an index: a walk of the whole index is a scan too).
 * PostgreSQL, whose planner scans small tables on purpose: with sequential scans disabled, no
 * "Seq Scan" may remain, that is an index serves every access. Small tables (parks, capabilities,
 * score factors, a company's engineers) may be scanned.
 */
const LARGE = ["orders", "bids", "bid_revisions", "contracts", "deliveries", "bookings", "events", "notifications", "questions", "documents", "companies", "capability_offers", "engineers", "engineer_skills", "chains"];

let location: TestDatabase;
let server: TestServer;
let market: Market;
let explain: (query: string, params: unknown[]) => Promise<string[]>;
let close: () => Promise<void>;

beforeAll(async () => {
  location = await createTestDatabase();
  server = await startTestServer({ database: location });
  market = await buildMarket(server);
  // A little of everything: orders, bids, an award with deliveries, notifications.
  const orders = [await postOrder(server, market, { quantity: 200, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } }), await postOrder(server, market), await postOrder(server, market)];
  const bid = await submitBid(server, market.contractors[0].token, orders[0], { minLot: 1, maxQuantity: 200 });
  await submitBid(server, market.contractors[1].token, orders[1]);
  const award = (await server.gql(AWARD, { input: { orderId: orders[0], allocations: [{ bidId: bid, quantity: 200 }] } }, market.startup.token)).data.awardOrder;
  await deliverAndAccept(server, market.contractors[0].token, market.startup.token, award.contracts[0].id, 50, true);
  if (DIALECT === "sqlite") {
    const db = new Database(location.env.DATABASE_PATH, { readonly: true });
    explain = async (query, params) => db.prepare(`explain query plan ${query}`).all(...params).map((row: any) => String(row.detail));
    close = async () => void db.close();
  } else {
    const client = new pg.Client({ connectionString: location.env.DATABASE_URL });
    await client.connect();
    await client.query("set enable_seqscan = off");
    const nodes = (plan: any): string[] => [`${plan["Node Type"]}${plan["Relation Name"] ? ` on ${plan["Relation Name"]}` : ""}`, ...(plan.Plans ?? []).flatMap(nodes)];
    explain = async (query, params) => nodes((await client.query(`explain (format json) ${query}`, params)).rows[0]["QUERY PLAN"][0].Plan);
    close = () => client.end();
  }
}, 60_000);
afterAll(async () => {
  await close();
  await server.close();
  await location.drop();
});

/** The whole-table scans of a large table in the plans of every SELECT a request sends. */
async function scansOf(query: string, variables: Record<string, unknown>, token: string): Promise<string[]> {
  const statements: { query: string; params: unknown[] }[] = [];
  server.database.stats.onQuery = (text, params) => void statements.push({ query: text, params });
  try {
    const res = await server.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
  } finally {
    server.database.stats.onQuery = undefined;
  }
  expect(statements.length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const statement of statements.filter((s) => /^\s*(with|select)\b/i.test(s.query))) {
    for (const step of await explain(statement.query, statement.params)) {
      if (process.env.SHOW_PLANS) process.stdout.write(`${step}  <-  ${statement.query.slice(0, 200)}\n`);
      const table = DIALECT === "sqlite" ? /^SCAN (\w+)/.exec(step)?.[1] : /^Seq Scan on (\w+)/.exec(step)?.[1];
      if (table && LARGE.includes(table)) scans.push(`${step}  <-  ${statement.query.slice(0, 160)}`);
    }
  }
  return scans;
}

const SORTS = ["NEEDED_BY", "BIDDING_CLOSES_AT", "QUANTITY", "CREATED_AT"];

describe("query plans of the hot reads", () => {
  it.each(SORTS.flatMap((field) => ["ASC", "DESC"].map((direction) => [field, direction])))("openOrders by %s %s, first and later pages, seek an index", async (field, direction) => {
    const query = `query($after: String) { openOrders(first: 1, after: $after, orderBy: { field: ${field}, direction: ${direction} }) { nodes { id title } pageInfo { endCursor } } }`;
    const token = market.contractors[2].token;
    expect(await scansOf(query, {}, token)).toEqual([]);
    const cursor = (await server.gql(query, {}, token)).data.openOrders.pageInfo.endCursor;
    expect(await scansOf(query, { after: cursor }, token)).toEqual([]);
  });

  it.each([
    ["myOrders", `{ myOrders(first: 5) { nodes { id status bids { totalCount } } } }`, () => market.startup.token],
    ["myBids (live)", `{ myBids(first: 5, filter: { statuses: [LIVE] }) { nodes { id order { title } } } }`, () => market.contractors[0].token],
    ["myContracts", `{ myContracts(first: 5) { nodes { id status deliveries { nodes { id } } } } }`, () => market.contractors[0].token],
    ["myOrders (completed)", `{ myOrders(first: 5, filter: { statuses: [COMPLETED] }) { nodes { id } } }`, () => market.startup.token],
    ["myContracts (awarded)", `{ myContracts(first: 5, filter: { statuses: [AWARDED] }) { nodes { id } } }`, () => market.contractors[0].token],
    ["openOrders of one capability", `{ openOrders(first: 5, filter: { capabilityId: "${toGlobalId("Capability", 1)}" }) { nodes { id } } }`, () => market.contractors[0].token],
    ["notifications", `{ viewer { notifications(first: 5) { nodes { id } } } }`, () => market.contractors[0].token],
  ])("%s seeks an index", async (_label, query, token) => {
    expect(await scansOf(query, {}, token())).toEqual([]);
  });

  it("an order's detail seeks an index", async () => {
    const order = (await server.gql(`{ myOrders(first: 1) { nodes { id } } }`, {}, market.startup.token)).data.myOrders.nodes[0].id;
    const detail = `query($id: ID!) { node(id: $id) { ... on Order { title bids { nodes { id terms { unitPrice { amount } } } } contracts { nodes { id deliveries { nodes { id } } } } history { nodes { toStatus } } } } }`;
    expect(await scansOf(detail, { id: order }, market.startup.token)).toEqual([]);
  });
});
