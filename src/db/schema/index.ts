import { DIALECT } from "../dialect";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/**
 * The tables repositories query: this process's dialect's (DATABASE_URL, src/db/dialect.ts),
 * typed as PostgreSQL's. Both dialects define the same tables, columns, keys and indexes, and
 * their rows have the same TypeScript types (test/unit/schema-dialects.test.ts checks
 * both), and drizzle's query builders take the same calls on either. What only one dialect has
 * is not used: the PostgreSQL types rule out SQLite's synchronous .all()/.get()/.run(), and the
 * suite run on SQLite fails on anything PostgreSQL-only. drizzle has no table shared across
 * dialects (drizzle-orm #1196), hence the two definitions.
 */
const tables: typeof pg = DIALECT === "postgresql" ? pg : (sqlite as unknown as typeof pg);

export const {
  apiTokens,
  bids,
  bidRevisions,
  bookings,
  capabilities,
  capabilityOffers,
  chains,
  chainOutsideStages,
  companies,
  contracts,
  deliveries,
  documents,
  engineers,
  engineerSkills,
  events,
  idempotencyKeys,
  investments,
  notifications,
  questions,
  scoreWeights,
  orders,
  parks,
  parkDays,
  parkTargets,
  scoreFactors,
  parkScoreWeights,
  companyFactorValues,
} = tables;

export type {
  ApiTokenRow,
  BidRow,
  BidRevisionRow,
  BookingRow,
  CapabilityRow,
  CapabilityOfferRow,
  CompanyRow,
  ContractRow,
  DeliveryRow,
  DocumentRow,
  EngineerRow,
  EventRow,
  NewEvent,
  IdempotencyKeyRow,
  InvestmentRow,
  NotificationRow,
  NewNotification,
  QuestionRow,
  ScoreWeightRow,
  ChainRow,
  ChainOutsideStageRow,
  OrderRow,
  ParkRow,
  ParkTargetRow,
  ScoreFactorRow,
  CompanyFactorValueRow,
} from "./pg";
export * from "./values";
