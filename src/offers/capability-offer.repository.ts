import { and, eq } from "drizzle-orm";
import { pagesPerParent, type Executor } from "../db/executor";
import { first, only, param, prepared, rowsByIds } from "../db/prepared";
import { capabilityOffers, type CapabilityOfferRow } from "../db/schema";
import type { PageRequest } from "../db/page";

export const findOffersByIds = rowsByIds(capabilityOffers);

const offerOf = prepared((db) =>
  db
    .select()
    .from(capabilityOffers)
    .where(and(eq(capabilityOffers.companyId, param(capabilityOffers.companyId, "companyId")), eq(capabilityOffers.capabilityId, param(capabilityOffers.capabilityId, "capabilityId")))),
);

export async function findOffer(db: Executor, companyId: number, capabilityId: number): Promise<CapabilityOfferRow | undefined> {
  return first(offerOf(db).execute({ companyId, capabilityId }));
}

export async function insertOffer(db: Executor, values: typeof capabilityOffers.$inferInsert): Promise<CapabilityOfferRow> {
  return only(db.insert(capabilityOffers).values(values).returning());
}

export async function updateOffer(db: Executor, id: number, values: Partial<typeof capabilityOffers.$inferInsert>): Promise<CapabilityOfferRow> {
  return only(db.update(capabilityOffers).set(values).where(eq(capabilityOffers.id, id)).returning());
}

const offerPages = pagesPerParent(capabilityOffers, capabilityOffers.companyId, { active: capabilityOffers.active });
const offerPagesByCapability = pagesPerParent(capabilityOffers, capabilityOffers.capabilityId, { active: capabilityOffers.active });

/** The capabilities a company offers (with `activeOnly` false, or offered), in id order. */
export async function capabilitiesOfferedBy(db: Executor, companyId: number, activeOnly = false): Promise<number[]> {
  return (await db
    .select({ capabilityId: capabilityOffers.capabilityId })
    .from(capabilityOffers)
    .where(and(eq(capabilityOffers.companyId, companyId), activeOnly ? eq(capabilityOffers.active, true) : undefined))
    .orderBy(capabilityOffers.capabilityId)).map((r) => r.capabilityId);
}

/** A page of offers for each company, in one statement. */
export async function offersPerCompany(db: Executor, companyIds: number[], page: PageRequest, filter: { activeOnly: boolean }): Promise<CapabilityOfferRow[]> {
  return await offerPages(db, companyIds, page, { active: filter.activeOnly ? true : null });
}

export async function offerCountsPerCompany(db: Executor, companyIds: number[], filter: { activeOnly: boolean }): Promise<Map<number, number>> {
  return await offerPages.count(db, companyIds, { active: filter.activeOnly ? true : null });
}

export async function activeOfferCountsPerCapability(db: Executor, capabilityIds: number[]): Promise<Map<number, number>> {
  return await offerPagesByCapability.count(db, capabilityIds, { active: true });
}

/** A page of active offers for each capability, in one statement. */
export async function activeOffersPerCapability(db: Executor, capabilityIds: number[], page: PageRequest): Promise<CapabilityOfferRow[]> {
  return await offerPagesByCapability(db, capabilityIds, page, { active: true });
}

/** Every active offer of a capability, across parks: any product company may order from any contractor. */
export async function activeOffersOfCapability(db: Executor, capabilityId: number): Promise<CapabilityOfferRow[]> {
  return db
    .select()
    .from(capabilityOffers)
    .where(and(eq(capabilityOffers.capabilityId, capabilityId), eq(capabilityOffers.active, true)))
    .orderBy(capabilityOffers.id);
}
