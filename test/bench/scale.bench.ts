import "reflect-metadata";
import { sql } from "drizzle-orm";
import { createToken } from "../../src/auth/api-token.service";
import { rebuildParkDays } from "../../src/contracts/park-days.repository";
import { DIALECT } from "../../src/db/dialect";
import { runSql } from "../../src/db/executor";
import { encodeSortedCursor } from "../../src/graphql/connection";
import { toGlobalId } from "../../src/graphql/global-id";
import { addDays, localDate } from "../../src/shared/time";
import { createTestDatabase } from "../support/database";
import { generateNationalPark, type NationalPark } from "./national";
import { openRaw, type RawDriver } from "./raw";
import { benchServer, STORE, time, runBench, type Timing } from "./support";

/**
 * `npm run bench:scale`: every read of the marketplace over HTTP on generated parks of
 * BENCH_SCALES x 2,000 companies (default 1, 5 and 25: 2,000 to 50,000 companies, 20,000 to
 * 500,000 orders; see national.ts), sequential requests to the real server in this process, on
 * the run's store (SQLite, or PostgreSQL with DATABASE_URL). Prints p50 / p95 per read and size,
 * the SQL statements of one request at the largest size, the ratio of the largest size's p50 to
 * the smallest's, and whether the read meets its target (issue 19): a page or a detail flat
 * (ratio under 1.5), a park-wide report under 200 ms at p95 at the largest size, order.plans
 * under 50 ms.
 */
type Kind = "page" | "report" | "plans";
interface Read {
  label: string;
  kind: Kind;
  query: string;
  token?: string;
}

/** The sorts openOrders offers, with the column and the cursor value of a row. */
const SORTS = [
  { field: "NEEDED_BY", column: "needed_by", value: (v: unknown) => String(v) },
  { field: "BIDDING_CLOSES_AT", column: "bidding_closes_at", value: (v: unknown) => (v instanceof Date ? v.getTime() : Number(v)) },
  { field: "QUANTITY", column: "quantity", value: (v: unknown) => Number(v) },
  { field: "CREATED_AT", column: "id", value: (v: unknown) => Number(v) },
] as const;

const ORDER_ROWS = "nodes { id title quantity neededBy company { name } capability { name } } pageInfo { hasNextPage }";

/** The cursor of the row 90 % of the way down openOrders under `sort`, as a client paging there would hold. */
async function deepCursor(raw: RawDriver, sort: (typeof SORTS)[number], direction: "ASC" | "DESC", capabilities?: number[]): Promise<string> {
  const among = capabilities ? ` and capability_id in (${capabilities.join(", ")})` : "";
  const now = new Date();
  const [{ n }] = await raw.all<{ n: number | string }>(`select count(*) as n from orders where status = 'OPEN' and bidding_closes_at > ?${among}`, [now]);
  const [deep] = await raw.all<{ v: unknown; id: number | string }>(
    `select ${sort.column} as v, id from orders where status = 'OPEN' and bidding_closes_at > ?${among} order by ${sort.column} ${direction}, id ${direction} limit 1 offset ?`,
    [now, Math.floor(Number(n) * 0.9)],
  );
  return encodeSortedCursor(sort.value(deep.v), Number(deep.id));
}

