import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { buildServer, freePort, gqlAt, startChildServer, type ChildServer } from "../support/child-server";
import { dbIdOf, type RegisteredCompany } from "../support/fixtures";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { AWARD, POST_ORDER, SUBMIT_BID, addContractor, bidInput, buildMarket, orderInput, type Market } from "../support/marketplace";
import type { DatabaseHandle } from "../../src/db/client";
import { DIALECT } from "../../src/db/dialect";
import { openSqlite, type SqliteHandle } from "../../src/db/sqlite";
import { createTestDatabase, sqliteFile, type TestDatabase } from "../support/database";
import { describeOnSqlite } from "../support/dialect";
import { startTestServer } from "../support/server";
import { liveClient } from "../support/live";
import { count, query } from "../support/sql";
import { DEMO_CAPABILITIES, DEMO_PARKS } from "../../src/seed/demo-data";

/**
 * Real server processes on one database of the run's dialect: several at once (on SQLite one
 * file: WAL, busy timeout, BEGIN IMMEDIATE; on PostgreSQL one database: SERIALIZABLE, retried,
 * advisory locks), racing for the same orders, and killed with SIGKILL under a write load.
 */
jest.setTimeout(180_000);

let dir: string;
let shared: TestDatabase;
let market: Market;
/** A contractor of its own for the capacity race, whose hours no other test books. */
let contended: RegisteredCompany;
const children: ChildServer[] = [];

async function start(database: TestDatabase = shared, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = await startChildServer(database, await freePort(), env);
  children.push(child);
  return child;
}

beforeAll(async () => {
  buildServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "processes-"));
  shared = await createTestDatabase();
  // The market is built through an in-process server on the same database, then that server stops.
  const setup = await startTestServer({ database: shared });
  market = await buildMarket(setup);
  contended = await addContractor(setup, market.parkId, market.capabilityId, "Delta Contended");
  await setup.close();
});

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGKILL");
  await Promise.all(children.map((child) => child.exited));
  await shared.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `work` on a connection of its own to `database`, closed after. */
async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>, database: TestDatabase = shared): Promise<T> {
  const handle = await database.open();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** The domain invariants of the shared database, and on SQLite its file's integrity check. */
const consistency = () =>
  withDatabase(async (database) => ({
    ...(await invariantViolations(database)),
    ...(database.dialect === "sqlite" ? { integrity: (database as SqliteHandle).sqlite.pragma("integrity_check", { simple: true }) } : {}),
  }));
const CONSISTENT = { ...NO_VIOLATIONS, ...(DIALECT === "sqlite" ? { integrity: "ok" } : {}) };

/** The child servers run on the real clock; inputs are dated from it too. */
const clock = { now: () => new Date() };

const REVISE_BID = `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { bid { id revision terms { unitPrice { amount } } } userErrors { code } } }`;
const codesOf = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code).join() || "OK";

