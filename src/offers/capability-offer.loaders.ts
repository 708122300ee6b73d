import type { Executor } from "../db/executor";
import { byIdLoader, pageLoader } from "../graphql/loaders";
import { activeOfferCountsPerCapability, activeOffersPerCapability, findOffersByIds, offerCountsPerCompany, offersPerCompany } from "./capability-offer.repository";

export function offerLoaders(db: Executor) {
  return {
    offerById: byIdLoader(async (ids) => await findOffersByIds(db, ids)),
    offersByCompany: pageLoader(
      async (companyIds, page, filter: { activeOnly: boolean }) => await offersPerCompany(db, companyIds, page, filter),
      (row) => row.companyId,
      async (companyIds, filter) => await offerCountsPerCompany(db, companyIds, filter),
    ),
    activeOffersByCapability: pageLoader(
      async (capabilityIds, page, _filter: null) => await activeOffersPerCapability(db, capabilityIds, page),
      (row) => row.capabilityId,
      async (capabilityIds) => await activeOfferCountsPerCapability(db, capabilityIds),
    ),
  };
}
