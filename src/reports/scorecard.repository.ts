import { and, asc, between, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { sqlRows, type Executor } from "../db/executor";
import {
  bids,
  companies,
  companyFactorValues,
  contracts,
  deliveries,
  orders,
  parkScoreWeights,
  scoreFactors,
  scoreWeights,
  type CompanyFactorValueRow,
  type CompanyKindValue,
  type ScoreFactorRow,
  type ScoreSubjectValue,
} from "../db/schema";
import { first, idSet, inIds, only } from "../db/prepared";
import { AWARD_WINDOW_DAYS } from "../orders/order-state";
import { daysBetween } from "../shared/time";

/** A customer's PROMPT_DECISIONS: a delivery decided within this many days of its delivery. */
export const PROMPT_DECISION_DAYS = 7;

/** Units delivered in [from, to] and how many of them on time, per company (one aggregate). */
export async function deliveredOnTime(db: Executor, companyIds: number[], from: string, to: string): Promise<Map<number, { units: number; onTime: number }>> {
  const rows = await db
    .select({
      companyId: deliveries.companyId,
      units: sql<number>`sum(${deliveries.quantity})`.mapWith(Number),
      onTime: sql<number>`coalesce(sum(case when ${deliveries.late} then 0 else ${deliveries.quantity} end), 0)`.mapWith(Number),
    })
    .from(deliveries)
    .where(and(inIds(deliveries.companyId, companyIds), between(deliveries.deliveredOn, from, to)))
    .groupBy(deliveries.companyId);
  return new Map(rows.map((r) => [r.companyId, { units: r.units, onTime: r.onTime }]));
}

/** Units decided in [from, to] and how many of them accepted, per company (one aggregate). */
export async function acceptedOfDecided(db: Executor, companyIds: number[], from: string, to: string): Promise<Map<number, { units: number; accepted: number }>> {
  const rows = await db
    .select({
      companyId: deliveries.companyId,
      units: sql<number>`sum(${deliveries.quantity})`.mapWith(Number),
      accepted: sql<number>`coalesce(sum(case when ${deliveries.status} = 'ACCEPTED' then ${deliveries.quantity} else 0 end), 0)`.mapWith(Number),
    })
    .from(deliveries)
    .where(and(inIds(deliveries.companyId, companyIds), inArray(deliveries.status, ["ACCEPTED", "REJECTED"]), between(deliveries.decidedOn, from, to)))
    .groupBy(deliveries.companyId);
  return new Map(rows.map((r) => [r.companyId, { units: r.units, accepted: r.accepted }]));
}

/** Bids decided since `since` (awarded or not) and how many won, per company (one aggregate). */
export async function bidsWon(db: Executor, companyIds: number[], since: Date): Promise<Map<number, { decided: number; won: number }>> {
  const rows = await db
    .select({ companyId: bids.companyId, decided: sql<number>`count(*)`.mapWith(Number), won: sql<number>`count(*) filter (where ${bids.status} = 'AWARDED')`.mapWith(Number) })
    .from(bids)
    .where(and(inIds(bids.companyId, companyIds), inArray(bids.status, ["AWARDED", "NOT_AWARDED"]), gte(bids.updatedAt, since)))
    .groupBy(bids.companyId);
  return new Map(rows.map((r) => [r.companyId, { decided: r.decided, won: r.won }]));
}

/**
 * Per company: the mean over its active offers of min(1, park median / its price), where the
 * median is over the active offers of the same capability in its park (one statement).
 */
export async function priceLevels(db: Executor, companyIds: number[]): Promise<Map<number, { offers: number; level: number }>> {
  const ids = idSet(companyIds);
  const levels = await sqlRows<{ company_id: number | string; offers: number | string; level: number | string }>(
    db,
    sql`
    with park_offers as (
      select c.park_id, o.capability_id, o.unit_price_minor as price,
             row_number() over (partition by c.park_id, o.capability_id order by o.unit_price_minor) as rn,
             count(*) over (partition by c.park_id, o.capability_id) as n
      from capability_offers o join companies c on c.id = o.company_id
      where o.active and c.park_id in (select park_id from companies where id in ${ids})
    ), medians as (
      select park_id, capability_id, avg(price) as median from park_offers
      where rn in ((n + 1) / 2, (n + 2) / 2) group by park_id, capability_id
    )
    select o.company_id as company_id, count(*) as offers,
           avg(case when m.median < o.unit_price_minor then m.median * 1.0 / o.unit_price_minor else 1.0 end) as level
    from capability_offers o join companies c on c.id = o.company_id
      join medians m on m.park_id = c.park_id and m.capability_id = o.capability_id
    where o.active and o.company_id in ${ids}
    group by o.company_id`,
  );
  return new Map(levels.map((r) => [Number(r.company_id), { offers: Number(r.offers), level: Number(r.level) }]));
}

/** The default weights, by sub-factor code. */
export async function findScoreWeights(db: Executor): Promise<Map<string, number>> {
  return new Map((await db.select().from(scoreWeights)).map((r) => [r.factor, r.weight]));
}

/** Sets default weights (one row per sub-factor). */
export async function saveScoreWeights(db: Executor, weights: Map<string, number>, at: Date): Promise<void> {
  for (const [factor, weight] of weights) {
    await db.insert(scoreWeights).values({ factor, weight, updatedAt: at }).onConflictDoUpdate({ target: scoreWeights.factor, set: { weight, updatedAt: at } });
  }
}

/** Parks' own weights, per park and subject, for the parks that have them (one statement). */
export async function findParkScoreWeights(db: Executor, parkIds: number[]): Promise<Map<number, Map<ScoreSubjectValue, Map<string, number>>>> {
  const result = new Map<number, Map<ScoreSubjectValue, Map<string, number>>>();
  if (parkIds.length === 0) return result;
  const rows = await db
    .select({ parkId: parkScoreWeights.parkId, factor: parkScoreWeights.factor, weight: parkScoreWeights.weight, subject: scoreFactors.subject })
    .from(parkScoreWeights)
    .innerJoin(scoreFactors, eq(scoreFactors.code, parkScoreWeights.factor))
    .where(inIds(parkScoreWeights.parkId, parkIds));
  for (const r of rows) {
    const park = result.get(r.parkId) ?? new Map<ScoreSubjectValue, Map<string, number>>();
    const set = park.get(r.subject) ?? new Map<string, number>();
    set.set(r.factor, r.weight);
    park.set(r.subject, set);
    result.set(r.parkId, park);
  }
  return result;
}

/** Replaces a park's own weights for the sub-factors given (its set for one subject). */
export async function saveParkScoreWeights(db: Executor, parkId: number, weights: Map<string, number>, at: Date): Promise<void> {
  await db.delete(parkScoreWeights).where(and(eq(parkScoreWeights.parkId, parkId), inArray(parkScoreWeights.factor, [...weights.keys()])));
  await db.insert(parkScoreWeights).values([...weights].map(([factor, weight]) => ({ parkId, factor, weight, updatedAt: at })));
}

/** Every sub-factor, in position order: the measured ones first, then those added, as added. */
export async function findScoreFactors(db: Executor): Promise<ScoreFactorRow[]> {
  return db.select().from(scoreFactors).orderBy(asc(scoreFactors.position));
}

export async function findScoreFactor(db: Executor, code: string): Promise<ScoreFactorRow | undefined> {
  return first(db.select().from(scoreFactors).where(eq(scoreFactors.code, code)));
}

export async function insertScoreFactor(db: Executor, values: typeof scoreFactors.$inferInsert): Promise<ScoreFactorRow> {
  return only(db.insert(scoreFactors).values(values).returning());
}

export async function findFactorValue(db: Executor, id: number): Promise<CompanyFactorValueRow | undefined> {
  return first(db.select().from(companyFactorValues).where(eq(companyFactorValues.id, id)));
}

export async function insertFactorValue(db: Executor, values: typeof companyFactorValues.$inferInsert): Promise<CompanyFactorValueRow> {
  return only(db.insert(companyFactorValues).values(values).returning());
}

export interface ScoredCompany {
  id: number;
  kind: CompanyKindValue;
  parkId: number;
  employeeCount: number;
}

/** The companies' kind, park and declared employees: which score each has, whose weights, and its revenue per employee (one statement). */
export async function scoredCompanies(db: Executor, companyIds: number[]): Promise<ScoredCompany[]> {
  return db.select({ id: companies.id, kind: companies.kind, parkId: companies.parkId, employeeCount: companies.employeeCount }).from(companies).where(inIds(companies.id, companyIds));
}

/** The latest value of each entered sub-factor of each company, keyed `company|factor` (one statement). */
export async function latestFactorValues(db: Executor, companyIds: number[]): Promise<Map<string, CompanyFactorValueRow>> {
  const rows = await db.select().from(companyFactorValues).where(inIds(companyFactorValues.companyId, companyIds)).orderBy(asc(companyFactorValues.id));
  // Later rows overwrite earlier ones: the latest entered is in force.
  return new Map(rows.map((r) => [`${r.companyId}|${r.factor}`, r]));
}

/** Per customer: orders posted since `since`, and of those decided, how many awarded and how many cancelled or expired (one aggregate). */
export async function ordersPostedBy(db: Executor, companyIds: number[], since: Date, now: Date): Promise<Map<number, { posted: number; awarded: number; lost: number }>> {
  const expiredBefore = new Date(now.getTime() - AWARD_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select({
      companyId: orders.companyId,
      posted: sql<number>`count(*)`.mapWith(Number),
      awarded: sql<number>`count(*) filter (where ${orders.status} in ('AWARDED', 'IN_PRODUCTION', 'COMPLETED'))`.mapWith(Number),
      lost: sql<number>`count(*) filter (where ${orders.status} in ('CANCELLED', 'EXPIRED') or (${orders.status} = 'OPEN' and ${orders.biddingClosesAt} < ${sql.param(expiredBefore, orders.biddingClosesAt)}))`.mapWith(Number),
    })
    .from(orders)
    .where(and(inIds(orders.companyId, companyIds), gte(orders.createdAt, since)))
    .groupBy(orders.companyId);
  return new Map(rows.map((r) => [r.companyId, { posted: r.posted, awarded: r.awarded, lost: r.lost }]));
}

/** Per customer: deliveries decided in [from, to] and how many within PROMPT_DECISION_DAYS of their delivery (one aggregate, by date pair). */
export async function decisionDelays(db: Executor, companyIds: number[], from: string, to: string): Promise<Map<number, { decided: number; prompt: number }>> {
  const rows = await db
    .select({ companyId: deliveries.customerCompanyId, deliveredOn: deliveries.deliveredOn, decidedOn: deliveries.decidedOn, n: sql<number>`count(*)`.mapWith(Number) })
    .from(deliveries)
    .where(and(inIds(deliveries.customerCompanyId, companyIds), inArray(deliveries.status, ["ACCEPTED", "REJECTED"]), between(deliveries.decidedOn, from, to)))
    .groupBy(deliveries.customerCompanyId, deliveries.deliveredOn, deliveries.decidedOn);
  const result = new Map<number, { decided: number; prompt: number }>();
  for (const r of rows) {
    const figures = result.get(r.companyId) ?? { decided: 0, prompt: 0 };
    figures.decided += r.n;
    if (r.decidedOn !== null && daysBetween(r.deliveredOn, r.decidedOn) <= PROMPT_DECISION_DAYS) figures.prompt += r.n;
    result.set(r.companyId, figures);
  }
  return result;
}

/** Per customer: the value of contracts awarded on its orders since `since`, and in the 365 days before it (one aggregate). */
export async function valueAwardedBy(db: Executor, companyIds: number[], since: Date, yearBefore: Date): Promise<Map<number, { year: number; before: number }>> {
  const rows = await db
    .select({
      companyId: contracts.customerCompanyId,
      year: sql<number>`coalesce(sum(case when ${contracts.createdAt} >= ${sql.param(since, contracts.createdAt)} then ${contracts.valueMinor} else 0 end), 0)`.mapWith(Number),
      before: sql<number>`coalesce(sum(case when ${contracts.createdAt} < ${sql.param(since, contracts.createdAt)} then ${contracts.valueMinor} else 0 end), 0)`.mapWith(Number),
    })
    .from(contracts)
    .where(and(inIds(contracts.customerCompanyId, companyIds), gte(contracts.createdAt, yearBefore), ne(contracts.status, "CANCELLED")))
    .groupBy(contracts.customerCompanyId);
  return new Map(rows.map((r) => [r.companyId, { year: r.year, before: r.before }]));
}

