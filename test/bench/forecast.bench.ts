import "reflect-metadata";
import { sql } from "drizzle-orm";
import { runSql } from "../../src/db/executor";
import { toGlobalId } from "../../src/graphql/global-id";
import { addDays, DAY_MS, localDate } from "../../src/shared/time";
import { createTestDatabase } from "../support/database";
import { openRaw } from "./raw";
import { benchServer, random, recountKeptFigures, row, runBench, STORE, time } from "./support";

/**
 * `npm run bench:forecast`: the demand forecast's accuracy and cost. Generates a park whose
 * twelve capabilities have three years of orders of four kinds of demand (steady growth of 25 %
 * a year, a yearly season, lumpy batches every few weeks, a level that steps up), asks
 * demandForecast over HTTP with its backtest, and prints per capability the method chosen and
 * its rolling-origin backtest error against the naive forecast (the last week repeated): week by
 * week (MAPE over the weeks with demand) and over the 26-week horizon's total (what capacity must
 * absorb); then the request's time, with and without the backtest. On the run's store.
 */
const WEEKS_OF_HISTORY = 156;
const CONTRACTORS = 60;
const ENGINEERS_PER_CONTRACTOR = 8;
const PATTERNS = ["growth", "growth", "growth", "season", "season", "season", "lumpy", "lumpy", "lumpy", "step", "step", "step"] as const;
type Pattern = (typeof PATTERNS)[number];

/** Units ordered in week w of the history (0 = oldest) for a capability of this pattern. */
function unitsOf(pattern: Pattern, w: number, rand: () => number, phase: number): number {
  const noise = () => 1 + (rand() - 0.5) * 0.6;
  switch (pattern) {
    case "growth":
      return Math.round(400 * 1.25 ** (w / 52) * noise());
    case "season":
      return Math.round(400 * (1 + 0.5 * Math.sin((2 * Math.PI * (w + phase)) / 52)) * noise());
    case "lumpy":
      return (w + phase) % 6 === 0 ? Math.round(2400 * 1.25 ** (w / 52) * noise()) : 0;
    case "step":
      return Math.round((w < WEEKS_OF_HISTORY * (0.5 + phase / 100) ? 300 : 600) * noise());
  }
}

