import { bookedByCompanyWeek, weeklyCapacityOfCompanies } from "../capacity/capacity.repository";
import { addWeeks, weekStart, weeksFrom } from "../capacity/weeks";
import type { Executor } from "../db/executor";
import { SCORE_COMPONENT_VALUES, type CompanyFactorValueRow, type CompanyKindValue, type MeasuredFactorValue, type ScoreFactorRow, type ScoreSubjectValue } from "../db/schema";
import { KIND_RIGHTS } from "../access/policy";
import { groupBy } from "../shared/group-by";
import { toMoney, Currency } from "../graphql/money";
import { addDays, localDate } from "../shared/time";
import { percentOf } from "../shared/ratio";
import { revenueByCompany } from "./revenue.repository";
import { REFERENCES } from "./benchmarks";
import {
  acceptedOfDecided,
  bidsWon,
  decisionDelays,
  deliveredOnTime,
  findParkScoreWeights,
  findScoreFactors,
  findScoreWeights,
  latestFactorValues,
  ordersPostedBy,
  priceLevels,
  PROMPT_DECISION_DAYS,
  scoredCompanies,
  valueAwardedBy,
  type ScoredCompany,
} from "./scorecard.repository";

/*
 * The capability score, after the model C = C1 + C2 + C3: each component a weighted sum of
 * sub-factor levels x(i,k) in [0, 1] with the coordinator's weights a(i,k) in points (a subject's
 * weights add up to 100, so C is from 0 to 100). Contractors and customers have sub-factors of
 * their own (score_factors): measured from the platform's data over the last 365 days, or entered
 * per company against a reference. A park may have its own weights. A sub-factor with no data
 * counts as NEUTRAL_LEVEL.
 */

export type ScoreComponentValue = (typeof SCORE_COMPONENT_VALUES)[number];
/** A customer's ORDERS_PLACED reference: an order a month. */
export const ORDERS_PER_YEAR_REFERENCE = 12;
export const SCORE_WINDOW_DAYS = 365;
export const LOAD_WEEKS = 26;
export const NEUTRAL_LEVEL = 0.5;
const REFERENCE_REVENUE_PER_EMPLOYEE_MINOR = REFERENCES.REVENUE_PER_EMPLOYEE.value;
const REFERENCE_GROWTH_PERCENT = REFERENCES.GROWTH.value;

