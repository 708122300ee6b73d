import { type UserErrors, UserErrorCode } from "../graphql/errors";
import type { MoneyInput } from "../graphql/money";
import { intInRange, nonNegativeMoney, positiveMoney } from "../shared/validate";
import { futureDate } from "../shared/validate-dates";
import type { SourcingPolicyInput } from "./order.inputs";

export const MAX_MIN_CONTRACTORS = 100;

/** What an order asks for, as posted or previewed. */
export interface OrderTermsInput {
  quantity: number;
  neededBy: string;
  maxUnitPrice?: MoneyInput | null;
  sourcingPolicy: SourcingPolicyInput;
}

/**
 * Checks the quantity, needed-by date, maximum price and sourcing policy of an order (postOrder
 * and matchPreview share it); returns them in stored units.
 */
export function checkOrderTerms(errors: UserErrors, input: OrderTermsInput, now: Date) {
  intInRange(errors, "quantity", input.quantity, "Quantity", 1, Number.MAX_SAFE_INTEGER);
  const neededBy = futureDate(errors, "neededBy", input.neededBy, "The needed-by date", now);
  const maxUnitPriceMinor = input.maxUnitPrice == null ? null : positiveMoney(errors, "maxUnitPrice", input.maxUnitPrice, "Maximum unit price");
  const { maxSharePercent, minContractors, valuePerDayEarlier } = input.sourcingPolicy;
  const minScore = input.sourcingPolicy.minScore ?? null;
  if (minScore !== null) intInRange(errors, ["sourcingPolicy", "minScore"], minScore, "The minimum score", 0, 100);
  const valuePerDayMinor = valuePerDayEarlier == null ? 0 : nonNegativeMoney(errors, ["sourcingPolicy", "valuePerDayEarlier"], valuePerDayEarlier, "The value of a day");
  intInRange(errors, ["sourcingPolicy", "maxSharePercent"], maxSharePercent, "The share limit", 1, 100);
  intInRange(errors, ["sourcingPolicy", "minContractors"], minContractors, "The minimum number of contractors", 1, MAX_MIN_CONTRACTORS);
  if (!errors.any && input.quantity * maxSharePercent < 100) {
    errors.add(["sourcingPolicy", "maxSharePercent"], UserErrorCode.SOURCING_POLICY_INFEASIBLE, `${maxSharePercent} % of ${input.quantity} units is less than one unit: nobody could be awarded.`);
  }
  if (!errors.any && minContractors > input.quantity) {
    errors.add(["sourcingPolicy", "minContractors"], UserErrorCode.SOURCING_POLICY_INFEASIBLE, `${input.quantity} units cannot be split between ${minContractors} contractors.`);
  }
  return { quantity: input.quantity, neededBy, maxUnitPriceMinor, maxSharePercent, minContractors, valuePerDayMinor, minScore };
}
