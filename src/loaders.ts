import { apiTokenLoaders } from "./auth/api-token.loaders";
import { bidLoaders } from "./bids/bid.loaders";
import { capacityLoaders } from "./capacity/capacity.loaders";
import { contractLoaders } from "./contracts/contract.loaders";
import { orderLoaders } from "./orders/order.loaders";
import type { Executor } from "./db/executor";
import { capabilityLoaders } from "./capabilities/capability.loaders";
import { companyLoaders } from "./companies/company.loaders";
import { engineerLoaders } from "./engineers/engineer.loaders";
import { offerLoaders } from "./offers/capability-offer.loaders";
import { parkLoaders } from "./parks/park.loaders";
import { reportLoaders } from "./reports/report.loaders";

/** Fresh DataLoaders for one request (their caches must not outlive it). */
export function createLoaders(db: Executor, now: Date) {
  return {
    ...apiTokenLoaders(db),
    ...parkLoaders(db),
    ...companyLoaders(db),
    ...engineerLoaders(db),
    ...capabilityLoaders(db),
    ...offerLoaders(db),
    ...orderLoaders(db),
    ...bidLoaders(db),
    ...contractLoaders(db),
    ...capacityLoaders(db),
    ...reportLoaders(db, now),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
