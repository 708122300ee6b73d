import "reflect-metadata";
import { sql } from "drizzle-orm";
import { weekStart, weeksFrom, addWeeks } from "../../src/capacity/weeks";
import { only } from "../../src/db/prepared";
import { runSql } from "../../src/db/executor";
import { bids, bookings, capabilities, capabilityOffers, companies, contracts, engineers, engineerSkills, orders, parks } from "../../src/db/schema";
import { toGlobalId } from "../../src/graphql/global-id";
import { localDate } from "../../src/shared/time";
import { createTestDatabase } from "../support/database";
import { openRaw } from "./raw";
import { benchServer, random, recountKeptFigures, row, runBench, STORE, time } from "./support";

/**
 * `npm run bench:capacity`: the load report of a contract company of 200 engineers over 26
 * weeks and the heat-map of a park of 50 contractors, on generated bookings; printed as times,
 * SQL statements per call, and a ratio to the same aggregate through the raw driver; on the
 * run's store (SQLite, or PostgreSQL with DATABASE_URL).
 */
const CONTRACTORS = 50;
const BIG_COMPANY_ENGINEERS = 200;
const OTHER_ENGINEERS = 20;
const CAPABILITIES = 12;
const CONTRACTS_PER_COMPANY = 10;
const WEEKS = 26;

