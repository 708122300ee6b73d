import { sql } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { instantsOf, type Period } from "./period";

type Kind = "PRODUCT" | "CONTRACT";

/** The park's companies registered by the period's end, by kind (one aggregate). */
export async function companiesByKind(db: Executor, parkId: number, period: Period): Promise<Map<Kind, number>> {
  const { end } = instantsOf(period);
  const rows = db.all<{ kind: Kind; n: number }>(sql`select kind, count(*) as n from companies where park_id = ${parkId} and created_at < ${end.getTime()} group by kind`);
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Investment into the park's companies in the period, by kind of company (one aggregate). */
export async function investmentByKind(db: Executor, parkId: number, period: Period): Promise<Map<Kind, number>> {
  const rows = db.all<{ kind: Kind; amount: number }>(sql`
    select c.kind as kind, sum(i.amount_minor) as amount from investments i join companies c on c.id = i.company_id
    where c.park_id = ${parkId} and i.invested_on between ${period.from} and ${period.to} group by c.kind`);
  return new Map(rows.map((r) => [r.kind, Number(r.amount)]));
}

/**
 * Contracts awarded in the period on orders of the park's companies, not cancelled since: their
 * value, and the part made by contractors of the same park (one aggregate).
 */
export async function orderVolume(db: Executor, parkId: number, period: Period): Promise<{ contracts: number; valueMinor: number; inParkMinor: number }> {
  const { start, end } = instantsOf(period);
  const row = db.get<{ contracts: number; value: number; inPark: number }>(sql`
    select count(*) as contracts, coalesce(sum(ct.value_minor), 0) as value,
           coalesce(sum(case when k.park_id = cu.park_id then ct.value_minor else 0 end), 0) as inPark
    from contracts ct join companies cu on cu.id = ct.customer_company_id join companies k on k.id = ct.company_id
    where ct.created_at >= ${start.getTime()} and ct.created_at < ${end.getTime()} and ct.status <> 'CANCELLED' and cu.park_id = ${parkId}`)!;
  return { contracts: Number(row.contracts), valueMinor: Number(row.value), inParkMinor: Number(row.inPark) };
}

/** The park's companies that posted an order, bid, or were awarded a contract in the period (one statement). */
export async function activeCompanies(db: Executor, parkId: number, period: Period): Promise<number> {
  const { start, end } = instantsOf(period);
  const [s, e] = [start.getTime(), end.getTime()];
  const row = db.get<{ n: number }>(sql`
    select count(*) as n from companies c where c.park_id = ${parkId} and (
      exists (select 1 from orders o where o.company_id = c.id and o.created_at >= ${s} and o.created_at < ${e})
      or exists (select 1 from bids b where b.company_id = c.id and b.created_at >= ${s} and b.created_at < ${e})
      or exists (select 1 from contracts ct where ct.company_id = c.id and ct.created_at >= ${s} and ct.created_at < ${e}))`)!;
  return Number(row.n);
}

/** Revenue accepted in the period by the park's contract companies, and their active engineers (one statement). */
export async function parkRevenue(db: Executor, parkId: number, period: Period): Promise<{ revenueMinor: number; engineers: number }> {
  const row = db.get<{ revenue: number; engineers: number }>(sql`
    select
      (select coalesce(sum(d.value_minor), 0) from deliveries d join companies c on c.id = d.company_id
        where c.park_id = ${parkId} and d.status = 'ACCEPTED' and d.decided_on between ${period.from} and ${period.to}) as revenue,
      (select count(*) from engineers e join companies c on c.id = e.company_id where c.park_id = ${parkId} and e.active = 1) as engineers`)!;
  return { revenueMinor: Number(row.revenue), engineers: Number(row.engineers) };
}
