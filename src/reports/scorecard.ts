import { bookedByCompanyWeek, weeklyCapacityOfCompanies } from "../capacity/capacity.repository";
import { addWeeks, weekStart, weeksFrom } from "../capacity/weeks";
import type { Executor } from "../db/executor";
import type { ScoreFactorValue } from "../db/schema";
import { toMoney, Currency } from "../graphql/money";
import { addDays } from "../shared/time";
import { percentOf } from "../shared/ratio";
import { employeeCounts, revenueByCompany } from "./revenue.repository";
import { REFERENCES } from "./benchmarks";
import { acceptedOfDecided, bidsWon, deliveredOnTime, findScoreWeights, priceLevels } from "./scorecard.repository";

/**
 * The contractor scorecard, after the capability model C = C1 + C2 + C3: each component a
 * weighted sum of sub-factor levels x(i,k) in [0, 1] with the coordinator's weights a(i,k) in
 * points (all weights add up to 100, so C is from 0 to 100). Levels are measured from the
 * platform's data over the last 365 days; a factor with no data counts as NEUTRAL_LEVEL.
 */
export const SCORE_COMPONENTS = {
  VIABILITY: ["ON_TIME_DELIVERY", "ACCEPTED_QUALITY", "LOAD"],
  DEVELOPMENT: ["REVENUE_PER_EMPLOYEE", "GROWTH"],
  COMPETITIVENESS: ["WIN_RATE", "PRICE_LEVEL"],
} as const satisfies Record<string, readonly ScoreFactorValue[]>;
export type ScoreComponentValue = keyof typeof SCORE_COMPONENTS;

export const SCORE_WINDOW_DAYS = 365;
export const LOAD_WEEKS = 26;
export const NEUTRAL_LEVEL = 0.5;
const REFERENCE_REVENUE_PER_EMPLOYEE_MINOR = REFERENCES.REVENUE_PER_EMPLOYEE.value;
const REFERENCE_GROWTH_PERCENT = REFERENCES.GROWTH.value;

export interface FactorScore {
  factor: ScoreFactorValue;
  weight: number;
  level: number;
  measured: boolean;
  points: number;
  /** What was measured, with the company's own figures (units, money, hours, bids). */
  measure: string;
  /** The same without the figures: what the level measures, for viewers outside the company. */
  publicMeasure: string;
}

/** What each sub-factor measures, in words that carry none of the company's figures (its level says how it stands). */
const MEANING: Record<ScoreFactorValue, string> = {
  ON_TIME_DELIVERY: "Share of units delivered by the promised date in the last 365 days.",
  ACCEPTED_QUALITY: "Share of the units decided in the last 365 days that customers accepted.",
  LOAD: `Share of engineer-hours booked over the next ${LOAD_WEEKS} weeks (100 % scores 1).`,
  REVENUE_PER_EMPLOYEE: "Revenue per employee in the last 365 days against 30 000 000.00 RUB a year (the reference scores 1).",
  GROWTH: "Revenue growth on the 365 days before against 25 % (25 % or more scores 1, no growth 0).",
  WIN_RATE: "Share of the bids decided in the last 365 days that won.",
  PRICE_LEVEL: "Offer prices against the park's median for the same capability (at or below the median scores 1).",
};

export interface ComponentScore {
  component: ScoreComponentValue;
  score: number;
  factors: FactorScore[];
}

export interface CompanyScore {
  companyId: number;
  asOf: string;
  windowFrom: string;
  score: number;
  components: ComponentScore[];
}

/** Scores are shown, and compared with an order's minimum, to one decimal. */
export const roundScore = (x: number): number => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const money = (minor: number) => toMoney(Math.round(minor), Currency.RUB).amount;

type Measured = { level: number; measure: string } | { level: null; measure: string };

