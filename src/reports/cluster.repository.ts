import { and, count, eq, gte, isNotNull, lt, lte, sql } from "drizzle-orm";
import { millisBetween } from "../db/expressions";
import { sqlRows, type Executor } from "../db/executor";
import { companies, contracts, orders, parkDays, type CompanyKindValue } from "../db/schema";
import { instantsOf, type Period } from "./period";

type Kind = CompanyKindValue;

/** A park's days in a period. */
const inParkDays = (parkId: number, period: Period) => and(eq(parkDays.parkId, parkId), gte(parkDays.day, period.from), lte(parkDays.day, period.to));

/** The park's companies registered by the period's end, by kind (one aggregate). */
export async function companiesByKind(db: Executor, parkId: number, period: Period): Promise<Map<Kind, number>> {
  const { end } = instantsOf(period);
  const counts = await sqlRows<{ kind: Kind; n: number | string }>(
    db,
    sql`select kind, count(*) as n from companies where park_id = ${parkId} and created_at < ${sql.param(end, companies.createdAt)} group by kind`,
  );
  return new Map(counts.map((r) => [r.kind, Number(r.n)]));
}

/** Investment into the park's companies in the period, by kind of company (one aggregate). */
export async function investmentByKind(db: Executor, parkId: number, period: Period): Promise<Map<Kind, number>> {
  const amounts = await sqlRows<{ kind: Kind; amount: number | string }>(
    db,
    sql`
    select c.kind as kind, sum(i.amount_minor) as amount from investments i join companies c on c.id = i.company_id
    where c.park_id = ${parkId} and i.invested_on between ${period.from} and ${period.to} group by c.kind`,
  );
  return new Map(amounts.map((r) => [r.kind, Number(r.amount)]));
}

export interface OrderVolumeFigures {
  contracts: number;
  valueMinor: number;
  inParkMinor: number;
  /** The park's members' products (outside customers' orders left out): contract value, the part made in the park, and parts declared bought outside. */
  membersValueMinor: number;
  membersInParkMinor: number;
  sourcedOutsideMinor: number;
}

/**
 * Contracts awarded in the period on orders of the park's companies, not cancelled since: their
 * value, and the part made by contractors of the same park; the same for the members' own
 * products (outside customers left out), summed from the park's days (park_days, kept by the
 * contract writes); with the parts their chains awarded in the period declared bought outside
 * (two aggregates).
 */
export async function orderVolume(db: Executor, parkId: number, period: Period): Promise<OrderVolumeFigures> {
  const [row] = await db
    .select({
      contracts: sql<number>`coalesce(sum(${parkDays.contracts}), 0)`.mapWith(Number),
      value: sql<number>`coalesce(sum(${parkDays.contractValueMinor}), 0)`.mapWith(Number),
      inPark: sql<number>`coalesce(sum(${parkDays.inParkValueMinor}), 0)`.mapWith(Number),
      members: sql<number>`coalesce(sum(${parkDays.membersValueMinor}), 0)`.mapWith(Number),
      membersInPark: sql<number>`coalesce(sum(${parkDays.membersInParkValueMinor}), 0)`.mapWith(Number),
    })
    .from(parkDays)
    .where(inParkDays(parkId, period));
  const [outside] = await sqlRows<{ value: number | string }>(
    db,
    sql`
    select coalesce(sum(o.value_minor), 0) as value from chain_outside_stages o join chains ch on ch.id = o.chain_id join companies cu on cu.id = ch.company_id
    where cu.park_id = ${parkId} and cu.kind <> 'OUTSIDE_CUSTOMER' and o.awarded_on between ${period.from} and ${period.to}`,
  );
  return {
    contracts: row.contracts,
    valueMinor: row.value,
    inParkMinor: row.inPark,
    membersValueMinor: row.members,
    membersInParkMinor: row.membersInPark,
    sourcedOutsideMinor: Number(outside.value),
  };
}

/** The park's companies that posted an order, bid, or were awarded a contract in the period (one statement). */
export async function activeCompanies(db: Executor, parkId: number, period: Period): Promise<number> {
  const { start, end } = instantsOf(period);
  // Every created_at is an instant column: bound as the columns store it (milliseconds, timestamptz).
  const [s, e] = [sql.param(start, contracts.createdAt), sql.param(end, contracts.createdAt)];
  const [row] = await sqlRows<{ n: number | string }>(
    db,
    sql`
    select count(*) as n from companies c where c.park_id = ${parkId} and (
      exists (select 1 from orders o where o.company_id = c.id and o.created_at >= ${s} and o.created_at < ${e})
      or exists (select 1 from bids b where b.company_id = c.id and b.created_at >= ${s} and b.created_at < ${e})
      or exists (select 1 from contracts ct where ct.company_id = c.id and ct.created_at >= ${s} and ct.created_at < ${e}))`,
  );
  return Number(row.n);
}

