import type { Executor } from "../db/executor";
import { byIdLoader } from "../graphql/loaders";
import { findCapabilitiesByIds } from "./capability.repository";

export function capabilityLoaders(db: Executor) {
  return { capabilityById: byIdLoader(async (ids) => await findCapabilitiesByIds(db, ids)) };
}