describe(`server processes on one ${DIALECT === "sqlite" ? "database file" : "PostgreSQL database"}`, () => {
  it("start at once on an empty database with demo seeding: one migrates and seeds, in one transaction, the others find it done", async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      const started = await Promise.all([0, 1, 2].map(() => start(empty, { SEED_DEMO_DATA: "true" })));
      expect(started.filter((child) => child.output().includes("Seeded demo data"))).toHaveLength(1);
      for (const child of started) {
        expect(child.output()).not.toMatch(/UNIQUE|duplicate key|Failed to start/);
        expect((await gqlAt(child.url, `{ capabilities(first: 50) { nodes { code } } }`, {})).body.data.capabilities.nodes).toHaveLength(DEMO_CAPABILITIES.length);
      }
      expect(await withDatabase((database) => count(database, sql`select count(*) as n from parks`), empty)).toBe(DEMO_PARKS.length);
      for (const child of started) child.process.kill("SIGTERM");
      expect(await Promise.all(started.map((child) => child.exited))).toEqual([0, 0, 0]);
    } finally {
      await empty.drop();
    }
  });

  it("let exactly one of many simultaneous awards through, one live bid per contractor, and every revision, whichever of three processes answers", async () => {
    const servers = [await start(), await start(), await start()];
    const via = (i: number) => servers[i % servers.length].url;
    const posted = await gqlAt(via(0), POST_ORDER, { input: orderInput(clock, market) }, market.startup.token);
    const orderId = posted.body.data.postOrder.order.id;

    // Every contractor bids three times at once, once through each process.
    const bids = await Promise.all(
      market.contractors.flatMap((c) => servers.map((server) => gqlAt(server.url, SUBMIT_BID, { input: bidInput(clock, orderId, { minLot: 1, maxQuantity: 600 }) }, c.token))),
    );
    expect(bids.map((r) => codesOf(r.body.data.submitBid)).sort()).toEqual([...Array(6).fill("BID_ALREADY_EXISTS"), "OK", "OK", "OK"]);
    const bidIds: string[] = bids.map((r) => r.body.data.submitBid.bid?.id).filter(Boolean);

    // Each contractor revises its bid three times at once, through the three processes: all
    // three revisions are kept, numbered 2, 3 and 4, and the bid shows the last one committed.
    const revisions = await Promise.all(
      bidIds.flatMap((bidId, k) =>
        servers.map((server, i) => gqlAt(server.url, REVISE_BID, { input: { bidId, unitPrice: { amount: `${1100 + i}.00` } } }, market.contractors[k].token)),
      ),
    );
    expect(revisions.map((r) => codesOf(r.body.data.reviseBid))).toEqual(Array(9).fill("OK"));
    await withDatabase(async (database) => {
      for (const bidId of bidIds) {
        const rows = await query(database, sql`select revision, unit_price_minor from bid_revisions where bid_id = ${dbIdOf(bidId)} order by revision`);
        expect(rows.map((r) => Number(r.revision))).toEqual([1, 2, 3, 4]);
        const [bid] = await query(database, sql`select revision, unit_price_minor from bids where id = ${dbIdOf(bidId)}`);
        expect([Number(bid.revision), Number(bid.unit_price_minor)]).toEqual([4, Number(rows[3].unit_price_minor)]);
      }
    });

    // Six different valid awards at once, spread over the processes.
    const splits = [
      [600, 400, 0], [400, 600, 0], [0, 600, 400], [0, 400, 600], [500, 0, 500], [300, 300, 400],
    ];
    const awards = await Promise.all(
      splits.map((split, i) =>
        gqlAt(via(i), AWARD, { input: { orderId, allocations: split.flatMap((q, k) => (q > 0 ? [{ bidId: bidIds[k], quantity: q }] : [])) } }, market.startup.token),
      ),
    );
    const codes = awards.map((r) => codesOf(r.body.data.awardOrder));
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "INVALID_STATE")).toHaveLength(5);
    expect(await consistency()).toEqual(CONSISTENT);
    for (const server of servers) {
      server.process.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  });

  it("never overbook an engineer-week when awards of different orders compete for one contractor's hours at once", async () => {
    const servers = [await start(), await start(), await start()];
    // Delta has 160 engineer-hours a week; each award asks 200 hours (400 units x 0.5 h) within 8 days.
    const orders: string[] = [];
    const bidIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const input = orderInput(clock, market, { title: `Contested ${i}`, quantity: 400, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
      const orderId = (await gqlAt(servers[0].url, POST_ORDER, { input }, market.startup.token)).body.data.postOrder.order.id;
      const bid = await gqlAt(servers[0].url, SUBMIT_BID, { input: bidInput(clock, orderId, { minLot: 1, maxQuantity: 400, leadTimeDays: 8 }) }, contended.token);
      expect(codesOf(bid.body.data.submitBid)).toBe("OK");
      orders.push(orderId);
      bidIds.push(bid.body.data.submitBid.bid.id);
    }
    const awards = await Promise.all(
      orders.map((orderId, i) => gqlAt(servers[i % 3].url, AWARD, { input: { orderId, allocations: [{ bidId: bidIds[i], quantity: 400 }] } }, market.startup.token)),
    );
    const codes = awards.map((r) => codesOf(r.body.data.awardOrder));
    // As many as fit are awarded; the rest are refused for capacity, none for a server error.
    expect(codes.filter((c) => c === "OK").length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((c) => c !== "OK" && c !== "INSUFFICIENT_CAPACITY")).toEqual([]);
    expect(codes.filter((c) => c === "INSUFFICIENT_CAPACITY").length).toBeGreaterThanOrEqual(2);
    expect(await consistency()).toEqual(CONSISTENT);
    for (const server of servers) {
      server.process.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  });

  it("hand every event that any process commits to the subscribers of another, each once, sealed bids kept", async () => {
    const servers = [await start(), await start()];
    const listener = await startTestServer({ database: shared });
    const [alpha, beta] = market.contractors;
    const coordinator = liveClient(listener, market.coordinator);
    const bidder = liveClient(listener, alpha.token);
    try {
      const everything = await coordinator.subscribe(`subscription { marketEvents { type order { id } bid { id } } }`);
      const alphas = await bidder.subscribe(`subscription { marketEvents { type order { id } bid { id } } }`);
      // Both processes post and bid at once, so that on PostgreSQL ids commit out of their order.
      const posted = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const url = servers[i % 2].url;
          const input = orderInput(clock, market, { title: `Live ${i}` });
          const orderId: string = (await gqlAt(url, POST_ORDER, { input }, market.startup.token)).body.data.postOrder.order.id;
          const bids = await Promise.all(
            [alpha, beta].map(async (company) => (await gqlAt(url, SUBMIT_BID, { input: bidInput(clock, orderId) }, company.token)).body.data.submitBid.bid.id as string),
          );
          return { orderId, alphaBid: bids[0], betaBid: bids[1] };
        }),
      );
      await everything.nth(8 * 3);
      await alphas.nth(8 * 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const seen = (sub: typeof everything) => sub.results.map((r) => r.data!.marketEvents as { type: string; order: { id: string }; bid: { id: string } | null });
      const all = seen(everything);
      expect(all).toHaveLength(8 * 3);
      expect(new Set(all.filter((e) => e.type === "ORDER_POSTED").map((e) => e.order.id))).toEqual(new Set(posted.map((p) => p.orderId)));
      expect(new Set(all.filter((e) => e.type === "BID_PLACED").map((e) => e.bid!.id))).toEqual(new Set(posted.flatMap((p) => [p.alphaBid, p.betaBid])));
      // Alpha hears of every new order in its capability and of its own bids, never of Beta's.
      const its = seen(alphas);
      expect(its).toHaveLength(8 * 2);
      expect(new Set(its.filter((e) => e.type === "BID_PLACED").map((e) => e.bid!.id))).toEqual(new Set(posted.map((p) => p.alphaBid)));
      // An order's events arrive in their order: its posting before its bids.
      for (const { orderId } of posted) {
        const kinds = all.filter((e) => e.order.id === orderId).map((e) => e.type);
        expect(kinds).toEqual(["ORDER_POSTED", "BID_PLACED", "BID_PLACED"]);
      }
    } finally {
      await coordinator.close();
      await bidder.close();
      await listener.close();
      for (const server of servers) server.process.kill("SIGTERM");
      await Promise.all(servers.map((server) => server.exited));
    }
  });
});

