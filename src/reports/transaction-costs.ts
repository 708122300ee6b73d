import { DAY_MS } from "../shared/time";
import type { OrderTransaction } from "./cluster.repository";

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
export function transactionCostsOf(orders: readonly OrderTransaction[]): TransactionCostFigures {
  const days = orders
    .filter((o) => o.awardedAt !== null)
    .map((o) => (o.awardedAt!.getTime() - o.createdAt.getTime()) / DAY_MS)
    .sort((a, b) => a - b);
  const bids = orders.reduce((sum, o) => sum + o.bids, 0);
  const quotedBids = orders.reduce((sum, o) => sum + o.quotedBids, 0);
  const middle = days.length / 2;
  const median = days.length === 0 ? null : days.length % 2 === 1 ? days[Math.floor(middle)] : (days[middle - 1] + days[middle]) / 2;
  return {
    ordersPosted: orders.length,
    ordersAwarded: days.length,
    awardedSharePercent: orders.length === 0 ? null : oneDecimal((100 * days.length) / orders.length),
    meanDaysToAward: days.length === 0 ? null : oneDecimal(days.reduce((a, b) => a + b, 0) / days.length),
    medianDaysToAward: median === null ? null : oneDecimal(median),
    bids,
    bidsPerOrder: orders.length === 0 ? null : oneDecimal(bids / orders.length),
    quotedBids,
    quotedBidSharePercent: bids === 0 ? null : oneDecimal((100 * quotedBids) / bids),
  };
}

/** How much shorter the mean time from posting to award got on the period before, in percent; null without both. */
export function daysToAwardReductionPercent(current: TransactionCostFigures, previous: TransactionCostFigures): number | null {
  if (current.meanDaysToAward === null || previous.meanDaysToAward === null || previous.meanDaysToAward === 0) return null;
  return oneDecimal((100 * (previous.meanDaysToAward - current.meanDaysToAward)) / previous.meanDaysToAward);
}
