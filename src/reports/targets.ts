import { daysBetween } from "../shared/time";
import { percentOf } from "../shared/ratio";
import { annualGrowthPercent } from "./benchmarks";

export interface TargetProgress {
  /** The measure over the last 365 days, and the 365 before, in kopecks. */
  lastYearMinor: number;
  yearBeforeMinor: number;
  percentOfTarget: number | null;
  /** Years from today to the end of the target year, to two decimals; 0 once it has passed. */
  yearsLeft: number;
  /** The yearly growth that takes the last 365 days' figure to the target by then, percent to one decimal; null when it cannot be said (nothing yet, or no time left). */
  requiredGrowthPercent: number | null;
  growthPercent: number | null;
  reached: boolean;
  /** Reached, or growing at least as fast as required; null when either growth is unknown. */
  onTrack: boolean | null;
}

/** How a yearly figure stands against a target of `targetMinor` by the end of `targetYear`, as of `today`. */
export function progressOf(targetMinor: number, targetYear: number, lastYearMinor: number, yearBeforeMinor: number, today: string): TargetProgress {
  const yearsLeft = Math.max(0, Math.round((daysBetween(today, `${targetYear}-12-31`) / 365) * 100) / 100);
  const reached = lastYearMinor >= targetMinor;
  const growthPercent = annualGrowthPercent(lastYearMinor, yearBeforeMinor, 365);
  const requiredGrowthPercent = reached ? 0 : lastYearMinor === 0 || yearsLeft === 0 ? null : Math.round(((targetMinor / lastYearMinor) ** (1 / yearsLeft) - 1) * 1000) / 10;
  return {
    lastYearMinor,
    yearBeforeMinor,
    percentOfTarget: percentOf(lastYearMinor, targetMinor),
    yearsLeft,
    requiredGrowthPercent,
    growthPercent,
    reached,
    onTrack: reached ? true : requiredGrowthPercent === null || growthPercent === null ? null : growthPercent >= requiredGrowthPercent,
  };
}
