import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { runSql } from "../../src/db/executor";
import { toGlobalId } from "../../src/graphql/global-id";
import { createLogger } from "../../src/core/logger";
import { buildMarketplaceSchema } from "../../src/api/schema";
import { createApp } from "../../src/server";
import { generateMarket } from "./generate";
import { freePort } from "../support/child-server";
import { createTestDatabase } from "../support/database";
import { count } from "../support/sql";
import { load, type LoadResult } from "./load";
import { STORE, runBench } from "./support";

/**
 * `npm run bench`: HTTP load on loopback against the real server (a separate process), on a
 * generated park; requests per second, p50 and p99 at 10 connections, SQL statements per
 * request; and a minimal graphql-js server on the raw driver for the same list query, in the
 * same run, as the baseline. On the run's store: SQLite, or PostgreSQL with DATABASE_URL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const root = path.join(__dirname, "..", "..", "..");

async function spawnServer(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => (/ready/i.test(String(d)) ? resolve() : undefined));
    child.on("exit", () => reject(new Error(`${script} exited`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

const LIST = `query { openOrders(first: 20) { nodes { title quantity company { name } capability { name } bids { nodes { terms { unitPrice { amount } } company { name } } } } } }`;
const DETAIL = `query($id: ID!) { node(id: $id) { ... on Order { title status quantity neededBy maxUnitPrice { amount } company { name } capability { name }
  bids { nodes { status terms { unitPrice { amount } leadTimeDays } company { name } } } contracts { nodes { quantity } } history { nodes { toStatus at } } } } }`;
const SUBMIT = `mutation($input: SubmitBidInput!) { submitBid(input: $input) { bid { id } userErrors { code } } }`;
const BASELINE_SUBMIT = `mutation($orderId: Int, $companyId: Int) { submitBid(orderId: $orderId, companyId: $companyId, unitPriceMinor: 150000, maxQuantity: 50, leadTimeDays: 40) { id } }`;
const LOAD = `query($companyId: ID) { loadReport(companyId: $companyId, weeks: 26) { weeksBookedAhead weeks { bookedHours utilisation } engineers(first: 20) { nodes { bookedHours } } } }`;
const PLANS = `query($id: ID!) { node(id: $id) { ... on Order { plans { plans { nodes { key totalCost { amount } completionDate picks lines { contractor { name } source quantity cost { amount } reason } } } noPlanReason { code } } } } }`;

async function main() {
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const t0 = performance.now();
  const sizes = { productCompanies: 240, contractCompanies: 60, engineersPerContractor: 20, openOrders: 20_000, awardedOrders: 2_000, bidsPerOpenOrder: 3 };
  const market = await generateMarket(database.store, sizes);
  await runSql(database.db, sql`analyze`);
  const bidCount = await count(database, sql`select count(*) from bids`);
  process.stdout.write(
    `On ${STORE}: generated ${sizes.productCompanies + sizes.contractCompanies} companies, ${sizes.openOrders + sizes.awardedOrders} orders, ${bidCount} bids, ${sizes.contractCompanies * sizes.engineersPerContractor} engineers in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );

  // Statements per request, measured in-process on the same file (the load runs out of process).
  const app = await createApp({ database, schema: await buildMarketplaceSchema(), logger: createLogger("error"), maxBodyBytes: 100_000 });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const local = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const statements = async (query: string, variables: Record<string, unknown>, token: string) => {
    const before = database.stats.statements;
    const res = await fetch(local, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return database.stats.statements - before;
  };
  const contractor = market.contractorIds[0];
  const contractorToken = market.contractorTokens.get(contractor)!;
  const orderGid = (id: number) => toGlobalId("Order", id);
  // One bid's input for both the statement count and the load: the same terms on any order.
  const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const bidOn = (orderId: number) => ({ query: SUBMIT, variables: { input: { orderId: orderGid(orderId), unitPrice: { amount: "1500.00" }, minLot: 1, maxQuantity: 50, leadTimeDays: 40, validUntil } } });
  const counts = {
    list5: await statements(LIST.replace("first: 20", "first: 5"), {}, market.coordinator),
    list: await statements(LIST, {}, market.coordinator),
    detail: await statements(DETAIL, { id: orderGid(market.openOrderIds[0]) }, market.coordinator),
    load: await statements(LOAD, { companyId: toGlobalId("Company", contractor) }, market.coordinator),
    plans: await statements(PLANS, { id: orderGid(market.openOrderIds[1]) }, market.coordinator),
    submit: await (async () => {
      // A pair from the middle of the list, which neither load run reaches.
      const [companyId, orderId] = market.freshBidPairs[Math.floor(market.freshBidPairs.length / 2)];
      const { query, variables } = bidOn(orderId);
      return statements(query, variables, market.contractorTokens.get(companyId)!);
    })(),
  };
  await app.stop();
  await database.close();

  const ours = await spawnServer(path.join(root, "dist", "src", "main.js"), { ...location.env, SEED_DEMO_DATA: "false", LOG_LEVEL: "error" });
  const baseline = await spawnServer(path.join(root, "dist", "test", "bench", "baseline-server.js"), location.env);
  const run = (url: string, next: Parameters<typeof load>[3]) => load(url, CONNECTIONS, SECONDS * 1000, next);
  let pair = 0;
  const results: [string, LoadResult, string][] = [];
  await run(ours.url, () => ({ body: { query: LIST }, token: market.coordinator })); // warm-up
  const baseList = await run(baseline.url, () => ({ body: { query: LIST } }));
  results.push(["baseline: graphql-js + the raw driver, same list query", baseList, "4"]);
  const list = await run(ours.url, () => ({ body: { query: LIST }, token: market.coordinator }));
  results.push(["page of 20 open orders with bids and bidders", list, `${counts.list} (5 orders: ${counts.list5})`]);
  results.push(["order detail", await run(ours.url, (i) => ({ body: { query: DETAIL, variables: { id: orderGid(market.openOrderIds[i % 1000]) } }, token: market.coordinator })), String(counts.detail)]);
  // The baseline bids with pairs from the end of the list, ours from the start: no pair twice.
  let baselinePair = market.freshBidPairs.length;
  const baseSubmit = await run(baseline.url, () => {
    const [companyId, orderId] = market.freshBidPairs[--baselinePair];
    return { body: { query: BASELINE_SUBMIT, variables: { orderId, companyId } } };
  });
  results.push(["baseline: graphql-js + the raw driver, the same bid", baseSubmit, "3"]);
  results.push([
    "submitBid",
    await run(ours.url, () => {
      const [companyId, orderId] = market.freshBidPairs[pair++ % market.freshBidPairs.length];
      return {
        body: bidOn(orderId),
        token: market.contractorTokens.get(companyId)!,
      };
    }),
    String(counts.submit),
  ]);
  results.push(["loadReport (26 weeks, 20 engineers)", await run(ours.url, () => ({ body: { query: LOAD }, token: contractorToken })), String(counts.load)]);
  results.push(["order.plans (its bids + quotes of 60 contractors)", await run(ours.url, (i) => ({ body: { query: PLANS, variables: { id: orderGid(market.openOrderIds[i % 1000]) } }, token: market.coordinator })), String(counts.plans)]);

  ours.child.kill("SIGTERM");
  baseline.child.kill("SIGTERM");
  process.stdout.write(`\n${CONNECTIONS} connections, ${SECONDS} s each, on loopback\n`);
  process.stdout.write(`${"scenario".padEnd(54)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}  SQL/request\n`);
  for (const [label, r, sql] of results) {
    process.stdout.write(`${label.padEnd(54)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}  ${sql}\n`);
  }
  const submit = results.find(([label]) => label === "submitBid")![1];
  process.stdout.write(`\nList page: ${(list.rps / baseList.rps).toFixed(2)} x the baseline's requests per second; submitBid: ${(submit.rps / baseSubmit.rps).toFixed(2)} x\n`);
  await Promise.all([ours.child, baseline.child].map((child) => new Promise((resolve) => (child.exitCode === null ? child.on("exit", resolve) : resolve(null)))));
  await location.drop();
}

runBench(main);