export interface FactorScore {
  factor: string;
  name: string;
  source: "MEASURED" | "ENTERED";
  /** Who entered an entered sub-factor's value in force, and when; null for measured ones. */
  enteredBy: string | null;
  enteredAt: Date | null;
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
const MEANING: Record<MeasuredFactorValue, string> = {
  ON_TIME_DELIVERY: "Share of units delivered by the promised date in the last 365 days.",
  ACCEPTED_QUALITY: "Share of the units decided in the last 365 days that customers accepted.",
  LOAD: `Share of engineer-hours booked over the next ${LOAD_WEEKS} weeks (100 % scores 1).`,
  REVENUE_PER_EMPLOYEE: "Revenue per employee in the last 365 days against 30 000 000.00 RUB a year (the reference scores 1).",
  GROWTH: "Revenue growth on the 365 days before against 25 % (25 % or more scores 1, no growth 0).",
  WIN_RATE: "Share of the bids decided in the last 365 days that won.",
  PRICE_LEVEL: "Offer prices against the park's median for the same capability (at or below the median scores 1).",
  ORDERS_PLACED: `Orders posted in the last 365 days against one a month (${ORDERS_PER_YEAR_REFERENCE} score 1).`,
  PROMPT_DECISIONS: `Share of the deliveries decided within ${PROMPT_DECISION_DAYS} days in the last 365 days.`,
  ORDER_GROWTH: "Growth of the value it awarded on the 365 days before against 25 % (25 % or more scores 1, no growth 0).",
  AWARD_RATE: "Share of its orders decided in the last 365 days that it awarded.",
};

export interface ComponentScore {
  component: ScoreComponentValue;
  score: number;
  factors: FactorScore[];
}

export interface CompanyScore {
  companyId: number;
  subject: ScoreSubjectValue;
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

/** Growth on the 365 days before against the reference's 25 % (no growth or less scores 0); no level without a year before. */
function growthMeasure(current: number, before: number, what: string, nothingBefore: string): Measured {
  if (!before) return { level: null, measure: nothingBefore };
  const growth = percentOf(current - before, before)!;
  return { level: clamp01(growth / REFERENCE_GROWTH_PERCENT), measure: `${what} grew ${growth} % on the 365 days before (25 % or more scores 1, no growth 0).` };
}

/** The measured levels of contractors' sub-factors, per company (nine aggregate statements). */
async function contractorMeasures(db: Executor, contractors: ScoredCompany[], today: string, from: string): Promise<Map<number, Partial<Record<MeasuredFactorValue, Measured>>>> {
  const companyIds = contractors.map((c) => c.id);
  const employees = new Map(contractors.map((c) => [c.id, c.employeeCount]));
  const year = { from, to: today, days: SCORE_WINDOW_DAYS };
  const yearBefore = { from: addDays(from, -SCORE_WINDOW_DAYS), to: addDays(from, -1), days: SCORE_WINDOW_DAYS };
  const onTime = await deliveredOnTime(db, companyIds, from, today);
  const quality = await acceptedOfDecided(db, companyIds, from, today);
  const revenue = await revenueByCompany(db, companyIds, year);
  const previous = await revenueByCompany(db, companyIds, yearBefore);
  const weeks = weeksFrom(weekStart(today), addWeeks(weekStart(today), LOAD_WEEKS - 1));
  const capacity = await weeklyCapacityOfCompanies(db, companyIds);
  const booked = await bookedByCompanyWeek(db, companyIds, weeks[0], weeks[weeks.length - 1]);
  const wins = await bidsWon(db, companyIds, new Date(`${from}T00:00:00+03:00`));
  const prices = await priceLevels(db, companyIds);
  return new Map(
    companyIds.map((id) => [
      id,
      {
        ON_TIME_DELIVERY: ((d) =>
          d ? { level: d.onTime / d.units, measure: `${d.onTime} of ${d.units} units delivered on time (${percentOf(d.onTime, d.units)} %).` } : { level: null, measure: "No deliveries in the last 365 days." })(onTime.get(id)),
        ACCEPTED_QUALITY: ((q) =>
          q ? { level: q.accepted / q.units, measure: `${q.accepted} of ${q.units} units decided were accepted (${percentOf(q.accepted, q.units)} %).` } : { level: null, measure: "No deliveries decided in the last 365 days." })(quality.get(id)),
        LOAD: ((cap) => {
          if (!cap) return { level: null, measure: "No active engineers." };
          const hours = weeks.reduce((sum, w) => sum + (booked.get(`${id}|${w}`) ?? 0), 0);
          return { level: clamp01(hours / (cap * LOAD_WEEKS)), measure: `${percentOf(hours, cap * LOAD_WEEKS)} % of engineer-hours booked over the next ${LOAD_WEEKS} weeks (100 % scores 1).` };
        })(capacity.get(id)),
        REVENUE_PER_EMPLOYEE: ((heads) => {
          if (!heads) return { level: null, measure: "No employees declared." };
          const perEmployee = (revenue.get(id) ?? 0) / heads;
          return { level: clamp01(perEmployee / REFERENCE_REVENUE_PER_EMPLOYEE_MINOR), measure: `${money(perEmployee)} RUB revenue per employee in the last 365 days (30 000 000.00 scores 1).` };
        })(employees.get(id) ?? 0),
        GROWTH: growthMeasure(revenue.get(id) ?? 0, previous.get(id) ?? 0, "Revenue", "No revenue in the 365 days before, to grow from."),
        WIN_RATE: ((w) => (w ? { level: w.won / w.decided, measure: `${w.won} of ${w.decided} decided bids won (${percentOf(w.won, w.decided)} %).` } : { level: null, measure: "No bids decided in the last 365 days." }))(wins.get(id)),
        PRICE_LEVEL: ((p) =>
          p ? { level: p.level, measure: `Offers priced against the park's median for the same capability, over ${p.offers} offers (at or below the median scores 1).` } : { level: null, measure: "No active offers." })(prices.get(id)),
      },
    ]),
  );
}

/** The measured levels of customers' sub-factors, per company (four aggregate statements). */
async function customerMeasures(db: Executor, companyIds: number[], today: string, from: string, now: Date): Promise<Map<number, Partial<Record<MeasuredFactorValue, Measured>>>> {
  const since = new Date(`${from}T00:00:00+03:00`);
  const posted = await ordersPostedBy(db, companyIds, since, now);
  const decisions = await decisionDelays(db, companyIds, from, today);
  const awarded = await valueAwardedBy(db, companyIds, since, new Date(`${addDays(from, -SCORE_WINDOW_DAYS)}T00:00:00+03:00`));
  return new Map(
    companyIds.map((id) => {
      const p = posted.get(id);
      const d = decisions.get(id);
      const a = awarded.get(id);
      const decided = p ? p.awarded + p.lost : 0;
      return [
        id,
        {
          ORDERS_PLACED: { level: clamp01((p?.posted ?? 0) / ORDERS_PER_YEAR_REFERENCE), measure: `${p?.posted ?? 0} orders posted in the last 365 days (${ORDERS_PER_YEAR_REFERENCE} score 1).` },
          PROMPT_DECISIONS: d
            ? { level: d.prompt / d.decided, measure: `${d.prompt} of ${d.decided} deliveries decided within ${PROMPT_DECISION_DAYS} days (${percentOf(d.prompt, d.decided)} %).` }
            : { level: null, measure: "No deliveries decided in the last 365 days." },
          ORDER_GROWTH: growthMeasure(a?.year ?? 0, a?.before ?? 0, "The value it awarded", "Nothing awarded in the 365 days before, to grow from."),
          AWARD_RATE: decided > 0 ? { level: p!.awarded / decided, measure: `${p!.awarded} of ${decided} orders decided were awarded (${percentOf(p!.awarded, decided)} %).` } : { level: null, measure: "No orders decided in the last 365 days." },
        },
      ];
    }),
  );
}

/** An entered sub-factor's level: its latest value against the reference. */
function enteredMeasure(factor: ScoreFactorRow, value: CompanyFactorValueRow | undefined): Measured {
  if (!value || factor.referenceCenti === null) return { level: null, measure: `No value of ${factor.name.toLowerCase()} entered.` };
  const [v, r] = [value.valueCenti, factor.referenceCenti];
  const level = factor.lowerIsBetter ? (v <= r ? 1 : r / v) : clamp01(v / r);
  return {
    level,
    measure: `${factor.name}: ${v / 100}, entered by ${value.enteredByName} on ${localDate(value.enteredAt)} (${r / 100}${factor.lowerIsBetter ? " or less" : " or more"} scores 1).`,
  };
}

/** Whose score a company of this kind has: producers a contractor's, those who order a customer's; the others none. */
export function subjectOf(kind: CompanyKindValue): ScoreSubjectValue | null {
  const side = KIND_RIGHTS[kind].side;
  return side === "PRODUCER" ? "CONTRACTOR" : side === "BUYER" ? "CUSTOMER" : null;
}

/**
 * Scorecards of many companies as of `now`, each by its park's weights (or the defaults) over
 * the sub-factors of its subject, measured and entered: about twenty aggregate statements
 * whatever their number. Companies without a subject (universities, suppliers, banks) have none.
 */
export async function scorecards(db: Executor, companyIds: number[], today: string, now = new Date(`${today}T12:00:00+03:00`)): Promise<Map<number, CompanyScore>> {
  if (companyIds.length === 0) return new Map();
  const from = addDays(today, -(SCORE_WINDOW_DAYS - 1));
  const companies = await scoredCompanies(db, companyIds);
  const bySubject = (subject: ScoreSubjectValue) => companies.filter((c) => subjectOf(c.kind) === subject);
  const [contractors, customers] = [bySubject("CONTRACTOR"), bySubject("CUSTOMER")];
  const measured = new Map([
    ...(contractors.length > 0 ? await contractorMeasures(db, contractors, today, from) : []),
    ...(customers.length > 0 ? await customerMeasures(db, customers.map((c) => c.id), today, from, now) : []),
  ]);
  const factors = groupBy(await findScoreFactors(db), (f) => f.subject);
  const defaults = await findScoreWeights(db);
  const parkWeights = await findParkScoreWeights(db, [...new Set(companies.map((c) => c.parkId))]);
  const entered = await latestFactorValues(db, companyIds);

  const result = new Map<number, CompanyScore>();
  for (const company of companies) {
    const subject = subjectOf(company.kind);
    if (subject === null) continue;
    const weights = parkWeights.get(company.parkId)?.get(subject) ?? defaults;
    const components = SCORE_COMPONENT_VALUES.map((component) => {
      const parts = (factors.get(subject) ?? []).filter((f) => f.component === component).map((f): FactorScore => {
        const value = entered.get(`${company.id}|${f.code}`);
        const m = f.source === "MEASURED" ? (measured.get(company.id)?.[f.code as MeasuredFactorValue] ?? { level: null, measure: "Not measured." }) : enteredMeasure(f, value);
        const level = Math.round((m.level ?? NEUTRAL_LEVEL) * 1000) / 1000;
        const weight = weights.get(f.code) ?? 0;
        const meaning = MEANING[f.code as MeasuredFactorValue] ?? (f.description || `${f.name}, entered by the coordinator.`);
        return {
          factor: f.code,
          name: f.name,
          source: f.source,
          enteredBy: value && f.source === "ENTERED" ? value.enteredByName : null,
          enteredAt: value && f.source === "ENTERED" ? value.enteredAt : null,
          weight,
          level,
          measured: m.level !== null,
          points: weight * level,
          measure: m.level === null ? `${m.measure} Counted as ${NEUTRAL_LEVEL}.` : m.measure,
          publicMeasure: m.level === null ? `${meaning} No data to measure it: counted as ${NEUTRAL_LEVEL}.` : `${meaning} Level ${level} of 1.`,
        };
      });
      return { component, score: parts.reduce((sum, f) => sum + f.points, 0), factors: parts };
    });
    result.set(company.id, {
      companyId: company.id,
      subject,
      asOf: today,
      windowFrom: from,
      score: roundScore(components.reduce((sum, c) => sum + c.score, 0)),
      components: components.map((c) => ({ ...c, score: roundScore(c.score), factors: c.factors.map((f) => ({ ...f, points: roundScore(f.points) })) })),
    });
  }
  return result;
}
