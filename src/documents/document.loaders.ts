import type { Executor } from "../db/executor";
import { pageLoader } from "../graphql/loaders";
import { documentCountsPer, documentsPer, type Attached } from "./document.repository";

const loaderOf = (db: Executor, attached: Attached) =>
  pageLoader(
    async (parentIds, page, _filter: null) => await documentsPer(db, attached, parentIds, page),
    (row) => row[attached]!,
    async (parentIds) => await documentCountsPer(db, attached, parentIds),
  );

export function documentLoaders(db: Executor) {
  return {
    documentsByOrder: loaderOf(db, "orderId"),
    documentsByBid: loaderOf(db, "bidId"),
    documentsByQuestion: loaderOf(db, "questionId"),
  };
}
