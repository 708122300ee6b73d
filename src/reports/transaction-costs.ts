import { DAY_MS } from "../shared/time";
import type { OrderTransactions } from "./cluster.repository";

/** What it takes a park's companies to place work, over a period: the platform's measure of transaction costs. */
export interface TransactionCostFigures {
  ordersPosted: number;
  ordersAwarded: number;
  awardedSharePercent: number | null;
  /** Days from posting to the first contract, over the orders awarded; one decimal. */
  meanDaysToAward: number | null;
  medianDaysToAward: number | null;
  bids: number;
  bidsPerOrder: number | null;
  quotedBids: number;
  quotedBidSharePercent: number | null;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** The figures of the orders posted in a period (orderTransactions). */
export function transactionCostsOf(orders: OrderTransactions): TransactionCostFigures {
  const { posted, awarded, bids, quotedBids } = orders;
  return {
    ordersPosted: posted,
    ordersAwarded: awarded,
    awardedSharePercent: posted === 0 ? null : oneDecimal((100 * awarded) / posted),
    meanDaysToAward: awarded === 0 ? null : oneDecimal(orders.totalMsToAward / DAY_MS / awarded),
    medianDaysToAward: orders.medianMsToAward === null ? null : oneDecimal(orders.medianMsToAward / DAY_MS),
    bids,
    bidsPerOrder: posted === 0 ? null : oneDecimal(bids / posted),
    quotedBids,
    quotedBidSharePercent: bids === 0 ? null : oneDecimal((100 * quotedBids) / bids),
  };
}

/** How much shorter the mean time from posting to award got on the period before, in percent; null without both. */
export function daysToAwardReductionPercent(current: TransactionCostFigures, previous: TransactionCostFigures): number | null {
  if (current.meanDaysToAward === null || previous.meanDaysToAward === null || previous.meanDaysToAward === 0) return null;
  return oneDecimal((100 * (previous.meanDaysToAward - current.meanDaysToAward)) / previous.meanDaysToAward);
}
