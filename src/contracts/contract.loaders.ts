import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { contractsPerOrder, findContractsByIds } from "./contract.repository";
import { deliveriesPerContract, findDeliveriesByIds } from "./delivery.repository";

export function contractLoaders(db: Executor) {
  return {
    contractById: byIdLoader(async (ids) => await findContractsByIds(db, ids)),
    contractsByOrder: pageLoader(
      async (orderIds, page, filter: { onlyCompanyId: number | null }) => await contractsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
    ),
    deliveryById: byIdLoader(async (ids) => await findDeliveriesByIds(db, ids)),
    deliveriesByContract: pageLoader(async (contractIds, page) => await deliveriesPerContract(db, contractIds, page), (row) => row.contractId),
  };
}
