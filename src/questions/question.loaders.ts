import type { Executor } from "../db/executor";
import { pageLoader } from "../graphql/loaders";
import { questionCountsPerOrder, questionsPerOrder } from "./question.repository";

export function questionLoaders(db: Executor) {
  return {
    questionsByOrder: pageLoader(
      async (orderIds, page, filter: { companyId: number | null }) => await questionsPerOrder(db, orderIds, page, filter),
      (row) => row.orderId,
      async (orderIds, filter) => await questionCountsPerOrder(db, orderIds, filter),
    ),
  };
}
