import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { bidCountsPerOrder, bidsPerOrder, findBidsByIds, liveBidStatsPerOrder, ordersBidOnBy, revisionsPerBid, sortedBidCountsPerOrder, sortedBidsPerOrder, type OrderBidsQuery } from "./bid.repository";

export function bidLoaders(db: Executor, now: Date) {
  return {
    bidById: byIdLoader(async (ids) => await findBidsByIds(db, ids)),
    bidsByOrder: pageLoader(
      async (orderIds, page, filter: { onlyCompanyId: number | null }) => await bidsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
      async (orderIds, filter) => await bidCountsPerOrder(db, orderIds, filter),
    ),
    /** An order's bids with list options; the page's cursor travels in the query (`after`). */
    sortedBidsByOrder: pageLoader(
      async (orderIds, page, query: OrderBidsQuery) => await sortedBidsPerOrder(db, orderIds, page.limit, query),
      (row) => row.orderId,
      async (orderIds, query) => await sortedBidCountsPerOrder(db, orderIds, { ...query, after: null }),
    ),
    revisionsByBid: pageLoader(
      async (bidIds, page, _filter: null) => await revisionsPerBid(db, bidIds, page),
      (row) => row.bidId,
      async (bidIds) => await revisionsPerBid.count(db, bidIds),
    ),
    /** An order's live bids: how many, and the lowest unit price (undefined: none). */
    liveBidStatsByOrder: new DataLoader<number, { count: number; lowestMinor: number } | undefined>(
      async (orderIds) => {
        const stats = await liveBidStatsPerOrder(db, orderIds, now);
        return orderIds.map((id) => stats.get(id));
      },
      { maxBatchSize: MAX_BATCH },
    ),
    /** Whether company `companyId` has bid on order `orderId`; keys are "companyId:orderId". */
    hasBidOn: new DataLoader<string, boolean>(
      async (keys) => {
        const byCompany = new Map<number, number[]>();
        for (const key of keys) {
          const [companyId, orderId] = key.split(":").map(Number);
          byCompany.set(companyId, [...(byCompany.get(companyId) ?? []), orderId]);
        }
        const found = new Set<string>();
        for (const [companyId, orderIds] of byCompany) {
          for (const orderId of await ordersBidOnBy(db, companyId, orderIds)) found.add(`${companyId}:${orderId}`);
        }
        return keys.map((key) => found.has(key));
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}
