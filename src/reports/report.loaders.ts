import DataLoader from "dataloader";
import { type Executor, MAX_BATCH } from "../db/executor";
import { localDate } from "../shared/time";
import { scorecards, type CompanyScore } from "./scorecard";

export function reportLoaders(db: Executor, now: Date) {
  return {
    /** Scorecards as of the request's today, one set of aggregate statements per batch of companies. */
    scorecardByCompany: new DataLoader<number, CompanyScore | undefined>(
      async (ids) => {
        const cards = await scorecards(db, [...ids], localDate(now), now);
        return ids.map((id) => cards.get(id));
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}
