import { InvestmentResolver } from "./investment.resolver";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type ClassType, type NonEmptyArray, type PubSub } from "type-graphql";
import { CONNECTION_RESOLVERS } from "../graphql/connection";
import { USER_ERROR_TYPES } from "../graphql/errors";
import { MarketEventResolver } from "./event.resolver";
import { NotificationResolver, ViewerNotificationsResolver } from "./notification.resolver";
import { OrderQuestionsResolver, QuestionResolver } from "./question.resolver";
import { BidDocumentsResolver, OrderDocumentsResolver, QuestionDocumentsResolver } from "./document.resolver";
import { ApiTokenResolver, ViewerResolver } from "./api-token.resolver";
import { CapabilityResolver } from "./capability.resolver";
import { CompanyResolver } from "./company.resolver";
import { EngineerResolver } from "./engineer.resolver";
import { NodeResolver } from "./node.resolver";
import { CapabilityOfferResolver } from "./capability-offer.resolver";
import { ParkResolver } from "./park.resolver";
import { BidResolver, BidTermsResolver } from "./bid.resolver";
import { ContractResolver, DeliveryResolver } from "./contract.resolver";
import { CapacityHeatMapResolver, LoadReportResolver } from "./capacity.resolver";
import { OrderResolver } from "./order.resolver";
import { ClusterAnalyticsResolver, ParkComparisonResolver, RevenueReportResolver, ScoreWeightResolver } from "./report.resolver";
import { MatchPlansResolver, SourcingPolicyResolver } from "./matching.resolver";
import { CapabilityDemandForecastResolver, DemandForecastResolver } from "./forecast.resolver";
import { ChainPlansResolver, ChainResolver, OrderChainResolver } from "./chain.resolver";

/** The one list of resolvers: the server, the tests and the SDL emitter all build from it. */
export const resolvers = [
  NodeResolver,
  ViewerResolver,
  ApiTokenResolver,
  ParkResolver,
  CompanyResolver,
  EngineerResolver,
  CapabilityResolver,
  CapabilityOfferResolver,
  OrderResolver,
  BidResolver,
  BidTermsResolver,
  ContractResolver,
  DeliveryResolver,
  LoadReportResolver,
  CapacityHeatMapResolver,
  SourcingPolicyResolver,
  MatchPlansResolver,
  ChainResolver,
  ChainPlansResolver,
  OrderChainResolver,
  RevenueReportResolver,
  ScoreWeightResolver,
  ClusterAnalyticsResolver,
  ParkComparisonResolver,
  DemandForecastResolver,
  CapabilityDemandForecastResolver,
  InvestmentResolver,
  MarketEventResolver,
  NotificationResolver,
  ViewerNotificationsResolver,
  OrderQuestionsResolver,
  QuestionResolver,
  OrderDocumentsResolver,
  BidDocumentsResolver,
  QuestionDocumentsResolver,
] as const;

/**
 * type-graphql refuses to build subscriptions without a PubSub, even when each has its own
 * `subscribe` (schema-generator's generateSubscriptionsFields checks first), as ours do: they
 * read the event log (src/api/live.ts). This one is never used, and says so if it were.
 */
const NO_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error("Subscriptions here read the event log; nothing is published through type-graphql");
  },
  subscribe: () => {
    throw new Error("Subscriptions here read the event log; nothing is published through type-graphql");
  },
};

export async function buildMarketplaceSchema(): Promise<GraphQLSchema> {
  // validate: false: inputs are validated by the services, which answer with userErrors.
  // Each connection type's totalCount resolver is made with the type (src/graphql/connection.ts).
  // The user error types are reached through their interface only: named here so that they are in the schema.
  const schema = await buildSchema({
    resolvers: [...resolvers, ...CONNECTION_RESOLVERS] as unknown as NonEmptyArray<ClassType>,
    orphanedTypes: USER_ERROR_TYPES,
    validate: false,
    pubSub: NO_PUB_SUB,
  });
  // type-graphql has no option for root type descriptions; graphql-js types keep them as a plain property.
  schema.getQueryType()!.description = "Reads. Public catalogue data needs no token; company-internal data needs its member's or the coordinator's token.";
  schema.getMutationType()!.description = "Changes. Each takes one `input` and returns a payload whose `userErrors` say why input was refused.";
  schema.getSubscriptionType()!.description = "Live events, over WebSocket at /graphql with the graphql-ws protocol (graphql-transport-ws); the API token goes in connection_init's payload as `authorization`.";
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printMarketplaceSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