async function main() {
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const raw = openRaw(location.env);
  const rand = random(5);
  const now = new Date();
  const started = performance.now();
  let orderCount = 0;

  await raw.transaction(async (tx) => {
    const insert = (text: string) => ({
      run: (...values: unknown[]) => tx.all(text, values),
      id: async (...values: unknown[]) => Number((await tx.all<{ id: number }>(`${text} returning id`, values))[0].id),
    });
    const t = new Date(now.getTime() - (WEEKS_OF_HISTORY * 7 + 30) * DAY_MS);
    await insert("insert into parks (name, name_key, kind, region, created_at) values ('Forecast Park', 'forecast park', 'CLUSTER', 'Bench', ?)").run(t);
    const capability = insert("insert into capabilities (code, name, name_key, created_at) values (?, ?, ?, ?)");
    for (let i = 0; i < PATTERNS.length; i++) await capability.run(`CAP_${i}`, `Capability ${i} (${PATTERNS[i]})`, `capability ${i}`, t);
    const company = insert("insert into companies (park_id, name, name_key, kind, employee_count, created_at) values (1, ?, ?, ?, ?, ?)");
    const customer = await company.id("Integrator", "integrator", "PRODUCT", 500, t);
    const engineer = insert("insert into engineers (company_id, name, role, weekly_hours, active, created_at) values (?, ?, 'ENGINEER', 40, true, ?)");
    const skill = insert("insert into engineer_skills (engineer_id, capability_id) values (?, ?)");
    const offer = insert(
      "insert into capability_offers (company_id, capability_id, unit_price_minor, currency, centihours_per_unit, min_lead_days, min_lot, max_lot, active, created_at, updated_at) values (?, ?, 100000, 'RUB', 50, 5, 1, 100000, true, ?, ?)",
    );
    for (let c = 0; c < CONTRACTORS; c++) {
      const id = await company.id(`Contractor ${c}`, `contractor ${c}`, "CONTRACT", 50, t);
      const capabilityId = 1 + (c % PATTERNS.length);
      await offer.run(id, capabilityId, t, t);
      for (let e = 0; e < ENGINEERS_PER_CONTRACTOR; e++) await skill.run(await engineer.id(id, `Engineer ${c}.${e}`, t), capabilityId);
    }
    const order = insert(
      "insert into orders (company_id, capability_id, title, quantity, needed_by, currency, bidding_closes_at, max_share_percent, min_contractors, status, created_at, updated_at) values (?, ?, 'Order', ?, ?, 'RUB', ?, 100, 1, 'EXPIRED', ?, ?)",
    );
    for (const [i, pattern] of PATTERNS.entries()) {
      const phase = i * 7;
      for (let w = 0; w < WEEKS_OF_HISTORY; w++) {
        const units = unitsOf(pattern, w, rand, phase % 13);
        if (units === 0) continue;
        // The week's demand in two or three orders on its first days.
        const parts = 2 + (w % 2);
        const at = new Date(now.getTime() - (WEEKS_OF_HISTORY - w) * 7 * DAY_MS);
        for (let p = 0; p < parts; p++) {
          const posted = new Date(at.getTime() + p * DAY_MS);
          await order.run(customer, i + 1, Math.max(1, Math.round(units / parts)), addDays(localDate(posted), 60), new Date(posted.getTime() + 7 * DAY_MS), posted, posted);
          orderCount++;
        }
      }
    }
  });
  await database.store.write(({ db }) => recountKeptFigures(db));
  await runSql(database.db, sql`analyze`);
  process.stdout.write(
    `On ${STORE}: generated ${PATTERNS.length} capabilities, ${CONTRACTORS} contractors, ${CONTRACTORS * ENGINEERS_PER_CONTRACTOR} engineers, ${orderCount} orders over ${WEEKS_OF_HISTORY} weeks in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`,
  );

  const { post, statementsOf, url, coordinator, stop } = await benchServer(database);
  const park = toGlobalId("Park", 1);
  const FORECAST = `{ demandForecast(parkId: "${park}", weeks: 26, historyWeeks: ${WEEKS_OF_HISTORY}) { capabilities { capability { name } method runsShort weeks { forecastHours upperHours shortfallHours } } } }`;
  const WITH_BACKTEST = `{ demandForecast(parkId: "${park}", weeks: 26, historyWeeks: ${WEEKS_OF_HISTORY}) { capabilities { capability { name } method
    backtest { origins points mapePercent naiveMapePercent totalMapePercent naiveTotalMapePercent } } } }`;

  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${coordinator}` }, body: JSON.stringify({ query: WITH_BACKTEST }) });
  type Row = { capability: { name: string }; method: string; backtest: { origins: number; points: number; mapePercent: number; naiveMapePercent: number; totalMapePercent: number; naiveTotalMapePercent: number } };
  const rows = ((await res.json()) as { data: { demandForecast: { capabilities: Row[] } } }).data.demandForecast.capabilities.sort((a, b) => a.capability.name.localeCompare(b.capability.name, "en", { numeric: true }));
  const pct = (x: number | null) => (x === null ? "-" : `${x.toFixed(1)} %`).padStart(9);
  process.stdout.write(`Backtest, rolling origin over ${WEEKS_OF_HISTORY} weeks, horizon 26 weeks (method / naive = the last week repeated):\n`);
  process.stdout.write(`${"capability".padEnd(26)} ${"method".padEnd(13)} ${"weekly MAPE".padStart(9)} ${"naive".padStart(9)} ${"26-wk total".padStart(9)} ${"naive".padStart(9)}\n`);
  for (const r of rows) {
    const b = r.backtest;
    process.stdout.write(`${r.capability.name.padEnd(26)} ${r.method.padEnd(13)} ${pct(b.mapePercent)} ${pct(b.naiveMapePercent)} ${pct(b.totalMapePercent)} ${pct(b.naiveTotalMapePercent)}\n`);
  }
  const meanOf = (f: (b: Row["backtest"]) => number) => rows.reduce((s, r) => s + f(r.backtest), 0) / rows.length;
  const [m, n, tm, tn] = [meanOf((b) => b.mapePercent), meanOf((b) => b.naiveMapePercent), meanOf((b) => b.totalMapePercent), meanOf((b) => b.naiveTotalMapePercent)];
  process.stdout.write(`${"mean of the twelve".padEnd(26)} ${"".padEnd(13)} ${pct(m)} ${pct(n)} ${pct(tm)} ${pct(tn)}\n`);
  process.stdout.write(`method / naive: weekly ${(m / n).toFixed(2)}, 26-week total ${(tm / tn).toFixed(2)}\n\n`);

  for (const [label, query, runs] of [
    [`demandForecast over HTTP (12 capabilities, ${WEEKS_OF_HISTORY} weeks)`, FORECAST, 50],
    ["the same with every capability's backtest", WITH_BACKTEST, 10],
  ] as const) {
    const statements = await statementsOf(() => post(query));
    process.stdout.write(row(label, await time(runs, () => post(query), 3), `${statements} SQL statements`) + "\n");
  }

  await stop();
  await raw.close();
  await database.close();
  await location.drop();
}

runBench(main);
