import { ApiTokenService } from "./auth/api-token.service";
import { CapabilityService } from "./capabilities/capability.service";
import { CompanyService } from "./companies/company.service";
import type { Db } from "./db/client";
import { EngineerService } from "./engineers/engineer.service";
import { CapabilityOfferService } from "./offers/capability-offer.service";
import { ParkService } from "./parks/park.service";

/** The use cases, one service per domain; stateless, shared by all requests. */
export function createServices(db: Db) {
  return {
    apiTokens: new ApiTokenService(db),
    parks: new ParkService(db),
    companies: new CompanyService(db),
    engineers: new EngineerService(db),
    capabilities: new CapabilityService(db),
    offers: new CapabilityOfferService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