async function readsOf(raw: RawDriver, park: NationalPark, tokens: { contractor: string; busyContractor: string; busyCustomer: string }): Promise<Read[]> {
  const today = localDate(new Date());
  const from = addDays(today, -364);
  const parkId = toGlobalId("Park", park.parkId);
  const reads: Read[] = [];
  for (const direction of ["ASC", "DESC"] as const) {
    for (const sort of SORTS) {
      const page = (after?: string) => `{ openOrders(first: 20${after ? `, after: "${after}"` : ""}, orderBy: { field: ${sort.field}, direction: ${direction} }) { ${ORDER_ROWS} } }`;
      reads.push({ label: `openOrders by ${sort.field} ${direction}, first page`, kind: "page", query: page() });
      reads.push({ label: `openOrders by ${sort.field} ${direction}, 90 % deep`, kind: "page", query: page(await deepCursor(raw, sort, direction)) });
    }
  }
  const capability = toGlobalId("Capability", park.capabilityId);
  reads.push({ label: "openOrders of one capability, first page", kind: "page", query: `{ openOrders(first: 20, filter: { capabilityId: "${capability}" }) { ${ORDER_ROWS} } }` });
  reads.push({ label: "openOrders needed within 60 days, first page", kind: "page", query: `{ openOrders(first: 20, filter: { neededUntil: "${addDays(today, 60)}" }) { ${ORDER_ROWS} } }` });
  const offered = [1 + (1 % 12), 1 + (6 % 12)];
  reads.push({ label: "openOrders as a contractor (2 of 12 capabilities)", kind: "page", token: tokens.contractor, query: `{ openOrders(first: 20) { ${ORDER_ROWS} } }` });
  reads.push({
    label: "openOrders as a contractor, 90 % deep by needed-by",
    kind: "page",
    token: tokens.contractor,
    query: `{ openOrders(first: 20, after: "${await deepCursor(raw, SORTS[0], "ASC", offered)}", orderBy: { field: NEEDED_BY, direction: ASC }) { ${ORDER_ROWS} } }`,
  });
  const myOrders = (filter: string) => `{ myOrders(first: 20${filter}) { nodes { title status bidCount lowestBid { amount } } } }`;
  reads.push({ label: "myOrders of the busiest startup", kind: "page", token: tokens.busyCustomer, query: myOrders("") });
  reads.push({ label: "myOrders of the busiest startup, OPEN", kind: "page", token: tokens.busyCustomer, query: myOrders(", filter: { statuses: [OPEN] }") });
  reads.push({ label: "myOrders of the busiest startup, COMPLETED", kind: "page", token: tokens.busyCustomer, query: myOrders(", filter: { statuses: [COMPLETED] }") });
  const myBids = (filter: string) => `{ myBids(first: 20${filter}) { nodes { status terms { unitPrice { amount } } order { title } } } }`;
  reads.push({ label: "myBids of the busiest contractor", kind: "page", token: tokens.busyContractor, query: myBids("") });
  reads.push({ label: "myBids of the busiest contractor, LIVE", kind: "page", token: tokens.busyContractor, query: myBids(", filter: { statuses: [LIVE] }") });
  // A list's totalCount counts every matching row: it grows with the list, whatever the index.
  reads.push({ label: "myBids of the busiest contractor, LIVE, with totalCount", kind: "report", token: tokens.busyContractor, query: `{ myBids(first: 20, filter: { statuses: [LIVE] }) { totalCount nodes { status } } }` });
  reads.push({ label: "myBids of the busiest contractor, AWARDED", kind: "page", token: tokens.busyContractor, query: myBids(", filter: { statuses: [AWARDED] }") });
  const myContracts = (filter: string) => `{ myContracts(first: 20${filter}) { nodes { status quantity value { amount } order { title } } } }`;
  reads.push({ label: "myContracts of the busiest contractor", kind: "page", token: tokens.busyContractor, query: myContracts("") });
  reads.push({ label: "myContracts of the busiest contractor, AWARDED", kind: "page", token: tokens.busyContractor, query: myContracts(", filter: { statuses: [AWARDED] }") });
  reads.push({ label: "notifications of the busiest contractor", kind: "page", token: tokens.busyContractor, query: `{ viewer { notifications(first: 20) { nodes { kind message read order { title } } } } }` });
  reads.push({
    label: "order detail (bids, contracts, history)",
    kind: "page",
    query: `{ node(id: "${toGlobalId("Order", park.openOrderId)}") { ... on Order { title status quantity neededBy maxUnitPrice { amount } company { name } capability { name }
      bids { nodes { status terms { unitPrice { amount } leadTimeDays } company { name } } } contracts { nodes { quantity } } history { nodes { toStatus at } } } } }`,
  });
  const busy = toGlobalId("Company", park.busyContractorId);
  // A company's own reports read its own history, which grows with the park for the busiest contractor.
  reads.push({ label: "loadReport of the busiest contractor, 26 weeks", kind: "report", token: tokens.busyContractor, query: `{ loadReport(companyId: "${busy}", weeks: 26) { weeksBookedAhead weeks { bookedHours utilisation } engineers(first: 20) { nodes { bookedHours } } } }` });
  reads.push({
    label: "revenueReport of the busiest contractor, 365 days",
    kind: "report",
    token: tokens.busyContractor,
    query: `{ revenueReport(companyId: "${busy}", from: "${from}", to: "${today}") { inPeriod { revenue { amount } perEngineer { amount } } revenueGrowthPercent contractsWon { count } benchmarks { value } } }`,
  });
  reads.push({
    label: "order.plans (every offering contractor quotes)",
    kind: "plans",
    token: tokens.busyCustomer,
    query: `{ node(id: "${toGlobalId("Order", park.openOrderId)}") { ... on Order { plans { plans { nodes { key totalCost { amount } completionDate lines { contractor { name } quantity reason } } } noPlanReason { code } } } } }`,
  });
  reads.push({ label: "20 contractors' scorecards", kind: "report", query: `{ companies(first: 20, filter: { kind: CONTRACT }) { nodes { scorecard { score components { score factors { level } } } } } }` });
  reads.push({
    label: "clusterAnalytics, 365 days",
    kind: "report",
    query: `{ clusterAnalytics(parkId: "${parkId}", from: "${from}", to: "${today}") { companies { sharePercent } investmentByKind { sharePercent }
      orderVolume { value { amount } productionCooperationPercent } participation { activePercent } inPeriod { perEngineer { amount } } transactionCosts { daysToAwardReductionPercent } } }`,
  });
  reads.push({ label: "parkComparison, 365 days", kind: "report", query: `{ parkComparison(from: "${from}", to: "${today}") { standings(first: 50) { nodes { rank revenueGrowthPercent loadPercent orderVolume { amount } } } } }` });
  reads.push({ label: "capacityHeatMap, 26 weeks", kind: "report", query: `{ capacityHeatMap(parkId: "${parkId}", weeks: 26) { capabilities { peakUtilisation openOrders openOrderHours outlook { utilisation } } } }` });
  reads.push({ label: "demandForecast, 26 weeks on 104 of history", kind: "report", query: `{ demandForecast(parkId: "${parkId}", weeks: 26, historyWeeks: 104) { capabilities { method runsShort weeks { forecastHours freeHours } } } }` });
  return reads;
}

