import DataLoader from "dataloader";
import { MAX_BATCH, type Executor } from "../db/executor";
import { pageLoader } from "../graphql/loaders";
import { bookedPerContract, bookingsPerContract } from "./capacity.repository";

export function capacityLoaders(db: Executor) {
  return {
    bookingsByContract: pageLoader(
      async (contractIds, page, _filter: null) => await bookingsPerContract(db, contractIds, page),
      (row) => row.contractId,
      async (contractIds) => await bookingsPerContract.count(db, contractIds),
    ),
    bookedCentihoursByContract: new DataLoader<number, number>(
      async (ids) => {
        const totals = await bookedPerContract(db, [...ids]);
        return ids.map((id) => totals.get(id) ?? 0);
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}
