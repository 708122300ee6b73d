import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { eventsPerOrder, findOrdersByIds } from "./order.repository";

export function orderLoaders(db: Executor) {
  return {
    orderById: byIdLoader((ids) => findOrdersByIds(db, ids)),
    eventsByOrder: pageLoader(
      (orderIds, page, _filter: null) => eventsPerOrder(db, orderIds, page),
      (row) => row.orderId,
    ),
  };
}
