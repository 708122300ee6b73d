import type { Executor } from "../db/executor";
import { historyPerOrder, timelinePerOrder } from "../events/event.repository";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { findOrdersByIds } from "./order.repository";

export function orderLoaders(db: Executor) {
  return {
    orderById: byIdLoader((ids) => findOrdersByIds(db, ids)),
    historyByOrder: pageLoader(
      (orderIds, page, _filter: null) => historyPerOrder(db, orderIds, page),
      (row) => row.orderId!,
    ),
    timelineByOrder: pageLoader(
      (orderIds, page, filter: { contractorCompanyId: number | null }) => timelinePerOrder(db, orderIds, page, filter),
      (row) => row.orderId!,
    ),
  };
}
