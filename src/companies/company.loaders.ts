import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { companiesPerPark, findCompaniesByIds, type CompanyCriteria } from "./company.repository";

export function companyLoaders(db: Executor) {
  return {
    companyById: byIdLoader((ids) => findCompaniesByIds(db, ids)),
    companiesByPark: pageLoader(
      (parkIds, page, criteria: CompanyCriteria) => companiesPerPark(db, parkIds, page, criteria),
      (row) => row.parkId,
    ),
  };
}
