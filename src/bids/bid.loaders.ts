import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { bidsPerOrder, findBidsByIds, ordersBidOnBy, revisionsPerBid } from "./bid.repository";

export function bidLoaders(db: Executor) {
  return {
    bidById: byIdLoader(async (ids) => await findBidsByIds(db, ids)),
    bidsByOrder: pageLoader(
      async (orderIds, page, filter: { onlyCompanyId: number | null }) => await bidsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
    ),
    revisionsByBid: pageLoader(
      async (bidIds, page, _filter: null) => await revisionsPerBid(db, bidIds, page),
      (row) => row.bidId,
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
