import type { Viewer } from "./auth/viewer";
import type { Db } from "./db/client";
import type { Logger } from "./logger";
import { createLoaders, type Loaders } from "./loaders";
import type { Services } from "./services";

/** Everything a resolver may use for one request. Built fresh per request: loaders cache per request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  db: Db;
  services: Services;
  loaders: Loaders;
  logger: Logger;
  /** The request's "now", from the app's clock: one instant for every field of the request. */
  now: Date;
}

export function createContext(args: { requestId: string; viewer: Viewer | null; db: Db; services: Services; logger: Logger; now: Date }): Context {
  return { ...args, loaders: createLoaders(args.db, args.now) };
}
