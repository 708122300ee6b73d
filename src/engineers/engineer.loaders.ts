import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { engineersPerCompany, findEngineersByIds } from "./engineer.repository";

export function engineerLoaders(db: Executor) {
  return {
    engineerById: byIdLoader((ids) => findEngineersByIds(db, ids)),
    engineersByCompany: pageLoader(
      (companyIds, page, filter: { activeOnly: boolean }) => engineersPerCompany(db, companyIds, page, filter),
      (row) => row.companyId,
    ),
  };
}
