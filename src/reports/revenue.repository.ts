import { and, between, eq, gte, lt, ne, sql } from "drizzle-orm";
import { sqlRows, type Executor } from "../db/executor";
import { inIds } from "../db/prepared";
import { contracts, deliveries, engineers } from "../db/schema";
import { type Period, instantsOf } from "./period";

/** Accepted revenue in minor units per company, decided within the period (one aggregate). */
export async function revenueByCompany(db: Executor, companyIds: number[], period: Period): Promise<Map<number, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .select({ companyId: deliveries.companyId, revenue: sql<number>`sum(${deliveries.valueMinor})`.mapWith(Number) })
    .from(deliveries)
    .where(and(inIds(deliveries.companyId, companyIds), eq(deliveries.status, "ACCEPTED"), between(deliveries.decidedOn, period.from, period.to)))
    .groupBy(deliveries.companyId);
  return new Map(rows.map((r) => [r.companyId, r.revenue]));
}

/** Contracts awarded to a company in the period and not cancelled since: count and value (one aggregate). */
export async function contractsWon(db: Executor, companyId: number, period: Period): Promise<{ count: number; valueMinor: number }> {
  const { start, end } = instantsOf(period);
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number), value: sql<number>`coalesce(sum(${contracts.valueMinor}), 0)`.mapWith(Number) })
    .from(contracts)
    .where(and(eq(contracts.companyId, companyId), gte(contracts.createdAt, start), lt(contracts.createdAt, end), ne(contracts.status, "CANCELLED")));
  return { count: row.count, valueMinor: row.value };
}

/** Active engineers and system engineers per company (one aggregate). */
export async function headcountOfCompanies(db: Executor, companyIds: number[]): Promise<Map<number, { engineers: number; systemEngineers: number }>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .select({
      companyId: engineers.companyId,
      engineers: sql<number>`count(*)`.mapWith(Number),
      systemEngineers: sql<number>`count(*) filter (where ${engineers.role} = 'SYSTEM_ENGINEER')`.mapWith(Number),
    })
    .from(engineers)
    .where(and(inIds(engineers.companyId, companyIds), eq(engineers.active, true)))
    .groupBy(engineers.companyId);
  return new Map(rows.map((r) => [r.companyId, { engineers: r.engineers, systemEngineers: r.systemEngineers }]));
}

export interface EngineerAttribution {
  engineerId: number;
  /** Hundredths of an hour booked on contracts with revenue in the period. */
  centihours: number;
  revenueMinor: number;
}

/**
 * Each contract's revenue accepted in the period, split among its engineers by their share of
 * its booked hours, in one statement. floor(r * h / H) is computed as (r / H) * h +
 * ((r % H) * h) / H, which is exact in 64-bit integers where r * h might not be; the kopecks
 * lost to rounding down are the caller's "unattributed" remainder.
 */
export async function revenueByEngineer(db: Executor, companyId: number, period: Period): Promise<EngineerAttribution[]> {
  // Sums cast to bigint: PostgreSQL's sum of bigint is numeric, whose division is not integral.
  const attributed = await sqlRows<{ engineer_id: number | string; centihours: number | string; revenue: number | string }>(
    db,
    sql`
    with revenue as (
      select contract_id, cast(sum(value_minor) as bigint) as r from deliveries
      where company_id = ${companyId} and status = 'ACCEPTED' and decided_on between ${period.from} and ${period.to}
      group by contract_id
    ), hours as (
      select b.contract_id, b.engineer_id, cast(sum(b.centihours) as bigint) as h from bookings b join revenue using (contract_id)
      group by b.contract_id, b.engineer_id
    ), total as (
      select contract_id, cast(sum(h) as bigint) as hh from hours group by contract_id
    )
    select hours.engineer_id as engineer_id, sum(hours.h) as centihours,
           sum((revenue.r / total.hh) * hours.h + ((revenue.r % total.hh) * hours.h) / total.hh) as revenue
    from hours join revenue using (contract_id) join total using (contract_id)
    group by hours.engineer_id`,
  );
  return attributed.map((r) => ({ engineerId: Number(r.engineer_id), centihours: Number(r.centihours), revenueMinor: Number(r.revenue) }));
}
