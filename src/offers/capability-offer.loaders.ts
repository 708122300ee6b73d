import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { activeOffersPerCapability, findOffersByIds, offersPerCompany } from "./capability-offer.repository";

export function offerLoaders(db: Executor) {
  return {
    offerById: byIdLoader((ids) => findOffersByIds(db, ids)),
    offersByCompany: pageLoader(
      (companyIds, page, filter: { activeOnly: boolean }) => offersPerCompany(db, companyIds, page, filter),
      (row) => row.companyId,
    ),
    activeOffersByCapability: pageLoader(
      (capabilityIds, page, _filter: null) => activeOffersPerCapability(db, capabilityIds, page),
      (row) => row.capabilityId,
    ),
  };
}
