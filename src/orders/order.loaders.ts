import type { Executor } from "../db/executor";
import { historyCountsPerOrder, historyPerOrder, timelineCountsPerOrder, timelinePerOrder } from "../events/event.repository";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { findOrdersByIds } from "./order.repository";

export function orderLoaders(db: Executor) {
  return {
    orderById: byIdLoader(async (ids) => await findOrdersByIds(db, ids)),
    historyByOrder: pageLoader(
      async (orderIds, page, _filter: null) => await historyPerOrder(db, orderIds, page),
      (row) => row.orderId!,
      async (orderIds) => await historyCountsPerOrder(db, orderIds),
    ),
    timelineByOrder: pageLoader(
      async (orderIds, page, filter: { contractorCompanyId: number | null }) => await timelinePerOrder(db, orderIds, page, filter),
      (row) => row.orderId!,
      async (orderIds, filter) => await timelineCountsPerOrder(db, orderIds, filter),
    ),
  };
}
