import { and, eq } from "drizzle-orm";
import { pagesPerParent, type Executor } from "../db/executor";
import { param, prepared, rowsByIds } from "../db/prepared";
import { capabilityOffers, type CapabilityOfferRow } from "../db/schema";
import type { PageRequest } from "../graphql/connection";

export const findOffersByIds = rowsByIds(capabilityOffers);

const offerOf = prepared((db) =>
  db
    .select()
    .from(capabilityOffers)
    .where(and(eq(capabilityOffers.companyId, param(capabilityOffers.companyId, "companyId")), eq(capabilityOffers.capabilityId, param(capabilityOffers.capabilityId, "capabilityId"))))
    .prepare(),
);

export function findOffer(db: Executor, companyId: number, capabilityId: number): CapabilityOfferRow | undefined {
  return offerOf(db).get({ companyId, capabilityId });
}

export function insertOffer(db: Executor, values: typeof capabilityOffers.$inferInsert): CapabilityOfferRow {
  return db.insert(capabilityOffers).values(values).returning().get();
}

export function updateOffer(db: Executor, id: number, values: Partial<typeof capabilityOffers.$inferInsert>): CapabilityOfferRow {
  return db.update(capabilityOffers).set(values).where(eq(capabilityOffers.id, id)).returning().get();
}

const offerPages = pagesPerParent(capabilityOffers, capabilityOffers.companyId, { active: capabilityOffers.active });
const offerPagesByCapability = pagesPerParent(capabilityOffers, capabilityOffers.capabilityId, { active: capabilityOffers.active });

/** A page of offers for each company, in one statement. */
export function offersPerCompany(db: Executor, companyIds: number[], page: PageRequest, filter: { activeOnly: boolean }): CapabilityOfferRow[] {
  return offerPages(db, companyIds, page, { active: filter.activeOnly ? true : null });
}

/** A page of active offers for each capability, in one statement. */
export function activeOffersPerCapability(db: Executor, capabilityIds: number[], page: PageRequest): CapabilityOfferRow[] {
  return offerPagesByCapability(db, capabilityIds, page, { active: true });
}

/** Every active offer of a capability, across parks: any product company may order from any contractor. */
export function activeOffersOfCapability(db: Executor, capabilityId: number): CapabilityOfferRow[] {
  return db
    .select()
    .from(capabilityOffers)
    .where(and(eq(capabilityOffers.capabilityId, capabilityId), eq(capabilityOffers.active, true)))
    .orderBy(capabilityOffers.id)
    .all();
}
