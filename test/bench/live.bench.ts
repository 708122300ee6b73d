import "reflect-metadata";
import { fork } from "node:child_process";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { createToken } from "../../src/auth/api-token.service";
import { buildMarketplaceSchema } from "../../src/api/schema";
import { createLogger } from "../../src/core/logger";
import { sqlRows } from "../../src/db/executor";
import { toGlobalId } from "../../src/graphql/global-id";
import { createApp } from "../../src/server";
import { createTestDatabase } from "../support/database";
import { generateMarket } from "./generate";
import { STORE, runBench } from "./support";

/**
 * `npm run bench:live`: the latency from a committed change to its event at the subscribers, with
 * 100 and then 1,000 subscriptions open, each on its own socket, in a second process; and the
 * server's memory per subscription. The server runs in this process on a generated park; every
 * subscriber is a member of a contract company offering the capability, so each new order's
 * event passes the access policy for each of them (the policy's database question answered once
 * per event). Subscribers of the same company with the same document share one execution of
 * each event (src/websocket.ts): the "distinct" round gives each its own document, so nothing is
 * shared, the worst case. Orders are posted over HTTP one at a time, 100 ms apart (BENCH_GAP_MS); commit time is
 * taken when the write transaction returns.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 60);
/** Between one order's answer and the next post. */
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 100);
/** Rounds: how many subscriptions, and whether each has a document of its own (nothing shared between them). */
const ROUNDS = (process.env.BENCH_SUBSCRIBERS ?? "100,1000,1000/distinct").split(",").map((round) => ({ size: Number(round.split("/")[0]), distinct: round.endsWith("/distinct") }));
const subscription = (n: number | null) => `subscription { marketEvents(filter: { types: [ORDER_POSTED] }) { type order { id title } ${n === null ? "" : `mark${n}: __typename`} } }`;
const POST = `mutation($input: PostOrderInput!) { postOrder(input: $input) { order { id } userErrors { code message } } }`;
/** CLOCK_MONOTONIC, in ms, as the subscribers read it (test/bench/live-clients.ts). */
const wallClock = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const heap = () => {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
};

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main() {
  if (!global.gc) process.stdout.write("(run with node --expose-gc for the memory figure; npm run bench:live does)\n");
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const market = await generateMarket(database.store, { productCompanies: 20, contractCompanies: 60, engineersPerContractor: 5, openOrders: 500, awardedOrders: 50, bidsPerOpenOrder: 2 });
  const [startup] = await sqlRows<{ id: number }>(database.db, sql`select id from companies where kind = 'PRODUCT' order by id limit 1`);
  const [capability] = await sqlRows<{ id: number }>(database.db, sql`select id from capabilities order by id limit 1`);
  const poster = (await createToken(database.db, { role: "MEMBER", companyId: startup.id, holderName: "bench startup" })).token;

  // When each write transaction returned (the commit is done by then), for the order it posted.
  let lastCommit = 0;
  const write = database.store.write.bind(database.store);
  database.store.write = async (work) => {
    const result = await write(work);
    lastCommit = wallClock();
    return result;
  };

  const app = await createApp({ database, schema: await buildMarketplaceSchema(), logger: createLogger("error"), maxBodyBytes: 100_000 });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const port = (app.httpServer.address() as AddressInfo).port;
  const post = async (i: number, round: number) => {
    const input = {
      title: `Live bench ${round}.${i}`,
      description: "Posted by the live benchmark.",
      capabilityId: toGlobalId("Capability", capability.id),
      quantity: 100,
      neededBy: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      maxUnitPrice: { amount: "1500.00" },
      biddingClosesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      sourcingPolicy: { maxSharePercent: 100, minContractors: 1 },
    };
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${poster}` }, body: JSON.stringify({ query: POST, variables: { input } }) });
    const body = (await res.json()) as { data?: { postOrder: { order: { id: string } | null; userErrors: unknown[] } }; errors?: unknown };
    if (!body.data?.postOrder.order) throw new Error(JSON.stringify(body.errors ?? body.data?.postOrder.userErrors));
    return { id: body.data.postOrder.order.id, committed: lastCommit };
  };

  process.stdout.write(`On ${STORE}: ${EVENTS} new orders per run, ${GAP_MS} ms apart, each heard of by every subscriber; subscribers in a second process, one socket each\n\n`);
  process.stdout.write(`${"subscriptions".padEnd(14)} ${"events".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"first ms".padStart(9)} ${"lost".padStart(6)} ${"KiB/subscription".padStart(17)}\n`);
  for (const [round, { size, distinct }] of ROUNDS.entries()) {
    const tokens: string[] = [];
    for (let i = 0; i < size; i++) {
      const companyId = market.contractorIds[i % market.contractorIds.length];
      tokens.push((await createToken(database.db, { role: "MEMBER", companyId, holderName: `subscriber ${i}` })).token);
    }
    const before = heap();
    const clients = fork(path.join(__dirname, "live-clients.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const reply = <T>(key: string) => new Promise<T>((resolve) => clients.on("message", (message: Record<string, unknown>) => key in message && resolve(message as T)));
    const started = reply("started");
    clients.send({ start: { url: `ws://127.0.0.1:${port}/graphql`, tokens, queries: tokens.map((_, i) => subscription(distinct ? i : null)) } });
    await started;
    await waitUntil(() => app.live.size === size, 60_000, `${size} subscriptions`);
    const perSubscription = (heap() - before) / size;

    const posted: { id: string; committed: number }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      posted.push(await post(i, round));
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const reported = reply<{ receipts: [string, number][]; failures: number }>("receipts");
    clients.send({ report: true });
    const { receipts, failures } = await reported;
    const committedAt = new Map(posted.map((p) => [p.id, p.committed]));
    const latencies = receipts.filter(([id]) => committedAt.has(id)).map(([id, at]) => at - committedAt.get(id)!);
    latencies.sort((a, b) => a - b);
    // The first subscriber's arrival, per event (median over events): the rest of p50 is the fan-out.
    const firsts = new Map<string, number>();
    for (const [id, at] of receipts) if (committedAt.has(id)) firsts.set(id, Math.min(firsts.get(id) ?? Infinity, at - committedAt.get(id)!));
    const first = percentile([...firsts.values()].sort((a, b) => a - b), 0.5);
    const lost = EVENTS * size - latencies.length + failures;
    process.stdout.write(
      `${`${size}${distinct ? " distinct" : ""}`.padEnd(14)} ${String(latencies.length).padStart(8)} ${percentile(latencies, 0.5).toFixed(1).padStart(8)} ${percentile(latencies, 0.99).toFixed(1).padStart(8)} ${latencies[latencies.length - 1].toFixed(1).padStart(8)} ${first.toFixed(1).padStart(9)} ${String(lost).padStart(6)} ${(perSubscription / 1024).toFixed(1).padStart(17)}\n`,
    );
    clients.send({ stop: true });
    await new Promise((resolve) => clients.on("exit", resolve));
    await waitUntil(() => app.live.size === 0, 10_000, "the subscriptions to end");
  }
  process.stdout.write(`\nLatency: from the write transaction's return in the server to the event's arrival at the subscriber, on loopback.\n`);
  process.stdout.write(`"first ms": the median over events of the first subscriber's arrival; events are executed for all their subscribers, then sent.\n`);
  process.stdout.write(`Subscribers are members of ${market.contractorIds.length} contract companies; "distinct": each subscription its own document, no execution shared.\n`);
  await app.stop();
  await database.close();
  await location.drop();
}

runBench(main);
