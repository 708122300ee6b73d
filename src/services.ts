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
import { MatchingService } from "./matching/matching.service";
import { ReportService } from "./reports/report.service";
import { systemClock, type Clock } from "./shared/time";

/** The use cases, one service per domain; stateless, shared by all requests. */
export function createServices(db: Executor, clock: Clock = systemClock) {
  return {
    apiTokens: new ApiTokenService(db),
    parks: new ParkService(db),
    companies: new CompanyService(db),
    engineers: new EngineerService(db, clock),
    capabilities: new CapabilityService(db),
    offers: new CapabilityOfferService(db),
    orders: new OrderService(db, clock),
    awards: new AwardService(db, clock),
    bids: new BidService(db, clock),
    contracts: new ContractService(db, clock),
    deliveries: new DeliveryService(db, clock),
    capacity: new CapacityService(db, clock),
    matching: new MatchingService(db, clock),
    reports: new ReportService(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
