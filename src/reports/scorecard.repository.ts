import { and, between, gte, inArray, sql } from "drizzle-orm";
import { sqlRows, type Executor } from "../db/executor";
import { bids, deliveries, scoreWeights, type ScoreFactorValue } from "../db/schema";

/** Units delivered in [from, to] and how many of them on time, per company (one aggregate). */
export async function deliveredOnTime(db: Executor, companyIds: number[], from: string, to: string): Promise<Map<number, { units: number; onTime: number }>> {
  const rows = await db
    .select({
      companyId: deliveries.companyId,
      units: sql<number>`sum(${deliveries.quantity})`.mapWith(Number),
      onTime: sql<number>`coalesce(sum(case when ${deliveries.late} then 0 else ${deliveries.quantity} end), 0)`.mapWith(Number),
    })
    .from(deliveries)
    .where(and(inArray(deliveries.companyId, companyIds), between(deliveries.deliveredOn, from, to)))
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
    .where(and(inArray(deliveries.companyId, companyIds), inArray(deliveries.status, ["ACCEPTED", "REJECTED"]), between(deliveries.decidedOn, from, to)))
    .groupBy(deliveries.companyId);
  return new Map(rows.map((r) => [r.companyId, { units: r.units, accepted: r.accepted }]));
}

/** Bids decided since `since` (awarded or not) and how many won, per company (one aggregate). */
export async function bidsWon(db: Executor, companyIds: number[], since: Date): Promise<Map<number, { decided: number; won: number }>> {
  const rows = await db
    .select({ companyId: bids.companyId, decided: sql<number>`count(*)`.mapWith(Number), won: sql<number>`count(*) filter (where ${bids.status} = 'AWARDED')`.mapWith(Number) })
    .from(bids)
    .where(and(inArray(bids.companyId, companyIds), inArray(bids.status, ["AWARDED", "NOT_AWARDED"]), gte(bids.updatedAt, since)))
    .groupBy(bids.companyId);
  return new Map(rows.map((r) => [r.companyId, { decided: r.decided, won: r.won }]));
}

/**
 * Per company: the mean over its active offers of min(1, park median / its price), where the
 * median is over the active offers of the same capability in its park (one statement).
 */
export async function priceLevels(db: Executor, companyIds: number[]): Promise<Map<number, { offers: number; level: number }>> {
  const ids = sql.join(companyIds.map((id) => sql`${id}`), sql`, `);
  const levels = await sqlRows<{ company_id: number | string; offers: number | string; level: number | string }>(
    db,
    sql`
    with park_offers as (
      select c.park_id, o.capability_id, o.unit_price_minor as price,
             row_number() over (partition by c.park_id, o.capability_id order by o.unit_price_minor) as rn,
             count(*) over (partition by c.park_id, o.capability_id) as n
      from capability_offers o join companies c on c.id = o.company_id
      where o.active and c.park_id in (select park_id from companies where id in (${ids}))
    ), medians as (
      select park_id, capability_id, avg(price) as median from park_offers
      where rn in ((n + 1) / 2, (n + 2) / 2) group by park_id, capability_id
    )
    select o.company_id as company_id, count(*) as offers,
           avg(case when m.median < o.unit_price_minor then m.median * 1.0 / o.unit_price_minor else 1.0 end) as level
    from capability_offers o join companies c on c.id = o.company_id
      join medians m on m.park_id = c.park_id and m.capability_id = o.capability_id
    where o.active and o.company_id in (${ids})
    group by o.company_id`,
  );
  return new Map(levels.map((r) => [Number(r.company_id), { offers: Number(r.offers), level: Number(r.level) }]));
}

export async function findScoreWeights(db: Executor): Promise<Map<ScoreFactorValue, number>> {
  return new Map((await db.select().from(scoreWeights)).map((r) => [r.factor, r.weight]));
}

export async function saveScoreWeights(db: Executor, weights: Map<ScoreFactorValue, number>, at: Date): Promise<void> {
  for (const [factor, weight] of weights) {
    await db.insert(scoreWeights).values({ factor, weight, updatedAt: at }).onConflictDoUpdate({ target: scoreWeights.factor, set: { weight, updatedAt: at } });
  }
}

