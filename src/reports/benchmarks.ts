import { divideRounded, percentOf } from "../shared/ratio";

/**
 * The references the platform reports against, from the material (shared/DOMAIN.md), in one
 * table: every figure a dashboard shows beside a benchmark takes its reference from here, and
 * so does the scorecard. Money references are yearly, in kopecks.
 */
export const BENCHMARK_MEASURES = ["REVENUE_PER_EMPLOYEE", "REVENUE_PER_SYSTEM_ENGINEER", "GROWTH", "WEEKS_BOOKED_AHEAD", "PARTICIPATION", "PRODUCTION_COOPERATION", "TRANSACTION_TIME_SAVING"] as const;
export type BenchmarkMeasureValue = (typeof BENCHMARK_MEASURES)[number];
export type BenchmarkUnitValue = "ROUBLES_A_YEAR" | "PERCENT_A_YEAR" | "PERCENT" | "WEEKS";

export interface Reference {
  unit: BenchmarkUnitValue;
  /** Kopecks for ROUBLES_A_YEAR, else the figure itself. */
  value: number;
  /** The top of a range (participation's 55-65 %); the value is its bottom. */
  upTo: number | null;
  source: string;
}

export const REFERENCES: Record<BenchmarkMeasureValue, Reference> = {
  REVENUE_PER_EMPLOYEE: { unit: "ROUBLES_A_YEAR", value: 30_000_000_00, upTo: null, source: "VDL ETG (Netherlands), 2019: annual revenue per employee, 30 million roubles." },
  REVENUE_PER_SYSTEM_ENGINEER: { unit: "ROUBLES_A_YEAR", value: 175_000_000_00, upTo: null, source: "VDL ETG (Netherlands), 2019: annual revenue per system engineer, 175 million roubles." },
  GROWTH: { unit: "PERCENT_A_YEAR", value: 25, upTo: null, source: "VDL ETG (Netherlands), 2019: contract volume growing 25 % a year." },
  WEEKS_BOOKED_AHEAD: { unit: "WEEKS", value: 26, upTo: null, source: "VDL ETG (Netherlands), 2019: round-the-clock load, 100 % booked six months ahead." },
  PARTICIPATION: {
    unit: "PERCENT",
    value: 55,
    upTo: 65,
    source: "Industrial platforms: network effects start above roughly 55-65 % of a region's enterprises connected (90 % in a leading region, 38 % in a lagging one).",
  },
  PRODUCTION_COOPERATION: { unit: "PERCENT", value: 54, upTo: null, source: "The Voronezh oil-and-gas equipment cluster's level of production cooperation, 2019." },
  TRANSACTION_TIME_SAVING: {
    unit: "PERCENT",
    value: 23,
    upTo: 40,
    source: "Standard APIs on an industrial platform cut inter-company transaction costs by 23-40 %; the part of those costs the platform measures is the time from posting an order to its award.",
  },
};

export interface Comparison {
  measure: BenchmarkMeasureValue;
  reference: Reference;
  /** The figure (kopecks a year for money), null when there is nothing to measure. */
  value: bigint | number | null;
  /** value - reference; null with the value. */
  gap: bigint | number | null;
  /** 100 x value / reference, one decimal. */
  percentOfReference: number | null;
  /** Whether the value reaches the reference (the bottom of a range). */
  meets: boolean | null;
}

/** A figure beside its reference. */
export function compare(measure: BenchmarkMeasureValue, value: bigint | number | null): Comparison {
  const reference = REFERENCES[measure];
  if (value === null) return { measure, reference, value, gap: null, percentOfReference: null, meets: null };
  const money = reference.unit === "ROUBLES_A_YEAR";
  const gap = money ? BigInt(value) - BigInt(reference.value) : Math.round((Number(value) - reference.value) * 10) / 10;
  const percentOfReference = money ? percentOf(BigInt(value), BigInt(reference.value)) : Math.round((Number(value) / reference.value) * 1000) / 10;
  return { measure, reference, value, gap, percentOfReference, meets: Number(value) >= reference.value };
}

/**
 * Growth over a period of `days` days against the same length before, as a yearly rate: (1 + g)
 * compounded to 365 days, in percent to one decimal; null when the period before had nothing.
 */
export function annualGrowthPercent(current: bigint | number, previous: bigint | number, days: number): number | null {
  if (BigInt(previous) === 0n) return null;
  const ratio = Number(divideRounded(BigInt(current) * 1_000_000n, BigInt(previous))) / 1_000_000;
  return Math.round((ratio ** (365 / days) - 1) * 1000) / 10;
}