/** Scorecards of many companies as of `today`: ten aggregate statements whatever their number. */
export async function scorecards(db: Executor, companyIds: number[], today: string): Promise<Map<number, CompanyScore>> {
  if (companyIds.length === 0) return new Map();
  const weights = await findScoreWeights(db);
  const from = addDays(today, -(SCORE_WINDOW_DAYS - 1));
  const year = { from, to: today, days: SCORE_WINDOW_DAYS };
  const yearBefore = { from: addDays(from, -SCORE_WINDOW_DAYS), to: addDays(from, -1), days: SCORE_WINDOW_DAYS };
  const onTime = await deliveredOnTime(db, companyIds, from, today);
  const quality = await acceptedOfDecided(db, companyIds, from, today);
  const revenue = await revenueByCompany(db, companyIds, year);
  const previous = await revenueByCompany(db, companyIds, yearBefore);
  const employees = await employeeCounts(db, companyIds);
  const weeks = weeksFrom(weekStart(today), addWeeks(weekStart(today), LOAD_WEEKS - 1));
  const capacity = await weeklyCapacityOfCompanies(db, companyIds);
  const booked = await bookedByCompanyWeek(db, companyIds, weeks[0], weeks[weeks.length - 1]);
  const wins = await bidsWon(db, companyIds, new Date(`${from}T00:00:00+03:00`));
  const prices = await priceLevels(db, companyIds);

  const result = new Map<number, CompanyScore>();
  for (const id of companyIds) {
    const measures: Record<ScoreFactorValue, Measured> = {
      ON_TIME_DELIVERY: ((d) =>
        d ? { level: d.onTime / d.units, measure: `${d.onTime} of ${d.units} units delivered on time (${percentOf(d.onTime, d.units)} %).` } : { level: null, measure: "No deliveries in the last 365 days." })(onTime.get(id)),
      ACCEPTED_QUALITY: ((q) =>
        q ? { level: q.accepted / q.units, measure: `${q.accepted} of ${q.units} units decided were accepted (${percentOf(q.accepted, q.units)} %).` } : { level: null, measure: "No deliveries decided in the last 365 days." })(quality.get(id)),
      LOAD: ((cap) => {
        if (!cap) return { level: null, measure: "No active engineers." };
        const hours = weeks.reduce((sum, w) => sum + (booked.get(`${id}|${w}`) ?? 0), 0);
        const utilisation = hours / (cap * LOAD_WEEKS);
        return { level: clamp01(utilisation), measure: `${percentOf(hours, cap * LOAD_WEEKS)} % of engineer-hours booked over the next ${LOAD_WEEKS} weeks (100 % scores 1).` };
      })(capacity.get(id)),
      REVENUE_PER_EMPLOYEE: ((employees) => {
        if (!employees) return { level: null, measure: "No employees declared." };
        const perEmployee = (revenue.get(id) ?? 0) / employees;
        return { level: clamp01(perEmployee / REFERENCE_REVENUE_PER_EMPLOYEE_MINOR), measure: `${money(perEmployee)} RUB revenue per employee in the last 365 days (30 000 000.00 scores 1).` };
      })(employees.get(id) ?? 0),
      GROWTH: ((before) => {
        if (!before) return { level: null, measure: "No revenue in the 365 days before, to grow from." };
        const growth = percentOf((revenue.get(id) ?? 0) - before, before)!;
        return { level: clamp01(growth / REFERENCE_GROWTH_PERCENT), measure: `Revenue grew ${growth} % on the 365 days before (25 % or more scores 1, no growth 0).` };
      })(previous.get(id)),
      WIN_RATE: ((w) => (w ? { level: w.won / w.decided, measure: `${w.won} of ${w.decided} decided bids won (${percentOf(w.won, w.decided)} %).` } : { level: null, measure: "No bids decided in the last 365 days." }))(wins.get(id)),
      PRICE_LEVEL: ((p) =>
        p ? { level: p.level, measure: `Offers priced against the park's median for the same capability, over ${p.offers} offers (at or below the median scores 1).` } : { level: null, measure: "No active offers." })(prices.get(id)),
    };
    const components = (Object.keys(SCORE_COMPONENTS) as ScoreComponentValue[]).map((component) => {
      const factors = SCORE_COMPONENTS[component].map((factor): FactorScore => {
        const m = measures[factor];
        const level = Math.round((m.level ?? NEUTRAL_LEVEL) * 1000) / 1000;
        const weight = weights.get(factor) ?? 0;
        const measure = m.level === null ? `${m.measure} Counted as ${NEUTRAL_LEVEL}.` : m.measure;
        const publicMeasure = m.level === null ? `${MEANING[factor]} No data to measure it: counted as ${NEUTRAL_LEVEL}.` : `${MEANING[factor]} Level ${level} of 1.`;
        return { factor, weight, level, measured: m.level !== null, points: weight * level, measure, publicMeasure };
      });
      return { component, score: factors.reduce((sum, f) => sum + f.points, 0), factors };
    });
    const score = roundScore(components.reduce((sum, c) => sum + c.score, 0));
    result.set(id, {
      companyId: id,
      asOf: today,
      windowFrom: from,
      score,
      components: components.map((c) => ({ ...c, score: roundScore(c.score), factors: c.factors.map((f) => ({ ...f, points: roundScore(f.points) })) })),
    });
  }
  return result;
}
