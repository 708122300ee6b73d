/**
 * Forecasting a weekly demand series (engineer-hours posted per week). Contract manufacturing's
 * demand is lumpy: a customer posts a batch every month or two, so most weeks of one capability
 * have none. The series is classed by its average demand interval (weeks per week with demand,
 * Syntetos and Boylan's cut-off 1.32):
 *
 * - regular series: exponential smoothing with a damped additive trend, Holt's linear method with
 *   Gardner and McKenzie's damping, the ETS(A,Ad,N) model of Hyndman and Athanasopoulos,
 *   "Forecasting: Principles and Practice", 8.2 and 8.7;
 * - intermittent series: Croston's method with the Syntetos-Boylan correction (SBA): the sizes
 *   of the weeks with demand and the intervals between them smoothed apart, the forecast
 *   (1 - alpha/2) size / interval per week, flat.
 *
 * Damped trend, in error-correction form, with e the one-step error:
 *
 *   level_t = level_{t-1} + phi trend_{t-1} + alpha e_t
 *   trend_t = phi trend_{t-1} + beta e_t
 *   forecast_{t+h} = level_t + (phi + phi^2 + ... + phi^h) trend_t
 *
 * alpha, beta and phi are chosen on a small grid by the least sum of squared one-step errors;
 * the interval is the model's h-step variance sigma^2 (1 + sum_{j<h} (alpha + beta phi_j)^2),
 * sigma estimated from the one-step errors (SBA's: the variance of its one-step errors, every
 * week alike), at 80 %, its lower end floored at 0. A damped trend
 * keeps a 26-week forecast from running away on a short history. Pure functions, no I/O.
 */

export interface SmoothingParameters {
  alpha: number;
  beta: number;
  phi: number;
}

export type ForecastMethod = "DAMPED_TREND" | "INTERMITTENT" | "MEAN" | "NONE";

export interface SeriesForecast {
  method: ForecastMethod;
  parameters: SmoothingParameters | null;
  mean: number[];
  lower: number[];
  upper: number[];
  /** The variance of each week's error, for intervals on sums of weeks. */
  variance: number[];
}

/** Weeks of history below which no model is fitted and the forecast is the history's mean. */
export const MIN_FIT_WEEKS = 12;
/** The average demand interval from which a series counts as intermittent (Syntetos and Boylan, 2005). */
export const INTERMITTENT_INTERVAL = 1.32;
/** The interval's coverage and its two-sided normal quantile. */
export const INTERVAL_PERCENT = 80;
export const INTERVAL_Z = 1.2816;
const Z = INTERVAL_Z;

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8];
const BETAS = [0, 0.01, 0.05, 0.1, 0.2];
const PHIS = [0.8, 0.9, 0.98];

interface Fit {
  parameters: SmoothingParameters;
  level: number;
  trend: number;
  sse: number;
  errors: number;
}

/** Runs the smoothing over the series: its final state and the sum of squared one-step errors after the first week. */
function smooth(series: readonly number[], p: SmoothingParameters): Fit {
  // The initial trend: the mean of the first (up to four) weekly changes.
  const first = Math.min(4, series.length - 1);
  let level = series[0];
  let trend = first > 0 ? (series[first] - series[0]) / first : 0;
  let sse = 0;
  for (let t = 1; t < series.length; t++) {
    const e = series[t] - (level + p.phi * trend);
    sse += e * e;
    level = level + p.phi * trend + p.alpha * e;
    trend = p.phi * trend + p.beta * e;
  }
  return { parameters: p, level, trend, sse, errors: series.length - 1 };
}

function bestFit(series: readonly number[]): Fit {
  let best: Fit | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      if (beta > alpha) continue;
      for (const phi of PHIS) {
        const fit = smooth(series, { alpha, beta, phi });
        if (best === null || fit.sse < best.sse) best = fit;
      }
    }
  }
  return best!;
}

/**
 * Croston's method with the Syntetos-Boylan correction at `alpha`: its forecast after the
 * series, and the sum of squared one-step errors.
 */
