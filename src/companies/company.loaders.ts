import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { companiesPerPark, companyCountsPerPark, findCompaniesByIds, type CompanyCriteria } from "./company.repository";

export function companyLoaders(db: Executor) {
  return {
    companyById: byIdLoader(async (ids) => await findCompaniesByIds(db, ids)),
    companiesByPark: pageLoader(
      async (parkIds, page, criteria: CompanyCriteria) => await companiesPerPark(db, parkIds, page, criteria),
      (row) => row.parkId,
      async (parkIds, criteria) => await companyCountsPerPark(db, parkIds, criteria),
    ),
  };
}
