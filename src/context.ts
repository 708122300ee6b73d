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
}

export function createContext(args: { requestId: string; viewer: Viewer | null; db: Db; services: Services; logger: Logger }): Context {
  return { ...args, loaders: createLoaders(args.db) };
}
