import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { awardedValuePerOrder, contractCountsPerOrder, contractsPerOrder, findContractsByIds } from "./contract.repository";
import { deliveriesPerContract, findDeliveriesByIds } from "./delivery.repository";

export function contractLoaders(db: Executor) {
  return {
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
    deliveryById: byIdLoader(async (ids) => await findDeliveriesByIds(db, ids)),
    deliveriesByContract: pageLoader(
      async (contractIds, page, _filter: null) => await deliveriesPerContract(db, contractIds, page),
      (row) => row.contractId,
      async (contractIds) => await deliveriesPerContract.count(db, contractIds),
    ),
  };
}
