import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { buildServer, freePort, gqlAt, startChildServer, type ChildServer } from "../support/child-server";
import { dbIdOf } from "../support/fixtures";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { AWARD, POST_ORDER, SUBMIT_BID, bidInput, buildMarket, orderInput, type Market } from "../support/marketplace";
import { openSqlite } from "../../src/db/sqlite";
import { sqliteFile } from "../support/database";
import { describeOnSqlite } from "../support/dialect";
import { startTestServer } from "../support/server";

/**
 * Real server processes on one SQLite file: two at once (WAL, busy timeout, BEGIN IMMEDIATE),
 * and one killed with SIGKILL under a write load, again and again.
 */
jest.setTimeout(120_000);

let dir: string;
let dbPath: string;
let market: Market;
const children: ChildServer[] = [];

async function start(): Promise<ChildServer> {
  const child = await startChildServer(dbPath, await freePort());
  children.push(child);
  return child;
}

beforeAll(async () => {
  buildServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "processes-"));
  dbPath = path.join(dir, "shared.db");
  // The market is built through an in-process server on the same file, then that server stops.
  const setup = await startTestServer({ database: sqliteFile(dbPath) });
  market = await buildMarket(setup);
  await setup.close();
});

afterAll(() => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function violations() {
  const database = openSqlite(dbPath);
  try {
    return { integrity: database.sqlite.prepare("pragma integrity_check").get(), ...(await invariantViolations(database)) };
  } finally {
    await database.close();
  }
}

/** The child servers run on the real clock; inputs are dated from it too. */
const clock = { now: () => new Date() };

describeOnSqlite("two server processes on one database file", () => {
  it("both start at once on an empty file with demo seeding: one seeds, in one transaction, the other finds it seeded", async () => {
    const empty = path.join(dir, "empty.db");
    const [a, b] = await Promise.all([0, 1].map(async () => startChildServer(empty, await freePort(), { SEED_DEMO_DATA: "true" })));
    children.push(a, b);
    const seededBy = [a, b].filter((child) => child.output().includes("Seeded demo data"));
    expect(seededBy).toHaveLength(1);
    for (const child of [a, b]) {
      expect(child.output()).not.toMatch(/UNIQUE|Failed to start/);
      expect((await gqlAt(child.url, `{ capabilities(first: 50) { nodes { code } } }`, {})).body.data.capabilities.nodes).toHaveLength(12);
    }
    const sqlite = new Database(empty, { readonly: true });
    try {
      expect(sqlite.prepare("select count(*) as n from parks").get()).toEqual({ n: 2 });
    } finally {
      sqlite.close();
    }
    for (const child of [a, b]) child.process.kill("SIGTERM");
    await Promise.all([a.exited, b.exited]);
  });

  it("starts while another process holds the write lock past the 5 s busy timeout, and seeds once it is free", async () => {
    const file = path.join(dir, "locked.db");
    await openSqlite(file).close();
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    const starting = startChildServer(file, await freePort(), { SEED_DEMO_DATA: "true" });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    holder.exec("ROLLBACK");
    holder.close();
    const child = await starting;
    children.push(child);
    expect(child.output()).toContain("Seeded demo data");
    expect((await gqlAt(child.url, `{ parks { nodes { name } } }`, {})).body.data.parks.nodes).toHaveLength(2);
    child.process.kill("SIGTERM");
    await child.exited;
  });

  it("let exactly one of many simultaneous awards through, and one live bid per contractor, whichever process answers", async () => {
    const [a, b] = [await start(), await start()];
    const posted = await gqlAt(a.url, POST_ORDER, { input: orderInput(clock, market) }, market.startup.token);
    const orderId = posted.body.data.postOrder.order.id;

    // Every contractor bids twice at once, once through each process.
    const bids = await Promise.all(
      market.contractors.flatMap((c) => [a, b].map((server) => gqlAt(server.url, SUBMIT_BID, { input: bidInput(clock, orderId, { minLot: 1, maxQuantity: 600 }) }, c.token))),
    );
    const outcomes = bids.map((r) => r.body.data.submitBid.userErrors.map((e: any) => e.code).join() || "OK");
    expect(outcomes.sort()).toEqual(["BID_ALREADY_EXISTS", "BID_ALREADY_EXISTS", "BID_ALREADY_EXISTS", "OK", "OK", "OK"]);
    const bidIds = bids.map((r) => r.body.data.submitBid.bid?.id).filter(Boolean);

    // Six different valid awards at once, alternating processes.
    const splits = [
      [600, 400, 0], [400, 600, 0], [0, 600, 400], [0, 400, 600], [500, 0, 500], [300, 300, 400],
    ];
    const awards = await Promise.all(
      splits.map((split, i) =>
        gqlAt([a, b][i % 2].url, AWARD, {
          input: { orderId, allocations: split.flatMap((q, k) => (q > 0 ? [{ bidId: bidIds[k], quantity: q }] : [])) },
        }, market.startup.token),
      ),
    );
    const codes = awards.map((r) => r.body.data.awardOrder.userErrors.map((e: any) => e.code).join() || "OK");
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "INVALID_STATE")).toHaveLength(5);
    expect(await violations()).toEqual({ integrity: { integrity_check: "ok" }, ...NO_VIOLATIONS });
    for (const server of [a, b]) {
      server.process.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    }
  });
});

describeOnSqlite("crash safety", () => {
  it("keeps every acknowledged order through repeated SIGKILLs under a write load", async () => {
    const acknowledged = new Set<number>();
    for (let round = 0; round < 6; round++) {
      const server = await start();
      let stop = false;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await gqlAt(server.url, POST_ORDER, { input: orderInput(clock, market, { title: `Crash ${round}.${w}.${i}` }) }, market.startup.token);
            const id = res.body?.data?.postOrder?.order?.id;
            if (res.status === 200 && id) acknowledged.add(dbIdOf(id));
          } catch {
            return; // the connection died with the process
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + round * 60));
      server.process.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      await server.exited;

      const sqlite = new Database(dbPath, { readonly: true });
      const stored = new Set((sqlite.prepare("select id from orders").all() as { id: number }[]).map((r) => r.id));
      sqlite.close();
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
      expect(await violations()).toEqual({ integrity: { integrity_check: "ok" }, ...NO_VIOLATIONS });
    }
    expect(acknowledged.size).toBeGreaterThan(20);
  });
});

describeOnSqlite("the command-line scripts", () => {
  it("reload the demo data (npm run seed) and issue a first coordinator token (npm run token)", () => {
    const scriptsDb = path.join(dir, "scripts", "demo.db");
    const env = { ...process.env, DATABASE_PATH: scriptsDb };
    const run = (script: string, args: string[] = []) =>
      execFileSync(process.execPath, [path.join(__dirname, "..", "..", "dist", "src", "scripts", script), ...args], { env, encoding: "utf8" });
    expect(run("seed.js")).toMatch(/coordinator\s+tpm_/);
    expect(fs.readFileSync(path.join(dir, "scripts", "demo-tokens.txt"), "utf8")).toMatch(/contract company .*tpm_/);
    expect(run("issue-token.js", ["COORDINATOR", "Cluster Development Center"]).trim()).toMatch(/^tpm_[\w-]{43}$/);
    const sqlite = new Database(scriptsDb, { readonly: true });
    expect((sqlite.prepare("select count(*) as n from companies").get() as { n: number }).n).toBe(17);
    expect((sqlite.prepare("select count(*) as n from api_tokens where role = 'COORDINATOR'").get() as { n: number }).n).toBe(2);
    sqlite.close();
  });
});

describeOnSqlite("graceful shutdown", () => {
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
