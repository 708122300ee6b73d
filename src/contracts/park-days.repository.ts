import { eq, inArray, sql } from "drizzle-orm";
import { runSql, type Executor } from "../db/executor";
import { localDateOf } from "../db/expressions";
import { companies, parkDays, type ContractRow } from "../db/schema";
import { localDate } from "../shared/time";

/** The figures of park_days a write adds to. */
type Figures = Partial<Pick<typeof parkDays.$inferInsert, "contracts" | "contractValueMinor" | "inParkValueMinor" | "membersValueMinor" | "membersInParkValueMinor" | "revenueMinor">>;

/** Adds to a park's figures of a day (a row is made for the day's first), in the caller's transaction. */
async function addToParkDay(db: Executor, parkId: number, day: string, add: Figures): Promise<void> {
  const columns = Object.keys(add) as (keyof Figures)[];
  await db
    .insert(parkDays)
    .values({ parkId, day, ...add })
    .onConflictDoUpdate({
      target: [parkDays.parkId, parkDays.day],
      // Column names are the schema's own, not input.
      set: Object.fromEntries(columns.map((key) => [key, sql`${parkDays[key]} + ${sql.raw(`excluded.${parkDays[key].name}`)}`])),
    });
}

/**
 * Counts a contract into its award day's order volume, in the park of the customer whose order
 * it fills (`sign` -1 takes a cancelled one off again): its value, the part made in that park,
 * and the same for members' own products (outside customers left out).
 */
export async function countContractInParkDay(db: Executor, contract: Pick<ContractRow, "companyId" | "customerCompanyId" | "valueMinor" | "createdAt">, sign: 1 | -1): Promise<void> {
  const parties = await db.select({ id: companies.id, parkId: companies.parkId, kind: companies.kind }).from(companies).where(inArray(companies.id, [contract.companyId, contract.customerCompanyId]));
  const customer = parties.find((c) => c.id === contract.customerCompanyId)!;
  const contractor = parties.find((c) => c.id === contract.companyId)!;
  const value = sign * contract.valueMinor;
  const inPark = contractor.parkId === customer.parkId ? value : 0;
  const member = customer.kind !== "OUTSIDE_CUSTOMER";
  await addToParkDay(db, customer.parkId, localDate(contract.createdAt), {
    contracts: sign,
    contractValueMinor: value,
    inParkValueMinor: inPark,
    membersValueMinor: member ? value : 0,
    membersInParkValueMinor: member ? inPark : 0,
  });
}

/** Counts an accepted delivery's value into its contractor's park's revenue of the day it was accepted. */
export async function countRevenueInParkDay(db: Executor, delivery: { companyId: number; valueMinor: number; decidedOn: string }): Promise<void> {
  const [contractor] = await db.select({ parkId: companies.parkId }).from(companies).where(eq(companies.id, delivery.companyId));
  await addToParkDay(db, contractor.parkId, delivery.decidedOn, { revenueMinor: delivery.valueMinor });
}

/**
 * Recomputes every park's days from the contracts and deliveries (the migration that made the
 * table ran the same statement): for rows inserted around the use cases (the benchmarks'
 * generators), and for the test that proves the kept figures equal the recomputed ones.
 */
export async function rebuildParkDays(db: Executor): Promise<void> {
  await runSql(db, sql`delete from park_days`);
  const awardDay = localDateOf(sql.raw("ct.created_at"));
  await runSql(
    db,
    sql`
    insert into park_days (park_id, day, contracts, contract_value_minor, in_park_value_minor, members_value_minor, members_in_park_value_minor, revenue_minor)
    select park_id, day, sum(contracts), sum(value), sum(in_park), sum(members), sum(members_in_park), sum(revenue) from (
      select cu.park_id as park_id, ${awardDay} as day, count(*) as contracts, sum(ct.value_minor) as value,
        sum(case when k.park_id = cu.park_id then ct.value_minor else 0 end) as in_park,
        sum(case when cu.kind <> 'OUTSIDE_CUSTOMER' then ct.value_minor else 0 end) as members,
        sum(case when cu.kind <> 'OUTSIDE_CUSTOMER' and k.park_id = cu.park_id then ct.value_minor else 0 end) as members_in_park, 0 as revenue
      from contracts ct join companies cu on cu.id = ct.customer_company_id join companies k on k.id = ct.company_id
      where ct.status <> 'CANCELLED' group by cu.park_id, ${awardDay}
      union all
      select c.park_id, d.decided_on, 0, 0, 0, 0, 0, sum(d.value_minor) from deliveries d join companies c on c.id = d.company_id
      where d.status = 'ACCEPTED' group by c.park_id, d.decided_on
    ) as figures group by park_id, day`,
  );
}