/** Revenue accepted in the period by the park's contract companies (from its days), and their active engineers (one statement). */
export async function parkRevenue(db: Executor, parkId: number, period: Period): Promise<{ revenueMinor: number; engineers: number }> {
  const [row] = await sqlRows<{ revenue: number | string; engineers: number | string }>(
    db,
    sql`
    select
      (select coalesce(sum(${parkDays.revenueMinor}), 0) from ${parkDays} where ${inParkDays(parkId, period)}) as revenue,
      (select count(*) from engineers e join companies c on c.id = e.company_id where c.park_id = ${parkId} and e.active) as engineers`,
  );
  return { revenueMinor: Number(row.revenue), engineers: Number(row.engineers) };
}

/** The weekly engineer-hours of the park's active engineers, and what is booked on them in [fromWeek, toWeek], in centihours (one statement). */
export async function parkLoad(db: Executor, parkId: number, fromWeek: string, toWeek: string): Promise<{ weeklyCentihours: number; bookedCentihours: number }> {
  const [row] = await sqlRows<{ weekly: number | string | null; booked: number | string | null }>(
    db,
    sql`
    select
      (select coalesce(sum(e.weekly_hours), 0) * 100 from engineers e join companies c on c.id = e.company_id where c.park_id = ${parkId} and e.active) as weekly,
      (select coalesce(sum(b.centihours), 0) from bookings b join engineers e on e.id = b.engineer_id join companies c on c.id = e.company_id
        where c.park_id = ${parkId} and e.active and b.week between ${fromWeek} and ${toWeek}) as booked`,
  );
  return { weeklyCentihours: Number(row.weekly ?? 0), bookedCentihours: Number(row.booked ?? 0) };
}

/** What the orders the park's companies posted in a period took to place (transaction costs). */
export interface OrderTransactions {
  posted: number;
  /** Those with a contract made (at any time since). */
  awarded: number;
  /** Milliseconds from posting to the first contract: summed over the awarded, and their median. */
  totalMsToAward: number;
  medianMsToAward: number | null;
  bids: number;
  /** Bids from instant quotes (taken by the contractor, or awarded by the customer). */
  quotedBids: number;
}

/**
 * The transaction figures of the orders the park's companies posted in the period: two
 * statements over one covering index (park, posting instant, figures), since the orders' park,
 * bid counts and first contract are kept by the order, bid and contract inserts; no bid,
 * contract or company of the period is read.
 */
export async function orderTransactions(db: Executor, parkId: number, period: Period): Promise<OrderTransactions> {
  const { start, end } = instantsOf(period);
  const posted = and(eq(orders.parkId, parkId), gte(orders.createdAt, start), lt(orders.createdAt, end));
  const msToAward = millisBetween(orders.createdAt, orders.firstContractAt);
  const [row] = await db
    .select({
      posted: count(),
      awarded: count(orders.firstContractAt),
      totalMs: sql<number>`coalesce(sum(${msToAward}), 0)`.mapWith(Number),
      bids: sql<number>`coalesce(sum(${orders.bidCount}), 0)`.mapWith(Number),
      quotedBids: sql<number>`coalesce(sum(${orders.quotedBidCount}), 0)`.mapWith(Number),
    })
    .from(orders)
    .where(posted);
  const awarded = Number(row.awarded);
  // The median: the middle one or two of the awarded, by time to award.
  const middle =
    awarded === 0
      ? []
      : await db
          .select({ ms: msToAward.mapWith(Number) })
          .from(orders)
          .where(and(posted, isNotNull(orders.firstContractAt)))
          .orderBy(msToAward)
          .limit(awarded % 2 === 0 ? 2 : 1)
          .offset(Math.floor((awarded - 1) / 2));
  return {
    posted: Number(row.posted),
    awarded,
    totalMsToAward: row.totalMs,
    medianMsToAward: middle.length === 0 ? null : middle.reduce((sum, m) => sum + m.ms, 0) / middle.length,
    bids: row.bids,
    quotedBids: row.quotedBids,
  };
}
