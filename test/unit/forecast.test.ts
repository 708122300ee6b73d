import { backtestSeries, forecastSeries, MIN_FIT_WEEKS } from "../../src/reports/forecast";
import { random } from "../bench/support";

/** A weekly series: level + slope x week + noise of the given spread (seeded, so the same every run). */
function trend(weeks: number, level: number, slope: number, noise: number, seed = 7): number[] {
  const rand = random(seed);
  return Array.from({ length: weeks }, (_, w) => Math.max(0, level + slope * w + (rand() - 0.5) * 2 * noise));
}

describe("demand forecasting", () => {
  it("forecasts nothing from no demand, and the mean from a short history", () => {
    expect(forecastSeries([], 3)).toMatchObject({ method: "NONE", mean: [0, 0, 0] });
    expect(forecastSeries([0, 0], 2)).toMatchObject({ method: "NONE", mean: [0, 0] });
    const short = forecastSeries([10, 20, 30], 2);
    expect(short).toMatchObject({ method: "MEAN", mean: [20, 20] });
    // sd 10, 80 % interval: 20 -+ 12.8.
    expect(short.lower[0]).toBeCloseTo(7.18, 2);
    expect(short.upper[0]).toBeCloseTo(32.82, 2);
  });

  it("carries a steady trend on, damped, with an interval that widens with the horizon", () => {
    const series = Array.from({ length: 40 }, (_, w) => 100 + 10 * w);
    const f = forecastSeries(series, 26);
    expect(f.method).toBe("DAMPED_TREND");
    // The next week continues the line (490); the trend is damped, so week 26 falls short of the line's 750 but stays above 490.
    expect(f.mean[0]).toBeCloseTo(500, -1);
    expect(f.mean[25]).toBeGreaterThan(f.mean[0]);
    expect(f.mean[25]).toBeLessThan(750);
    // An exact line leaves almost no error (only the damping's lag): the interval is within 1 % of the point.
    expect(f.upper[0] - f.lower[0]).toBeLessThan(f.mean[0] / 100);
    const noisy = forecastSeries(trend(60, 100, 5, 40), 26);
    expect(noisy.upper[25] - noisy.lower[25]).toBeGreaterThan(noisy.upper[0] - noisy.lower[0]);
    for (let h = 0; h < 26; h++) {
      expect(noisy.lower[h]).toBeLessThanOrEqual(noisy.mean[h]);
      expect(noisy.upper[h]).toBeGreaterThan(noisy.mean[h]);
    }
  });

  it("forecasts lumpy demand as a rate: a batch of 800 every eighth week is about 100 a week", () => {
    const series = Array.from({ length: 64 }, (_, w) => (w % 8 === 0 ? 800 : 0));
    const f = forecastSeries(series, 4);
    expect(f.method).toBe("INTERMITTENT");
    // SBA: (1 - alpha/2) x 800 / 8, alpha at most 0.3.
    expect(f.mean[0]).toBeGreaterThanOrEqual(85);
    expect(f.mean[0]).toBeLessThanOrEqual(100);
    expect(new Set(f.mean).size).toBe(1);
  });

  it("beats the naive forecast on a noisy trend and on lumpy demand, in the rolling-origin backtest", () => {
    const regular = backtestSeries(trend(104, 200, 2, 60), 26);
    expect(regular.origins).toBe(104 - MIN_FIT_WEEKS);
    expect(regular.mapePercent!).toBeLessThan(regular.naiveMapePercent!);
    expect(regular.mae!).toBeLessThan(regular.naiveMae!);
    expect(regular.totalMapePercent!).toBeLessThan(regular.naiveTotalMapePercent!);
    const rand = random(3);
    const lumpy = Array.from({ length: 104 }, () => (rand() < 0.15 ? 500 + rand() * 500 : 0));
    const b = backtestSeries(lumpy, 26);
    expect(b.totalMapePercent!).toBeLessThan(b.naiveTotalMapePercent!);
  });

  it("counts each origin's forecast against the weeks it has actuals for", () => {
    const b = backtestSeries(Array.from({ length: MIN_FIT_WEEKS + 3 }, (_, w) => 10 + w), 2);
    // Origins at 12, 13 and 14: 2 + 2 + 1 pairs; two origins have a whole horizon.
    expect(b).toMatchObject({ origins: 3, points: 5, totalOrigins: 2 });
  });
});
