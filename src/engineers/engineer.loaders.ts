import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { engineerCountsPerCompany, engineersPerCompany, findEngineersByIds } from "./engineer.repository";

export function engineerLoaders(db: Executor) {
  return {
    engineerById: byIdLoader(async (ids) => await findEngineersByIds(db, ids)),
    engineersByCompany: pageLoader(
      async (companyIds, page, filter: { activeOnly: boolean }) => await engineersPerCompany(db, companyIds, page, filter),
      (row) => row.companyId,
      async (companyIds, filter) => await engineerCountsPerCompany(db, companyIds, filter),
    ),
  };
}