function croston(series: readonly number[], alpha: number): { forecast: number; sse: number; errors: number } {
  const demands = series.filter((x) => x > 0).length;
  let size = series.find((x) => x > 0) ?? 0;
  let interval = series.length / Math.max(1, demands);
  let sinceLast = 0;
  let sse = 0;
  const correction = 1 - alpha / 2;
  let started = false;
  for (const x of series) {
    sinceLast++;
    if (started) sse += (x - (correction * size) / interval) ** 2;
    if (x > 0) {
      if (started) {
        size += alpha * (x - size);
        interval += alpha * (sinceLast - interval);
      }
      started = true;
      sinceLast = 0;
    }
  }
  return { forecast: (correction * size) / interval, sse, errors: series.length - 1 };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The forecast `horizon` weeks past the end of `series` (oldest first). */
export function forecastSeries(series: readonly number[], horizon: number): SeriesForecast {
  const flat = (method: ForecastMethod, level: number, variance: number): SeriesForecast => {
    const sd = Math.sqrt(variance);
    const weeks = <T>(x: T) => Array.from({ length: horizon }, () => x);
    return { method, parameters: null, mean: weeks(level), lower: weeks(Math.max(0, level - Z * sd)), upper: weeks(level + Z * sd), variance: weeks(variance) };
  };
  if (series.every((x) => x === 0)) return flat("NONE", 0, 0);
  if (series.length < MIN_FIT_WEEKS) {
    const m = mean(series);
    return flat("MEAN", m, series.length > 1 ? series.reduce((s, x) => s + (x - m) ** 2, 0) / (series.length - 1) : 0);
  }
  const demandWeeks = series.filter((x) => x > 0).length;
  if (series.length / demandWeeks >= INTERMITTENT_INTERVAL) {
    let best: ReturnType<typeof croston> | null = null;
    let bestAlpha = ALPHAS[0];
    for (const alpha of ALPHAS.filter((a) => a <= 0.3)) {
      const fit = croston(series, alpha);
      if (best === null || fit.sse < best.sse) [best, bestAlpha] = [fit, alpha];
    }
    const result = flat("INTERMITTENT", best!.forecast, best!.sse / Math.max(1, best!.errors - 1));
    return { ...result, parameters: { alpha: bestAlpha, beta: 0, phi: 1 } };
  }
  const fit = bestFit(series);
  const { alpha, beta, phi } = fit.parameters;
  // Three parameters and two initial states estimated.
  const sigma2 = fit.sse / Math.max(1, fit.errors - 3);
  const result: SeriesForecast = { method: "DAMPED_TREND", parameters: fit.parameters, mean: [], lower: [], upper: [], variance: [] };
  let damp = 0; // phi + phi^2 + ... + phi^h
  let variance = 0; // sum over j < h of (alpha + beta phi_j)^2, the j-th term using damp at j
  for (let h = 1; h <= horizon; h++) {
    damp += phi ** h;
    const point = Math.max(0, fit.level + damp * fit.trend);
    const sd = Math.sqrt(sigma2 * (1 + variance));
    result.variance.push(sd * sd);
    result.mean.push(point);
    result.lower.push(Math.max(0, point - Z * sd));
    result.upper.push(point + Z * sd);
    variance += (alpha + beta * damp) ** 2;
  }
  return result;
}

export interface BacktestFigures {
  /** Forecast origins tried: every week from MIN_FIT_WEEKS on that has a week after it. */
  origins: number;
  /** Forecast-actual pairs compared (each origin forecasts up to `horizon` weeks it has actuals for). */
  points: number;
  /** Mean absolute percentage error, week by week, over the pairs whose actual is not 0; null when there are none. */
  mapePercent: number | null;
  naiveMapePercent: number | null;
  /** Mean absolute error, in the series' unit, over every pair. */
  mae: number | null;
  naiveMae: number | null;
  /** Origins with a whole horizon of actuals after them, whose totals are compared. */
  totalOrigins: number;
  /** Mean absolute percentage error of the horizon's total (what capacity must absorb), over those origins whose actual total is not 0. */
  totalMapePercent: number | null;
  naiveTotalMapePercent: number | null;
}

/**
 * Rolling-origin backtest: at each origin the model is fitted afresh on the weeks before it
 * (parameters chosen again) and forecasts up to `horizon` weeks, compared with what came, week
 * by week and as the horizon's total; the naive forecast repeats the origin's last week.
 */
export function backtestSeries(series: readonly number[], horizon: number): BacktestFigures {
  const week = { points: 0, nonZero: 0, ape: 0, naiveApe: 0, ae: 0, naiveAe: 0 };
  const total = { origins: 0, nonZero: 0, ape: 0, naiveApe: 0 };
  let origins = 0;
  for (let origin = MIN_FIT_WEEKS; origin < series.length; origin++) {
    const history = series.slice(0, origin);
    const steps = Math.min(horizon, series.length - origin);
    const forecast = forecastSeries(history, steps).mean;
    const naive = history[history.length - 1];
    origins++;
    let actualSum = 0;
    let forecastSum = 0;
    for (let h = 0; h < steps; h++) {
      const actual = series[origin + h];
      actualSum += actual;
      forecastSum += forecast[h];
      week.points++;
      week.ae += Math.abs(forecast[h] - actual);
      week.naiveAe += Math.abs(naive - actual);
      if (actual !== 0) {
        week.nonZero++;
        week.ape += Math.abs(forecast[h] - actual) / actual;
        week.naiveApe += Math.abs(naive - actual) / actual;
      }
    }
    if (steps === horizon) {
      total.origins++;
      if (actualSum !== 0) {
        total.nonZero++;
        total.ape += Math.abs(forecastSum - actualSum) / actualSum;
        total.naiveApe += Math.abs(naive * horizon - actualSum) / actualSum;
      }
    }
  }
  const percent = (x: number, n: number) => (n === 0 ? null : Math.round((x / n) * 1000) / 10);
  const perPoint = (x: number) => (week.points === 0 ? null : x / week.points);
  return {
    origins,
    points: week.points,
    mapePercent: percent(week.ape, week.nonZero),
    naiveMapePercent: percent(week.naiveApe, week.nonZero),
    mae: perPoint(week.ae),
    naiveMae: perPoint(week.naiveAe),
    totalOrigins: total.origins,
    totalMapePercent: percent(total.ape, total.nonZero),
    naiveTotalMapePercent: percent(total.naiveApe, total.nonZero),
  };
}
