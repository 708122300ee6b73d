import type { Executor } from "../db/executor";
import { byIdLoader } from "../graphql/loaders";
import { findParksByIds } from "./park.repository";

export function parkLoaders(db: Executor) {
  return { parkById: byIdLoader(async (ids) => await findParksByIds(db, ids)) };
}
