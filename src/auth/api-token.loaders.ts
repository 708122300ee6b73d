import type { Executor } from "../db/executor";
import { byIdLoader } from "../graphql/loaders";
import { findTokensByIds } from "./api-token.repository";

export function apiTokenLoaders(db: Executor) {
  return { apiTokenById: byIdLoader(async (ids) => await findTokensByIds(db, ids)) };
}
