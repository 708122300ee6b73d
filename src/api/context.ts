import type { RequestContext } from "../core/request-context";
import type { DatabaseHandle } from "../db/client";
import { createLoaders, type Loaders } from "./loaders";
import type { LiveEvents } from "./live";
import type { Services } from "./services";

/**
 * What a resolver gets: the request's context (src/core/request-context.ts), which it passes to
 * every service call, plus the services and the request's DataLoaders.
 */
export interface Context extends RequestContext {
  services: Services;
  loaders: Loaders;
  /** Live events, for subscriptions. */
  live: LiveEvents;
}

export function createContext(args: Omit<RequestContext, "db" | "tx" | "store"> & { database: DatabaseHandle; services: Services; live: LiveEvents }): Context {
  const { database, ...rest } = args;
  const store = database.store;
  return { ...rest, store, db: store.reader, tx: null, loaders: createLoaders(store.reader, args.now) };
}
