import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { contractsPerOrder, findContractsByIds } from "./contract.repository";
import { deliveriesPerContract, findDeliveriesByIds } from "./delivery.repository";

export function contractLoaders(db: Executor) {
  return {
    contractById: byIdLoader((ids) => findContractsByIds(db, ids)),
    contractsByOrder: pageLoader(
      (orderIds, page, filter: { onlyCompanyId: number | null }) => contractsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
    ),
    deliveryById: byIdLoader((ids) => findDeliveriesByIds(db, ids)),
    deliveriesByContract: pageLoader((contractIds, page) => deliveriesPerContract(db, contractIds, page), (row) => row.contractId),
  };
}
