import DataLoader from "dataloader";
import { findContractsOfOrders } from "../contracts/contract.repository";
import { MAX_BATCH, type Executor } from "../db/executor";
import { byIdLoader } from "../graphql/loaders";
import { stagesOfChains } from "../orders/order.repository";
import type { ChainRows } from "./chain-progress";
import { findChainsByIds } from "./chain.repository";

export function chainLoaders(db: Executor) {
  return {
    chainById: byIdLoader(async (ids) => await findChainsByIds(db, ids)),
    /** Each chain's stage orders and their contracts: two statements for a page of chains. */
    chainRows: new DataLoader<number, ChainRows>(
      async (chainIds) => {
        const stages = await stagesOfChains(db, chainIds);
        const contracts = await findContractsOfOrders(db, stages.map((s) => s.id));
        return chainIds.map((id) => {
          const own = stages.filter((s) => s.chainId === id);
          const ids = new Set(own.map((s) => s.id));
          return { stages: own, contracts: contracts.filter((c) => ids.has(c.orderId)) };
        });
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}