describeOnSqlite("a process starting on a locked SQLite file", () => {
  it("starts while another process holds the write lock past the 5 s busy timeout, and seeds once it is free", async () => {
    const file = path.join(dir, "locked.db");
    await openSqlite(file).close();
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    const starting = start(sqliteFile(file), { SEED_DEMO_DATA: "true" });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    holder.exec("ROLLBACK");
    holder.close();
    const child = await starting;
    expect(child.output()).toContain("Seeded demo data");
    expect((await gqlAt(child.url, `{ parks { nodes { name } } }`, {})).body.data.parks.nodes).toHaveLength(DEMO_PARKS.length);
    child.process.kill("SIGTERM");
    await child.exited;
  });
});

describe("crash safety", () => {
  it("keeps every acknowledged order when one of three processes is killed with SIGKILL under a write load, again and again, while the others go on", async () => {
    const acknowledged = new Set<number>();
    const servers = [await start(), await start(), await start()];
    for (let round = 0; round < 6; round++) {
      let stop = false;
      const writers = servers.flatMap((server) =>
        Array.from({ length: 2 }, async (_, w) => {
          for (let i = 0; !stop; i++) {
            try {
              const res = await gqlAt(server.url, POST_ORDER, { input: orderInput(clock, market, { title: `Crash ${round}.${w}.${i}` }) }, market.startup.token);
              const id = res.body?.data?.postOrder?.order?.id;
              if (res.status === 200 && id) acknowledged.add(dbIdOf(id));
            } catch {
              return; // the connection died with the process
            }
          }
        }),
      );
      const victim = round % servers.length;
      await new Promise((r) => setTimeout(r, 150 + round * 60));
      servers[victim].process.kill("SIGKILL");
      // The other two go on writing after the kill.
      await new Promise((r) => setTimeout(r, 200));
      stop = true;
      await Promise.all(writers);
      await servers[victim].exited;
      servers[victim] = await start();

      const stored = await withDatabase(async (database) => new Set((await query(database, sql`select id from orders`)).map((r) => Number(r.id))));
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
      expect(await consistency()).toEqual(CONSISTENT);
    }
    expect(acknowledged.size).toBeGreaterThan(40);
    for (const server of servers) server.process.kill("SIGTERM");
    await Promise.all(servers.map((server) => server.exited));
  });
});

