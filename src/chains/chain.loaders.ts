import type { Executor } from "../db/executor";
import { byIdLoader } from "../graphql/loaders";
import { findChainsByIds } from "./chain.repository";

export function chainLoaders(db: Executor) {
  return {
    chainById: byIdLoader(async (ids) => await findChainsByIds(db, ids)),
  };
}
