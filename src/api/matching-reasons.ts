import type { Exclusion, InfeasibilityFacts, LineReason } from "../matching/engine";

/**
 * The sentences of the matching engine's reasons: the engine returns codes with their figures
 * (src/matching/engine.ts), and the API says them in words here, in one place.
 */

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Why a plan's line got its share, e.g. "2nd-cheapest eligible price; takes the remaining 40 units." */
export function lineReasonText(reason: LineReason): string {
  const priced = reason.rank === 1 ? "Cheapest eligible price" : `${ordinal(reason.rank)}-cheapest eligible price`;
  switch (reason.code) {
    case "SHARE_LIMIT":
      return `${priced}; capped by the ${reason.maxSharePercent} % share limit at ${reason.units} units.`;
    case "CAPACITY":
      return `${priced}; capped by its free capacity: ${reason.units} units by ${reason.by}.`;
    case "WHOLE_ORDER":
      return `${priced}; takes the whole order.`;
    case "MAX_QUANTITY":
      return `${priced}; capped by its maximum of ${reason.units} units.`;
    case "MIN_LOT_FOR_CONTRACTORS":
      return `${priced}; only its minimum lot of ${reason.units} units, because the order must go to at least ${reason.minContractors} contractors.`;
    case "MIN_LOT_TO_ADD_UP":
      return `${priced}; only its minimum lot of ${reason.units} units, so that the lots add up to the order's ${reason.orderQuantity} units.`;
    case "REMAINDER":
      return `${priced}; takes the remaining ${reason.units} units.`;
  }
}

/** Why a candidate was left out. */
export function exclusionText(e: Exclusion): string {
  switch (e.code) {
    case "PRICE_ABOVE_MAXIMUM":
      return "Its unit price is above the order's maximum unit price.";
    case "SCORE_BELOW_MINIMUM":
      return `Its scorecard score of ${e.score} is below the order's minimum of ${e.minScore}.`;
    case "TOO_LARGE":
      return "Its unit price times the order's quantity is too large to compute exactly.";
    case "MIN_LOT_TOO_LARGE":
      return e.byShareLimit
        ? `Its minimum lot of ${e.minLot} units is above the share limit of ${e.limit} units per contractor.`
        : `Its minimum lot of ${e.minLot} units is above the ${e.limit} units it could take.`;
    case "TOO_LATE":
      return e.firstCompletion === null ? "It cannot complete any units." : `It completes nothing before ${e.firstCompletion}, after the needed-by date ${e.neededBy}.`;
    case "NO_CAPACITY":
      return `By ${e.neededBy} its free capacity completes ${e.units} units, less than its minimum lot of ${e.minLot}.`;
  }
}

/** Why an order has no plan (the engine's facts, or an order that is not open). */
export function noPlanText(facts: InfeasibilityFacts | { kind: "ORDER_NOT_OPEN"; status: string }): string {
  switch (facts.kind) {
    case "ORDER_NOT_OPEN":
      return `The order is ${facts.status}; plans are for open orders.`;
    case "NO_CANDIDATES":
      return "No contractor has bid or offers the capability.";
    case "NONE_ELIGIBLE":
      return `No candidate is eligible (${facts.excluded} left out; most often: ${exclusionText(facts.mostOften)})`;
    case "SHARE_LIMIT": {
      const leftOut = facts.leftOut === 0 ? "" : `; ${facts.leftOut} more, whose minimum lot is above that limit, are left out`;
      return `With at most ${facts.shareCap} units each (the ${facts.maxSharePercent} % share limit), ${plural(facts.contractors, "eligible contractor")} can take ${facts.available} of ${facts.quantity} units${leftOut}.`;
    }
    case "MIN_CONTRACTORS":
      return `Only ${plural(facts.contractors, "eligible contractor")} can take a lot by ${facts.neededBy}; the order must go to at least ${facts.minContractors}.`;
    case "CAPACITY":
      return `By ${facts.neededBy} the eligible contractors can complete ${facts.available} of ${facts.quantity} units: ${facts.quantity - facts.available} short.`;
    case "LOT_SIZES":
      return `No combination of the eligible contractors' lots (minimum lot to maximum) adds up to exactly ${facts.quantity} units with at least ${plural(facts.minContractors, "contractor")}.`;
    case "TOO_COMPLEX":
      return `The order is too complex to plan within the work the platform spends on one plan (${facts.eligible} eligible candidates): no plan is proved cheapest. Award by allocations, or narrow the candidates (a maximum unit price, a minimum score).`;
  }
}