interface Measured {
  timing: Timing;
  statements: number;
}

async function measureSize(scale: number): Promise<{ reads: Read[]; results: Measured[]; park: NationalPark }> {
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const raw = openRaw(location.env);
  const started = performance.now();
  const park = await generateNationalPark(raw, scale);
  // The rows went in around the use cases: the park's days are recomputed from them.
  await database.store.write(({ db }) => rebuildParkDays(db));
  // PostgreSQL: VACUUM too, as autovacuum would have after the load, so that index-only scans
  // need not visit the table for rows the visibility map does not yet know are visible.
  await runSql(database.db, DIALECT === "postgresql" ? sql`vacuum analyze` : sql`analyze`);
  const counts = Object.entries(park.counts).map(([table, n]) => `${n.toLocaleString("en")} ${table}`).join(", ");
  process.stdout.write(`x${scale} on ${STORE}: ${park.companies.toLocaleString("en")} companies, ${counts} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  const member = async (companyId: number) => (await createToken(database.db, { role: "MEMBER", companyId, holderName: `bench ${companyId}` })).token;
  const tokens = { contractor: await member(park.contractorId), busyContractor: await member(park.busyContractorId), busyCustomer: await member(park.busyCustomerId) };
  const server = await benchServer(database);
  const reads = await readsOf(raw, park, tokens);
  const results: Measured[] = [];
  for (const read of reads) {
    const once = () => server.post(read.query, read.token);
    const statements = await server.statementsOf(once);
    // About three seconds of each read, between 10 and 100 runs.
    const t0 = performance.now();
    await once();
    const runs = Math.max(10, Math.min(100, Math.round(3000 / Math.max(1, performance.now() - t0))));
    results.push({ timing: await time(runs, once, 3), statements });
    process.stdout.write(".");
  }
  process.stdout.write("\n");
  await server.stop();
  await raw.close();
  await database.close();
  await location.drop();
  return { reads, results, park };
}

function verdict(kind: Kind, ratio: number, p95: number): string {
  if (kind === "page") return ratio < 1.5 ? "flat" : "NOT FLAT";
  const limit = kind === "plans" ? 50 : 200;
  return p95 < limit ? `under ${limit} ms` : `OVER ${limit} ms`;
}

async function main() {
  const scales = (process.env.BENCH_SCALES ?? "1,5,25").split(",").map(Number);
  const sizes = [];
  for (const scale of scales) sizes.push({ scale, ...(await measureSize(scale)) });
  const [smallest, largest] = [sizes[0], sizes[sizes.length - 1]];
  const cell = (t: Timing) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;
  process.stdout.write(`\n${STORE}, p50 / p95 in ms over HTTP, sequential; statements of one request at x${largest.scale}; ratio of p50 x${largest.scale} / x${smallest.scale}\n\n`);
  process.stdout.write(`| read | ${sizes.map((s) => `x${s.scale}`).join(" | ")} | statements | ratio | target |\n|---|${sizes.map(() => "---:").join("|")}|---:|---:|---|\n`);
  for (const [i, read] of smallest.reads.entries()) {
    const ratio = largest.results[i].timing.p50 / smallest.results[i].timing.p50;
    const cells = sizes.map((s) => cell(s.results[i].timing)).join(" | ");
    process.stdout.write(`| ${read.label} | ${cells} | ${largest.results[i].statements} | ${ratio.toFixed(2)} | ${verdict(read.kind, ratio, largest.results[i].timing.p95)} |\n`);
  }
}

runBench(main);
