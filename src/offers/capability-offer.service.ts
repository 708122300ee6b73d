import { actsFor, gate, produceRefusal, produces } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import { companyActedOn } from "../companies/company-access";
import type { CapabilityOfferRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { engineerCentihours, intInRange, LIMITS, positiveMoney } from "../shared/validate";
import type { DeclareCapabilityOfferInput, UpdateCapabilityOfferInput } from "./capability-offer.inputs";
import { findOffer, findOffersByIds, insertOffer, updateOffer } from "./capability-offer.repository";
import { staffCapability } from "./engineer-skill.repository";

/** Checks the lead time and lot range of an offer as it will be stored. */
function checkTerms(errors: UserErrors, terms: { minLeadDays: number; minLot: number; maxLot: number }): void {
  intInRange(errors, "minLeadDays", terms.minLeadDays, "Minimum lead days", 1, LIMITS.maxLeadDays);
  intInRange(errors, "minLot", terms.minLot, "Minimum lot", 1, Number.MAX_SAFE_INTEGER);
  intInRange(errors, "maxLot", terms.maxLot, "Maximum lot", 1, Number.MAX_SAFE_INTEGER);
  if (terms.minLot > terms.maxLot) {
    errors.add("minLot", UserErrorCode.MIN_LOT_ABOVE_MAX_LOT, `The minimum lot (${terms.minLot}) is above the maximum lot (${terms.maxLot}).`);
  }
}

/** Use cases of capability offers. Only contract companies offer production (the technopark split). */
export class CapabilityOfferService {
  async declare(ctx: RequestContext, input: DeclareCapabilityOfferInput): Promise<Outcome<CapabilityOfferRow>> {
    const v = gate(ctx.viewer, "declareCapabilityOffer");
    const errors = new UserErrors();
    const unitPriceMinor = positiveMoney(errors, "unitPrice", input.unitPrice, "Unit price");
    const centihoursPerUnit = engineerCentihours(errors, "engineerHoursPerUnit", input.engineerHoursPerUnit);
    checkTerms(errors, input);
    return transact(ctx, async ({ db: tx }) => {
      const company = await companyActedOn(tx, v, input.companyId, errors);
      const refusal = company && produceRefusal(company.kind);
      if (refusal) {
        errors.add("companyId", refusal.code, refusal.message);
      }
      const capabilityId = idOf(input.capabilityId, "Capability");
      const capability = capabilityId === null ? undefined : (await findCapabilitiesByIds(tx, [capabilityId]))[0];
      if (!capability) errors.add("capabilityId", UserErrorCode.NOT_FOUND, "No capability with this id in the catalogue.");
      if (company && capability && produces(company.kind) && await findOffer(tx, company.id, capability.id)) {
        errors.add("capabilityId", UserErrorCode.OFFER_ALREADY_EXISTS, `The company already offers ${capability.name}; change that offer instead.`);
      }
      if (errors.any || !company || !capability) return refused(errors);
      const now = ctx.now;
      // Who does the work: the engineers who hold the capability, or all of them for a first offer in it.
      await staffCapability(tx, company.id, capability.id);
      return ok(
        await insertOffer(tx, {
          companyId: company.id,
          capabilityId: capability.id,
          unitPriceMinor,
          currency: input.unitPrice.currency,
          centihoursPerUnit,
          minLeadDays: input.minLeadDays,
          minLot: input.minLot,
          maxLot: input.maxLot,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateCapabilityOfferInput): Promise<Outcome<CapabilityOfferRow>> {
    const v = gate(ctx.viewer, "updateCapabilityOffer");
    const errors = new UserErrors();
    return transact(ctx, async ({ db: tx }) => {
      const id = idOf(input.capabilityOfferId, "CapabilityOffer");
      const offer = id === null ? undefined : (await findOffersByIds(tx, [id]))[0];
      if (!offer || !actsFor(v, offer.companyId)) {
        return refused(errors.add("capabilityOfferId", UserErrorCode.NOT_FOUND, "No capability offer with this id that you may change."));
      }
      const changes: Partial<CapabilityOfferRow> = {};
      if (input.unitPrice != null) {
        changes.unitPriceMinor = positiveMoney(errors, "unitPrice", input.unitPrice, "Unit price");
        changes.currency = input.unitPrice.currency;
      }
      if (input.engineerHoursPerUnit != null) changes.centihoursPerUnit = engineerCentihours(errors, "engineerHoursPerUnit", input.engineerHoursPerUnit);
      if (input.minLeadDays != null) changes.minLeadDays = input.minLeadDays;
      if (input.minLot != null) changes.minLot = input.minLot;
      if (input.maxLot != null) changes.maxLot = input.maxLot;
      if (input.active != null) changes.active = input.active;
      checkTerms(errors, { ...offer, ...changes });
      if (errors.any) return refused(errors);
      return ok(Object.keys(changes).length === 0 ? offer : await updateOffer(tx, offer.id, { ...changes, updatedAt: ctx.now }));
    });
  }
}
