import { ApiTokenService } from "../auth/api-token.service";
import { RegistrationService } from "../auth/registration.service";
import { BidService } from "../bids/bid.service";
import { CapacityService } from "../capacity/capacity.service";
import { ContractService } from "../contracts/contract.service";
import { ReorderService } from "../contracts/reorder.service";
import { DeliveryService } from "../contracts/delivery.service";
import { AwardService } from "../awards/award.service";
import { OrderService } from "../orders/order.service";
import { CapabilityService } from "../capabilities/capability.service";
import { CompanyService } from "../companies/company.service";
import { EngineerService } from "../engineers/engineer.service";
import { CapabilityOfferService } from "../offers/capability-offer.service";
import { ParkService } from "../parks/park.service";
import { inlineMatcher, type Matcher } from "../matching/matcher";
import { PlanService } from "../awards/plans.service";
import { ReportService } from "../reports/report.service";
import { ForecastService } from "../reports/forecast.service";
import { ScoreModelService } from "../reports/score-model.service";
import { NotificationService } from "../notifications/notification.service";
import { QuestionService } from "../questions/question.service";
import { DocumentService } from "../documents/document.service";
import { ChainService } from "../chains/chain.service";
import { ChainAwardService } from "../chains/chain-award.service";

/**
 * The use cases, one service per domain; stateless, shared by all requests, each method taking
 * the request's context first. The server passes a matcher of worker threads; scripts (the demo
 * seeding) run the engine inline.
 */
export function createServices(matcher: Matcher = inlineMatcher) {
  const plans = new PlanService(matcher);
  const chains = new ChainService(matcher);
  return {
    apiTokens: new ApiTokenService(),
    parks: new ParkService(),
    companies: new CompanyService(),
    registration: new RegistrationService(),
    engineers: new EngineerService(),
    capabilities: new CapabilityService(),
    offers: new CapabilityOfferService(),
    orders: new OrderService(),
    awards: new AwardService(plans),
    bids: new BidService(),
    contracts: new ContractService(),
    reorders: new ReorderService(),
    deliveries: new DeliveryService(),
    capacity: new CapacityService(),
    plans,
    reports: new ReportService(),
    forecasts: new ForecastService(),
    scoreModel: new ScoreModelService(),
    notifications: new NotificationService(),
    questions: new QuestionService(),
    documents: new DocumentService(),
    chains,
    chainAwards: new ChainAwardService(chains),
  };
}

export type Services = ReturnType<typeof createServices>;
