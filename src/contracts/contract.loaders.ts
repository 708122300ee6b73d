import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { awardedValuePerOrder, contractCountsPerOrder, contractsPerOrder, findContractsByIds, sortedContractCountsPerOrder, sortedContractsPerOrder, type OrderContractsQuery } from "./contract.repository";
import { deliveriesPerContract, deliveriesPerContractIn, deliveryCountsPerContractIn, findDeliveriesByIds } from "./delivery.repository";
import type { DeliveryStatusValue, OrderRow } from "../db/schema";
import { unitsToPlaceAgainOfOrders } from "./reorder.service";

export function contractLoaders(db: Executor, now: Date) {
  return {
    /** The units cancelled contracts left an order to place again (reorder.service.ts unitsToPlaceAgain), two statements per batch. */
    unitsToPlaceAgainByOrder: new DataLoader<OrderRow, number, number>(async (orders) => await unitsToPlaceAgainOfOrders(db, orders, now), { cacheKeyFn: (order) => order.id, maxBatchSize: MAX_BATCH }),
    contractById: byIdLoader(async (ids) => await findContractsByIds(db, ids)),
    contractsByOrder: pageLoader(
      async (orderIds, page, filter: { onlyCompanyId: number | null }) => await contractsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
      async (orderIds, filter) => await contractCountsPerOrder(db, orderIds, filter),
    ),
    /** What an order's contracts not cancelled are worth, in minor units (0: none). */
    awardedValueByOrder: new DataLoader<number, number>(
      async (orderIds) => {
        const values = await awardedValuePerOrder(db, orderIds);
        return orderIds.map((id) => values.get(id) ?? 0);
      },
      { maxBatchSize: MAX_BATCH },
    ),
    /** An order's contracts with list options; the page's cursor travels in the query (`after`). */
    sortedContractsByOrder: pageLoader(
      async (orderIds, page, query: OrderContractsQuery) => await sortedContractsPerOrder(db, orderIds, page.limit, query),
      (row) => row.orderId,
      async (orderIds, query) => await sortedContractCountsPerOrder(db, orderIds, { ...query, after: null }),
    ),
    deliveryById: byIdLoader(async (ids) => await findDeliveriesByIds(db, ids)),
    deliveriesByContract: pageLoader(
      async (contractIds, page, statuses: DeliveryStatusValue[] | null) =>
        statuses ? await deliveriesPerContractIn(db, contractIds, page, statuses) : await deliveriesPerContract(db, contractIds, page),
      (row) => row.contractId,
      async (contractIds, statuses) => (statuses ? await deliveryCountsPerContractIn(db, contractIds, statuses) : await deliveriesPerContract.count(db, contractIds)),
    ),
  };
}
