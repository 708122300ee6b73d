import { apiTokenLoaders } from "../auth/api-token.loaders";
import { bidLoaders } from "../bids/bid.loaders";
import { capacityLoaders } from "../capacity/capacity.loaders";
import { contractLoaders } from "../contracts/contract.loaders";
import { orderLoaders } from "../orders/order.loaders";
import type { Executor } from "../db/executor";
import { capabilityLoaders } from "../capabilities/capability.loaders";
import { companyLoaders } from "../companies/company.loaders";
import { engineerLoaders } from "../engineers/engineer.loaders";
import { offerLoaders } from "../offers/capability-offer.loaders";
import { parkLoaders } from "../parks/park.loaders";
import { reportLoaders } from "../reports/report.loaders";
import { questionLoaders } from "../questions/question.loaders";
import { documentLoaders } from "../documents/document.loaders";
import { chainLoaders } from "../chains/chain.loaders";

/** Each module's DataLoaders. A factory only constructs loaders: nothing is read until `.load`. */
const GROUPS = {
  apiTokenLoaders,
  parkLoaders,
  companyLoaders,
  engineerLoaders,
  capabilityLoaders,
  offerLoaders,
  orderLoaders,
  bidLoaders,
  contractLoaders,
  capacityLoaders,
  reportLoaders,
  questionLoaders,
  documentLoaders,
  chainLoaders,
};
type Group = keyof typeof GROUPS;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Every loader of every group, by name (`ctx.loaders.companyById`). */
export type Loaders = UnionToIntersection<ReturnType<(typeof GROUPS)[Group]>>;

interface RequestLoaders {
  db: Executor;
  now: Date;
  built: Partial<Record<Group, Record<string, unknown>>>;
}

/**
 * Getters shared by every request's loaders: a group is built the first time one of its loaders
 * is used. Building all twenty-odd DataLoaders up front took 31 us per request, 4 % of a
 * submitBid, which uses none. Names are learnt once, here, by calling each factory without a
 * database (it only constructs loaders).
 */
const ON_FIRST_USE: object = {};
for (const group of Object.keys(GROUPS) as Group[]) {
  const build = GROUPS[group] as (db: Executor, now: Date) => Record<string, unknown>;
  for (const name of Object.keys(build(undefined as never, new Date(0)))) {
    if (name in ON_FIRST_USE) throw new Error(`Two loader groups define ${name}`);
    Object.defineProperty(ON_FIRST_USE, name, {
      get(this: RequestLoaders) {
        return (this.built[group] ??= build(this.db, this.now))[name];
      },
    });
  }
}

/** Fresh DataLoaders for one request (their caches must not outlive it), each group built on first use. */
export function createLoaders(db: Executor, now: Date): Loaders {
  const loaders: RequestLoaders = Object.create(ON_FIRST_USE);
  loaders.db = db;
  loaders.now = now;
  loaders.built = {};
  return loaders as unknown as Loaders;
}
