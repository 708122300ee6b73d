/** The values of the columns that take one of a fixed set, shared by both dialects' tables. */

/** The kinds of participant a park has; what each may do is src/access/policy.ts's KIND_RIGHTS. */
export const COMPANY_KINDS = ["PRODUCT", "CONTRACT", "OUTSIDE_CUSTOMER", "RESEARCH_INSTITUTE", "UNIVERSITY", "SUPPLIER", "FINANCIAL_INSTITUTION"] as const;
export type CompanyKindValue = (typeof COMPANY_KINDS)[number];

export const BID_STATUSES = ["LIVE", "WITHDRAWN", "AWARDED", "NOT_AWARDED"] as const;
export type BidStatusValue = (typeof BID_STATUSES)[number];

/**
 * Where a bid's terms came from: the contractor's own (submitBid), its instant quote taken in
 * one step (bidFromInstantQuote), or an instant quote the customer awarded from a plan (the
 * platform placed the bid for the contractor at its published offer).
 */
export const BID_SOURCES = ["SUBMITTED", "INSTANT_QUOTE", "AWARDED_QUOTE"] as const;
export type BidSourceValue = (typeof BID_SOURCES)[number];

/**
 * AWARDED -> IN_PRODUCTION -> DELIVERED (every unit delivered, some awaiting acceptance) -> ACCEPTED;
 * a rejected delivery sends a DELIVERED contract back to IN_PRODUCTION. CANCELLED from AWARDED or IN_PRODUCTION.
 */
export const CONTRACT_STATUSES = ["AWARDED", "IN_PRODUCTION", "DELIVERED", "ACCEPTED", "CANCELLED"] as const;
export type ContractStatusValue = (typeof CONTRACT_STATUSES)[number];

export const DELIVERY_STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;
export type DeliveryStatusValue = (typeof DELIVERY_STATUSES)[number];

/** Every kind of state change the marketplace records, by what it happened to. */
export const EVENT_TYPES = [
  "ORDER_POSTED",
  "ORDER_CANCELLED",
  "ORDER_AWARDED",
  "ORDER_IN_PRODUCTION",
  "ORDER_COMPLETED",
  "ORDER_EXPIRED",
  "BID_PLACED",
  "BID_REVISED",
  "BID_WITHDRAWN",
  "BID_EXPIRED",
  "BID_AWARDED",
  "BID_NOT_AWARDED",
  "CONTRACT_AWARDED",
  "CONTRACT_STARTED",
  "CONTRACT_CANCELLED",
  "CONTRACT_COMPLETED",
  "DELIVERY_RECORDED",
  "DELIVERY_ACCEPTED",
  "DELIVERY_REJECTED",
  "BOOKINGS_MOVED",
  "CONTRACT_RESCHEDULED",
  "QUESTION_ASKED",
  "QUESTION_ANSWERED",
  "QUESTION_PUBLISHED",
] as const;
export type EventTypeValue = (typeof EVENT_TYPES)[number];

/** The sub-factors the platform measures from its own data, for contractors; the coordinator may add entered ones (score_factors). */
export const SCORE_FACTORS = ["ON_TIME_DELIVERY", "ACCEPTED_QUALITY", "LOAD", "REVENUE_PER_EMPLOYEE", "GROWTH", "WIN_RATE", "PRICE_LEVEL"] as const;
/** The measured sub-factors of a customer's (a product company's or outside customer's) score. */
export const CUSTOMER_SCORE_FACTORS = ["ORDERS_PLACED", "PROMPT_DECISIONS", "ORDER_GROWTH", "AWARD_RATE"] as const;
export type MeasuredFactorValue = (typeof SCORE_FACTORS)[number] | (typeof CUSTOMER_SCORE_FACTORS)[number];
/** Whose score a sub-factor belongs to: producers' (contract companies, research institutes) or customers' (product companies, outside customers). */
export const SCORE_SUBJECTS = ["CONTRACTOR", "CUSTOMER"] as const;
export type ScoreSubjectValue = (typeof SCORE_SUBJECTS)[number];
export const SCORE_COMPONENT_VALUES = ["VIABILITY", "DEVELOPMENT", "COMPETITIVENESS"] as const;
export const SCORE_FACTOR_SOURCES = ["MEASURED", "ENTERED"] as const;

export const ORDER_STATUSES = ["OPEN", "AWARDED", "IN_PRODUCTION", "COMPLETED", "CANCELLED", "EXPIRED"] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

/** Reminders the platform sends of itself (src/notifications/reminders.ts), besides the events it tells of. */
export const REMINDER_KINDS = ["BIDDING_CLOSES_SOON", "DELIVERY_OVERDUE", "BID_EXPIRES_SOON"] as const;
export type ReminderKindValue = (typeof REMINDER_KINDS)[number];

/** What a notification tells of: an event of the log, or a reminder. */
export const NOTIFICATION_KINDS = [...EVENT_TYPES, ...REMINDER_KINDS] as const;
export type NotificationKindValue = (typeof NOTIFICATION_KINDS)[number];

/** The yearly figures a park's target may be set for: order volume (contracts awarded on its members' orders) or its contractors' accepted revenue. */
export const TARGET_MEASURES = ["ORDER_VOLUME", "CONTRACT_REVENUE"] as const;
export type TargetMeasureValue = (typeof TARGET_MEASURES)[number];