async function main() {
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const rand = random(42);
  const now = new Date();
  const firstWeek = weekStart(localDate(now));
  const weeks = weeksFrom(firstWeek, addWeeks(firstWeek, WEEKS - 1));

  const started = performance.now();
  let bookingCount = 0;
  let engineerCount = 0;
  await database.store.write(async ({ db: tx }) => {
    const parkId = (await only(tx.insert(parks).values({ name: "Bench Park", nameKey: "bench park", kind: "CLUSTER", region: "Bench", createdAt: now }).returning())).id;
    const capabilityIds = (
      await tx.insert(capabilities).values(Array.from({ length: CAPABILITIES }, (_, i) => ({ code: `CAP_${i}`, name: `Capability ${i}`, nameKey: `capability ${i}`, createdAt: now }))).returning({ id: capabilities.id })
    ).map((row) => row.id);
    const customer = (await only(tx.insert(companies).values({ parkId, name: "Customer", nameKey: "customer", kind: "PRODUCT", employeeCount: 50, createdAt: now }).returning())).id;
    for (let c = 0; c < CONTRACTORS; c++) {
      const companyId = (await only(tx
        .insert(companies)
        .values({ parkId, name: `Contractor ${c}`, nameKey: `contractor ${c}`, kind: "CONTRACT", employeeCount: 300, createdAt: now })
        .returning())).id;
      for (const capabilityId of [capabilityIds[c % CAPABILITIES], capabilityIds[(c * 7 + 3) % CAPABILITIES]]) {
        await tx.insert(capabilityOffers)
          .values({ companyId, capabilityId, unitPriceMinor: 100_000, currency: "RUB", centihoursPerUnit: 100, minLeadDays: 5, minLot: 1, maxLot: 100_000, createdAt: now, updatedAt: now })
          .onConflictDoNothing();
      }
      const contractIds: number[] = [];
      for (let k = 0; k < CONTRACTS_PER_COMPANY; k++) {
        const orderId = (await only(tx
          .insert(orders)
          .values({
            companyId: customer, capabilityId: capabilityIds[c % CAPABILITIES], title: `Order ${c}.${k}`, quantity: 1_000_000, neededBy: weeks[WEEKS - 1],
            currency: "RUB", biddingClosesAt: now, maxSharePercent: 100, minContractors: 1, status: "AWARDED", createdAt: now, updatedAt: now,
          })
          .returning())).id;
        const bidId = (await only(tx
          .insert(bids)
          .values({ orderId, companyId, status: "AWARDED", unitPriceMinor: 100_000, currency: "RUB", minLot: 1, maxQuantity: 1_000_000, centihoursPerUnit: 100, leadTimeDays: 180, validUntil: now, revision: 1, createdAt: now, updatedAt: now })
          .returning())).id;
        contractIds.push(
          (await only(tx
            .insert(contracts)
            .values({ orderId, bidId, companyId, customerCompanyId: customer, quantity: 1_000_000, unitPriceMinor: 100_000, currency: "RUB", valueMinor: 100_000_000_000, centihoursPerUnit: 100, startDate: weeks[0], promisedDate: weeks[WEEKS - 1], status: "AWARDED", createdAt: now, updatedAt: now })
            .returning())).id,
        );
      }
      const staff = c === 0 ? BIG_COMPANY_ENGINEERS : OTHER_ENGINEERS;
      for (let e = 0; e < staff; e++, engineerCount++) {
        const engineerId = (await only(tx.insert(engineers).values({ companyId, name: `Engineer ${c}.${e}`, role: e % 6 === 0 ? "SYSTEM_ENGINEER" : "ENGINEER", weeklyHours: 40, createdAt: now }).returning())).id;
        // Each engineer holds both capabilities the company offers.
        await tx.insert(engineerSkills).values([...new Set([capabilityIds[c % CAPABILITIES], capabilityIds[(c * 7 + 3) % CAPABILITIES]])].map((capabilityId) => ({ engineerId, capabilityId })));
        // Load falls off over the half year: fully booked soon, lightly later, as in a strong contractor.
        for (const [w, week] of weeks.entries()) {
          const share = Math.max(0, 1 - w / WEEKS - rand() * 0.3);
          const centihours = Math.floor(4000 * share);
          if (centihours === 0) continue;
          await tx.insert(bookings).values({ contractId: contractIds[Math.floor(rand() * contractIds.length)], engineerId, week, centihours }).onConflictDoNothing();
          bookingCount++;
        }
      }
    }
  });
  await database.store.write(({ db }) => recountKeptFigures(db));
  await runSql(database.db, sql`analyze`);
  process.stdout.write(
    `On ${STORE}: generated ${CONTRACTORS} contractors, ${engineerCount} engineers, ${bookingCount} bookings over ${WEEKS} weeks in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`,
  );

  const { post, statementsOf, stop } = await benchServer(database);

  const bigCompany = toGlobalId("Company", 2);
  const LOAD = `{ loadReport(companyId: "${bigCompany}", weeks: ${WEEKS}) { weeksBookedAhead weeks { bookedHours utilisation } engineers(first: 100) { nodes { bookedHours weeks { bookedHours } } } } }`;
  const HEAT = `{ capacityHeatMap(parkId: "${toGlobalId("Park", 1)}", weeks: ${WEEKS}) { capabilities { capability { name } peakUtilisation weeks { utilisation } } } }`;

  // Baseline: the same figures as raw aggregate statements through the driver, with no GraphQL,
  // no HTTP and no mapping: the company's weekly totals plus its first 100 engineers' weekly
  // hours; the park's weekly totals per capability.
  const raw = openRaw(location.env);
  const rawLoad = (...params: unknown[]) =>
    raw.all(
      `select b.week, sum(b.centihours) from bookings b join engineers e on e.id = b.engineer_id
       where e.company_id = ? and b.week between ? and ? group by b.week`,
      params,
    );
  const rawEngineers = (...params: unknown[]) =>
    raw.all(
      `select b.engineer_id, b.week, sum(b.centihours) from bookings b
       where b.engineer_id in (select id from engineers where company_id = ? and active order by id limit 100)
       and b.week between ? and ? group by b.engineer_id, b.week`,
      params,
    );
  const rawHeat = (...params: unknown[]) =>
    raw.all(
      `select o.capability_id, b.week, sum(b.centihours) from (select distinct capability_id, company_id from capability_offers where active) o
       join engineers e on e.company_id = o.company_id join engineer_skills s on s.engineer_id = e.id and s.capability_id = o.capability_id
       join bookings b on b.engineer_id = e.id
       where b.week between ? and ? group by o.capability_id, b.week`,
      params,
    );

  const loadStatements = await statementsOf(() => post(LOAD));
  const heatStatements = await statementsOf(() => post(HEAT));
  const baselineLoad = await time(200, () => Promise.all([rawLoad(2, weeks[0], weeks[WEEKS - 1]), rawEngineers(2, weeks[0], weeks[WEEKS - 1])]));
  const httpLoad = await time(100, () => post(LOAD));
  const baselineHeat = await time(100, () => rawHeat(weeks[0], weeks[WEEKS - 1]));
  const httpHeat = await time(50, () => post(HEAT));

  process.stdout.write(row("baseline: raw SQL company and 100 engineers' weekly hours", baselineLoad) + "\n");
  process.stdout.write(
    row(`loadReport over HTTP (${BIG_COMPANY_ENGINEERS} engineers, 100 per page, ${WEEKS} weeks)`, httpLoad, `${loadStatements} SQL statements, ${(httpLoad.p50 / baselineLoad.p50).toFixed(1)}x baseline`) + "\n",
  );
  process.stdout.write(row("baseline: raw SQL per-capability weekly totals of the park", baselineHeat) + "\n");
  process.stdout.write(
    row(`capacityHeatMap over HTTP (${CONTRACTORS} contractors, ${WEEKS} weeks)`, httpHeat, `${heatStatements} SQL statements, ${(httpHeat.p50 / baselineHeat.p50).toFixed(1)}x baseline`) + "\n",
  );

  await stop();
  await raw.close();
  await database.close();
  await location.drop();
}

runBench(main);