describe("the command-line scripts", () => {
  it("reload the demo data (npm run seed) and issue a first coordinator token (npm run token)", async () => {
    const scripts = await createTestDatabase();
    // Run in a folder of their own: the tokens file goes beside the SQLite file, or into ./data on PostgreSQL.
    const cwd = fs.mkdtempSync(path.join(dir, "scripts-"));
    const env = { ...process.env, ...scripts.env };
    const tokensFile = DIALECT === "sqlite" ? path.join(path.dirname(scripts.env.DATABASE_PATH), "demo-tokens.txt") : path.join(cwd, "data", "demo-tokens-postgresql.txt");
    const run = (script: string, args: string[] = []) =>
      execFileSync(process.execPath, [path.join(__dirname, "..", "..", "dist", "src", "scripts", script), ...args], { env, cwd, encoding: "utf8" });
    try {
      expect(run("seed.js")).toMatch(/coordinator\s+tpm_/);
      expect(fs.readFileSync(tokensFile, "utf8")).toMatch(/contract company .*tpm_/);
      expect(run("issue-token.js", ["COORDINATOR", "Cluster Development Center"]).trim()).toMatch(/^tpm_[\w-]{43}$/);
      await withDatabase(async (database) => {
        expect(await count(database, sql`select count(*) as n from companies`)).toBe(DEMO_PARKS.reduce((n, park) => n + park.companies.length, 0));
        expect(await count(database, sql`select count(*) as n from api_tokens where role = 'COORDINATOR'`)).toBe(2);
      }, scripts);
    } finally {
      await scripts.drop();
    }
  });
});

describe("graceful shutdown", () => {
  it("finishes the requests in flight on SIGTERM, then exits 0", async () => {
    const server = await start();
    const inFlight = Array.from({ length: 5 }, () => gqlAt(server.url, POST_ORDER, { input: orderInput(clock, market) }, market.startup.token));
    await new Promise((r) => setTimeout(r, 5));
    server.process.kill("SIGTERM");
    const results = await Promise.allSettled(inFlight);
    for (const result of results) {
      // A request either completed normally or was never accepted; none is cut off with a 5xx.
      if (result.status === "fulfilled") expect(result.value.status).toBe(200);
    }
    expect(await server.exited).toBe(0);
  });
});
