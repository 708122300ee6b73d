import "reflect-metadata";
import { sql } from "drizzle-orm";
import { addWeeks, weekStart } from "../../src/capacity/weeks";
import { runSql } from "../../src/db/executor";
import { toGlobalId } from "../../src/graphql/global-id";
import { addDays, DAY_MS, localDate } from "../../src/shared/time";
import { createTestDatabase } from "../support/database";
import { openRaw } from "./raw";
import { benchServer, random, recountKeptFigures, row, STORE, time, runBench } from "./support";

/**
 * `npm run bench:reports`: revenueReport, scorecards, clusterAnalytics and the capacity heat-map
 * over HTTP on a generated park of realistic size (2,000 companies, 4,000 engineers, three years
 * of contracts, deliveries, bids and bookings, 12,000 open orders), printed as times, SQL
 * statements per request, and a ratio to one raw aggregate statement through the driver; on the
 * run's store (SQLite, or PostgreSQL with DATABASE_URL).
 */
const PRODUCT_COMPANIES = 1600;
const CONTRACT_COMPANIES = 400;
const ENGINEERS_PER_CONTRACTOR = 10;
const CAPABILITIES = 12;
const DAYS_OF_HISTORY = 3 * 365;
const CONTRACTS = 36_000;
/** Open orders posted by the park's startups, bidding over the coming weeks, needed up to two years ahead. */
const OPEN_ORDERS = 12_000;

