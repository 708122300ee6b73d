import { ApiTokenService } from "./auth/api-token.service";
import { BidService } from "./bids/bid.service";
import { CapacityService } from "./capacity/capacity.service";
import { ContractService } from "./contracts/contract.service";
import { DeliveryService } from "./contracts/delivery.service";
import { AwardService } from "./orders/award.service";
import { OrderService } from "./orders/order.service";
import { CapabilityService } from "./capabilities/capability.service";
import { CompanyService } from "./companies/company.service";
import type { Executor } from "./db/executor";
import { EngineerService } from "./engineers/engineer.service";
import { CapabilityOfferService } from "./offers/capability-offer.service";
import { ParkService } from "./parks/park.service";
import { inlineMatcher, type Matcher } from "./matching/matcher";
import { MatchingService } from "./matching/matching.service";
import { ReportService } from "./reports/report.service";
import { systemClock, type Clock } from "./shared/time";

/**
 * The use cases, one service per domain; stateless, shared by all requests. The server passes a
 * matcher of worker threads; scripts (the demo seeding) run the engine inline.
 */
export function createServices(db: Executor, clock: Clock = systemClock, matcher: Matcher = inlineMatcher) {
  const matching = new MatchingService(db, clock, matcher);
  return {
    apiTokens: new ApiTokenService(db),
    parks: new ParkService(db),
    companies: new CompanyService(db),
    engineers: new EngineerService(db, clock),
    capabilities: new CapabilityService(db),
    offers: new CapabilityOfferService(db),
    orders: new OrderService(db, clock),
    awards: new AwardService(db, clock, matching),
    bids: new BidService(db, clock),
    contracts: new ContractService(db, clock),
    deliveries: new DeliveryService(db, clock),
    capacity: new CapacityService(db, clock),
    matching,
    reports: new ReportService(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