async function main() {
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  // The rows go in through the raw driver, in one transaction: far faster than the use cases.
  const raw = openRaw(location.env);
  const rand = random(11);
  const now = new Date();
  const today = localDate(now);
  const started = performance.now();
  const counts = { deliveries: 0, bookings: 0, bids: 0 };

  await raw.transaction(async (tx) => {
    /** A statement to run with values; `id` runs it and returns the new row's id. */
    const insert = (text: string) => ({
      run: (...values: unknown[]) => tx.all(text, values),
      id: async (...values: unknown[]) => Number((await tx.all<{ id: number }>(`${text} returning id`, values))[0].id),
    });
    const t = new Date(now.getTime() - (DAYS_OF_HISTORY + 30) * DAY_MS);
    await insert("insert into parks (name, name_key, kind, region, created_at) values ('Bench Park', 'bench park', 'CLUSTER', 'Bench', ?)").run(t);
    const capability = insert("insert into capabilities (code, name, name_key, created_at) values (?, ?, ?, ?)");
    for (let i = 0; i < CAPABILITIES; i++) await capability.run(`CAP_${i}`, `Capability ${i}`, `capability ${i}`, t);
    const company = insert("insert into companies (park_id, name, name_key, kind, employee_count, created_at) values (1, ?, ?, ?, ?, ?)");
    const product: number[] = [];
    const contract: number[] = [];
    for (let i = 0; i < PRODUCT_COMPANIES; i++) product.push(await company.id(`Startup ${i}`, `startup ${i}`, "PRODUCT", 10 + (i % 40), t));
    for (let i = 0; i < CONTRACT_COMPANIES; i++) contract.push(await company.id(`Contractor ${i}`, `contractor ${i}`, "CONTRACT", 50 + (i % 200), t));
    const engineer = insert("insert into engineers (company_id, name, role, weekly_hours, active, created_at) values (?, ?, ?, 40, true, ?)");
    const engineersOf = new Map<number, number[]>();
    for (const c of contract) {
      const team: number[] = [];
      for (let e = 0; e < ENGINEERS_PER_CONTRACTOR; e++) team.push(await engineer.id(c, `Engineer ${c}.${e}`, e < 2 ? "SYSTEM_ENGINEER" : "ENGINEER", t));
      engineersOf.set(c, team);
    }
    const offer = insert(
      "insert into capability_offers (company_id, capability_id, unit_price_minor, currency, centihours_per_unit, min_lead_days, min_lot, max_lot, active, created_at, updated_at) values (?, ?, ?, 'RUB', 100, 5, 1, 100000, true, ?, ?)",
    );
    for (const [i, c] of contract.entries()) await offer.run(c, 1 + (i % CAPABILITIES), 100_000 + Math.floor(rand() * 100_000), t, t);
    const order = insert(
      "insert into orders (company_id, capability_id, title, quantity, needed_by, currency, bidding_closes_at, max_share_percent, min_contractors, status, created_at, updated_at) values (?, ?, 'Order', ?, ?, 'RUB', ?, 100, 1, 'COMPLETED', ?, ?)",
    );
    const bid = insert(
      "insert into bids (order_id, company_id, status, unit_price_minor, currency, min_lot, max_quantity, centihours_per_unit, lead_time_days, valid_until, revision, created_at, updated_at) values (?, ?, ?, ?, 'RUB', 1, ?, 100, 30, ?, 1, ?, ?)",
    );
    const contractRow = insert(
      "insert into contracts (order_id, bid_id, company_id, customer_company_id, quantity, unit_price_minor, currency, value_minor, centihours_per_unit, start_date, promised_date, pending_quantity, accepted_quantity, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'RUB', ?, 100, ?, ?, 0, ?, 'ACCEPTED', ?, ?)",
    );
    const delivery = insert(
      "insert into deliveries (contract_id, company_id, customer_company_id, quantity, value_minor, currency, status, delivered_on, late, decided_on, created_at, decided_at) values (?, ?, ?, ?, ?, 'RUB', 'ACCEPTED', ?, ?, ?, ?, ?)",
    );
    const booking = insert("insert into bookings (contract_id, engineer_id, week, centihours) values (?, ?, ?, ?) on conflict do nothing");
    for (let k = 0; k < CONTRACTS; k++) {
      const daysAgo = Math.floor(rand() * DAYS_OF_HISTORY) + 20;
      const awardedAt = new Date(now.getTime() - daysAgo * DAY_MS);
      const awardDay = localDate(awardedAt);
      const customer = product[Math.floor(rand() * product.length)];
      const contractor = contract[Math.floor(rand() * contract.length)];
      const quantity = 20 + Math.floor(rand() * 200);
      const price = 100_000 + Math.floor(rand() * 10_000_000);
      const orderId = await order.id(customer, 1 + (k % CAPABILITIES), quantity, addDays(awardDay, 45), awardedAt, awardedAt, awardedAt);
      const loser = contract[Math.floor(rand() * contract.length)];
      if (loser !== contractor) {
        await bid.run(orderId, loser, "NOT_AWARDED", price + 1000, quantity, awardedAt, awardedAt, awardedAt);
        counts.bids++;
      }
      const bidId = await bid.id(orderId, contractor, "AWARDED", price, quantity, awardedAt, awardedAt, awardedAt);
      counts.bids++;
      const promised = addDays(awardDay, 30);
      const contractId = await contractRow.id(orderId, bidId, contractor, customer, quantity, price, quantity * price, awardDay, promised, quantity, awardedAt, awardedAt);
      const half = Math.floor(quantity / 2);
      for (const [part, afterDays] of [[half, 14 + Math.floor(rand() * 10)], [quantity - half, 25 + Math.floor(rand() * 12)]]) {
        const on = addDays(awardDay, afterDays);
        if (on > today) continue;
        await delivery.run(contractId, contractor, customer, part, part * price, on, on > promised, on, awardedAt, awardedAt);
        counts.deliveries++;
      }
      const team = engineersOf.get(contractor)!;
      for (let w = 0; w < 3; w++) {
        await booking.run(contractId, team[Math.floor(rand() * team.length)], addWeeks(weekStart(awardDay), w), Math.floor((quantity * 100) / 3));
        counts.bookings++;
      }
    }
    const open = insert(
      "insert into orders (company_id, capability_id, title, quantity, needed_by, currency, bidding_closes_at, max_share_percent, min_contractors, status, created_at, updated_at) values (?, ?, 'Open order', ?, ?, 'RUB', ?, 100, 1, 'OPEN', ?, ?)",
    );
    for (let k = 0; k < OPEN_ORDERS; k++) {
      const closes = new Date(now.getTime() + (1 + Math.floor(rand() * 30)) * DAY_MS);
      await open.run(product[k % product.length], 1 + (k % CAPABILITIES), 10 + Math.floor(rand() * 500), addDays(today, 40 + Math.floor(rand() * 690)), closes, now, now);
    }
  });
  await database.store.write(({ db }) => recountKeptFigures(db));
  await runSql(database.db, sql`analyze`);
  process.stdout.write(
    `On ${STORE}: generated ${PRODUCT_COMPANIES + CONTRACT_COMPANIES} companies, ${CONTRACT_COMPANIES * ENGINEERS_PER_CONTRACTOR} engineers, ${CONTRACTS} contracts, ${OPEN_ORDERS} open orders, ` +
      `${counts.deliveries} deliveries, ${counts.bids} bids, ${counts.bookings} bookings over ${DAYS_OF_HISTORY} days in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`,
  );

  const { post, statementsOf, stop } = await benchServer(database);

  const from = addDays(today, -364);
  const contractor = toGlobalId("Company", PRODUCT_COMPANIES + 1);
  const REVENUE = `{ revenueReport(companyId: "${contractor}", from: "${from}", to: "${today}") {
    inPeriod { revenue { amount } perEngineer { amount } } annualised { perSystemEngineer { amount } } revenueGrowthPercent
    contractsWon { count } unattributedRevenue { amount } engineerRevenue { nodes { revenue { amount } } } } }`;
  const SCORECARDS = `{ companies(first: 20, filter: { kind: CONTRACT }) { nodes { scorecard { score components { score factors { level } } } } } }`;
  const CLUSTER = `{ clusterAnalytics(parkId: "${toGlobalId("Park", 1)}", from: "${from}", to: "${today}") {
    companies { sharePercent } investmentByKind { sharePercent } orderVolume { value { amount } productionCooperationPercent }
    participation { activePercent } inPeriod { perEngineer { amount } } } }`;
  const HEAT_MAP = `{ capacityHeatMap(parkId: "${toGlobalId("Park", 1)}", weeks: 104) { capabilities { peakUtilisation openOrders openOrderHours outlook { utilisation } } } }`;

  // Baseline: one raw aggregate through the driver, the company's revenue of the year.
  const baseline = await time(500, () =>
    raw.all("select sum(value_minor) from deliveries where company_id = ? and status = 'ACCEPTED' and decided_on between ? and ?", [PRODUCT_COMPANIES + 1, from, today]),
  );
  process.stdout.write(row("baseline: raw SQL revenue of one contractor's year", baseline) + "\n");
  for (const [label, query, runs] of [
    ["revenueReport over HTTP (one contractor, 365 days)", REVENUE, 200],
    ["scorecards over HTTP (20 contractors, one batch)", SCORECARDS, 50],
    ["clusterAnalytics over HTTP (2,000 companies, 365 days)", CLUSTER, 30],
    [`capacityHeatMap over HTTP (2,000 companies, ${OPEN_ORDERS} open orders, 104 weeks)`, HEAT_MAP, 30],
  ] as const) {
    const statements = await statementsOf(() => post(query));
    const timing = await time(runs, () => post(query), 3);
    process.stdout.write(row(label, timing, `${statements} SQL statements, ${(timing.p50 / baseline.p50).toFixed(0)}x baseline`) + "\n");
  }

  await stop();
  await raw.close();
  await database.close();
  await location.drop();
}

runBench(main);
