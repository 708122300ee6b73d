import { GraphQLError } from "graphql";
import { Field, Float, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { Currency, Money, toMoney } from "./money";

/** Machine-readable reasons a mutation refused its input; each is a mistake the caller can fix. */
export enum UserErrorCode {
  BLANK = "BLANK",
  TOO_LONG = "TOO_LONG",
  OUT_OF_RANGE = "OUT_OF_RANGE",
  INVALID_FORMAT = "INVALID_FORMAT",
  NOT_FOUND = "NOT_FOUND",
  TAKEN = "TAKEN",
  PRODUCT_COMPANY_CANNOT_PRODUCE = "PRODUCT_COMPANY_CANNOT_PRODUCE",
  MIN_LOT_ABOVE_MAX_LOT = "MIN_LOT_ABOVE_MAX_LOT",
  OFFER_ALREADY_EXISTS = "OFFER_ALREADY_EXISTS",
  COMPANY_REQUIRED = "COMPANY_REQUIRED",
  COMPANY_NOT_ALLOWED = "COMPANY_NOT_ALLOWED",
  ALREADY_REVOKED = "ALREADY_REVOKED",
  CONTRACT_COMPANY_CANNOT_ORDER = "CONTRACT_COMPANY_CANNOT_ORDER",
  SOURCING_POLICY_INFEASIBLE = "SOURCING_POLICY_INFEASIBLE",
  INVALID_STATE = "INVALID_STATE",
  BIDDING_CLOSED = "BIDDING_CLOSED",
  CAPABILITY_NOT_OFFERED = "CAPABILITY_NOT_OFFERED",
  BID_ALREADY_EXISTS = "BID_ALREADY_EXISTS",
  PRICE_ABOVE_MAXIMUM = "PRICE_ABOVE_MAXIMUM",
  LEAD_TIME_MISSES_NEEDED_BY = "LEAD_TIME_MISSES_NEEDED_BY",
  QUANTITY_OUT_OF_RANGE = "QUANTITY_OUT_OF_RANGE",
  BID_NOT_VALID = "BID_NOT_VALID",
  DUPLICATE_ALLOCATION = "DUPLICATE_ALLOCATION",
  ALLOCATION_TOTAL_MISMATCH = "ALLOCATION_TOTAL_MISMATCH",
  SHARE_LIMIT_EXCEEDED = "SHARE_LIMIT_EXCEEDED",
  TOO_FEW_CONTRACTORS = "TOO_FEW_CONTRACTORS",
  INSUFFICIENT_CAPACITY = "INSUFFICIENT_CAPACITY",
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
  PLAN_CHANGED = "PLAN_CHANGED",
  WEIGHTS_DO_NOT_ADD_UP = "WEIGHTS_DO_NOT_ADD_UP",
  INVALID_ROUTE = "INVALID_ROUTE",
  MAY_NOT_ORDER = "MAY_NOT_ORDER",
  MAY_NOT_PRODUCE = "MAY_NOT_PRODUCE",
}

registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Why a mutation refused its input. The accompanying message says it in words.",
  valuesConfig: {
    BLANK: { description: "A required text is empty or only whitespace." },
    TOO_LONG: { description: "A text is longer than its limit." },
    OUT_OF_RANGE: { description: "A number is outside its allowed range." },
    INVALID_FORMAT: { description: "A value is not in the expected format (money amount, code, hours), or text holds control characters." },
    NOT_FOUND: { description: "No such object, or it belongs to another company and is not visible to you." },
    TAKEN: { description: "The name or code is already used where it must be unique." },
    PRODUCT_COMPANY_CANNOT_PRODUCE: {
      description:
        "The technopark split: product companies may not own production, so they have no engineers and no capability offers.",
    },
    MIN_LOT_ABOVE_MAX_LOT: { description: "The minimum lot is larger than the maximum lot." },
    OFFER_ALREADY_EXISTS: {
      description: "The company already offers this capability; change that offer with updateCapabilityOffer.",
    },
    COMPANY_REQUIRED: { description: "This role acts for a company: name the company." },
    COMPANY_NOT_ALLOWED: { description: "This role does not act for a company: leave the company out." },
    ALREADY_REVOKED: { description: "The API token was already revoked." },
    CONTRACT_COMPANY_CANNOT_ORDER: {
      description: "The technopark split: contract companies produce customers' products only, so they post no orders (in an industrial cluster its manufacturers may).",
    },
    MAY_NOT_ORDER: { description: "This kind of participant (research institute, university, supplier, bank) takes part without ordering." },
    MAY_NOT_PRODUCE: { description: "This kind of participant (outside customer, university, supplier, bank) has no production: no engineers, offers or bids." },
    SOURCING_POLICY_INFEASIBLE: {
      description: "No award could satisfy the sourcing policy for this quantity (e.g. a share limit too small to give anyone a unit).",
    },
    INVALID_STATE: { description: "The order, bid or contract is not in a state that allows this action." },
    BIDDING_CLOSED: { description: "The order no longer takes bids: bidding has closed or the order is not open." },
    CAPABILITY_NOT_OFFERED: { description: "The contract company has no active offer of the capability the order needs." },
    BID_ALREADY_EXISTS: { description: "The company already has a live bid on this order; revise or withdraw it instead." },
    PRICE_ABOVE_MAXIMUM: { description: "The unit price is above the order's maximum unit price." },
    LEAD_TIME_MISSES_NEEDED_BY: { description: "Delivery after this lead time would be later than the order's needed-by date." },
    QUANTITY_OUT_OF_RANGE: {
      description: "A quantity is outside what the order or bid allows (above the order's quantity, below a minimum lot, above a maximum).",
    },
    BID_NOT_VALID: { description: "The bid is not live, is past its valid-until time, or belongs to another order." },
    DUPLICATE_ALLOCATION: { description: "The same bid appears twice in an award's allocations." },
    ALLOCATION_TOTAL_MISMATCH: { description: "The allocated quantities do not add up to the order's quantity." },
    SHARE_LIMIT_EXCEEDED: { description: "A contractor would get more of the order than the sourcing policy's share limit." },
    TOO_FEW_CONTRACTORS: { description: "The award uses fewer contractors than the sourcing policy's minimum." },
    IDEMPOTENCY_KEY_REUSED: { description: "The idempotency key was already used with different input." },
    INVALID_ROUTE: { description: "A chain's stages do not form one route: not exactly one final stage, a stage feeding an unknown key or itself, or a loop of stages." },
    WEIGHTS_DO_NOT_ADD_UP: { description: "Scorecard weights must name every sub-factor once and add up to 100 points." },
    PLAN_CHANGED: { description: "The plan to award no longer holds (a bid withdrawn, an offer or a price changed): read the plans again." },
    INSUFFICIENT_CAPACITY: {
      description: "The contractor's engineers lack the free hours for the work before its date; the message says how many hours are missing.",
    },
  },
});

/**
 * The figures of a user error, where it has some (typed fields of its GraphQL type, the way
 * Vendure's InsufficientStockError carries quantityAvailable), so that a client need not parse
 * the sentence: the range or limit passed and the value given; the engineer-hours needed and
 * free; the price allowed and the price asked.
 */
export type UserErrorDetails =
  | { kind: "range"; minimum?: number; maximum?: number; actual?: number }
  | { kind: "capacity"; neededCentihours: number; freeCentihours: number }
  | { kind: "price"; maximumMinor: number; actualMinor: number; currency: string };

/** The GraphQL type of each kind of details. */
const DETAIL_TYPES: Record<UserErrorDetails["kind"], string> = { range: "OutOfRangeError", capacity: "InsufficientCapacityError", price: "PriceAboveMaximumError" };

@InterfaceType({
  description:
    "A mistake in a mutation's input that the caller can fix. Every one has a code, the field and a sentence; those with figures are a type of their own that carries them (OutOfRangeError, InsufficientCapacityError, PriceAboveMaximumError; InputError otherwise).",
  resolveType: (error: UserError) => (error.details ? DETAIL_TYPES[error.details.kind] : "InputError"),
})
export abstract class UserError {
  @Field(() => UserErrorCode, { description: "What kind of mistake, for programs." })
  code!: UserErrorCode;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, relative to `input` (e.g. ["unitPrice", "amount"]); null when no single field is.',
  })
  field!: string[] | null;

  @Field(() => String, { description: "What is wrong, in a sentence a person understands." })
  message!: string;

  details?: UserErrorDetails;
}

@ObjectType({ implements: UserError, description: "A user error with no figures beyond its code, field and sentence." })
export class InputError extends UserError {}

@ObjectType({
  implements: UserError,
  description:
    "A value outside what is allowed: a quantity outside a bid's lots, allocations not adding up to the order, a share over the limit, too few contractors, a text too long, a number out of range. Whichever bounds apply are given.",
})
export class OutOfRangeError extends UserError {
  @Field(() => Float, { nullable: true, description: "The least allowed (units, contractors, a number); null when only a maximum applies." })
  get minimum(): number | null {
    return this.details?.kind === "range" ? (this.details.minimum ?? null) : null;
  }

  @Field(() => Float, { nullable: true, description: "The most allowed (units, characters, a number); null when only a minimum applies." })
  get maximum(): number | null {
    return this.details?.kind === "range" ? (this.details.maximum ?? null) : null;
  }

  @Field(() => Float, { nullable: true, description: "What was given (units, characters, contractors); null when it was not a number." })
  get actual(): number | null {
    return this.details?.kind === "range" ? (this.details.actual ?? null) : null;
  }
}

@ObjectType({ implements: UserError, description: "Work that does not fit the contractor's engineers' free hours before its date." })
export class InsufficientCapacityError extends UserError {
  @Field(() => Float, { description: "Engineer-hours the work needs." })
  get engineerHoursNeeded(): number {
    return this.details?.kind === "capacity" ? this.details.neededCentihours / 100 : 0;
  }

  @Field(() => Float, { description: "Engineer-hours free for it: the shortfall is the difference." })
  get engineerHoursFree(): number {
    return this.details?.kind === "capacity" ? this.details.freeCentihours / 100 : 0;
  }
}

@ObjectType({ implements: UserError, description: "A unit price above the order's maximum." })
export class PriceAboveMaximumError extends UserError {
  @Field(() => Money, { description: "The order's maximum unit price." })
  get maximumUnitPrice(): Money {
    return this.details?.kind === "price" ? toMoney(this.details.maximumMinor, this.details.currency as Currency) : toMoney(0, Currency.RUB);
  }

  @Field(() => Money, { description: "The unit price asked." })
  get unitPrice(): Money {
    return this.details?.kind === "price" ? toMoney(this.details.actualMinor, this.details.currency as Currency) : toMoney(0, Currency.RUB);
  }
}

/** Every implementation of UserError: the schema is built with them (they are reached through the interface only). */
export const USER_ERROR_TYPES = [InputError, OutOfRangeError, InsufficientCapacityError, PriceAboveMaximumError];

const CLASS_OF: Record<UserErrorDetails["kind"], new () => UserError> = { range: OutOfRangeError, capacity: InsufficientCapacityError, price: PriceAboveMaximumError };

/** Collects user errors while a service validates input. */
export class UserErrors {
  readonly list: UserError[] = [];

  add(field: string | string[] | null, code: UserErrorCode, message: string, details?: UserErrorDetails): this {
    const error = details ? new CLASS_OF[details.kind]() : new InputError();
    error.code = code;
    error.field = field === null ? null : Array.isArray(field) ? field : [field];
    error.message = message;
    if (details) error.details = details;
    this.list.push(error);
    return this;
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

/** The outcome of a mutation's use case: its result, or the user errors that refused it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = <T>(errors: UserErrors | UserError[]): Outcome<T> => ({
  ok: false,
  userErrors: Array.isArray(errors) ? errors : errors.list,
});

/** Thrown inside a transaction to roll it back and answer with user errors. */
export class RefusedError extends Error {
  constructor(readonly userErrors: UserError[]) {
    super("refused");
  }
}

/** GraphQL error codes this API returns deliberately; anything else is masked. */
export const PUBLIC_ERROR_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "QUERY_TOO_DEEP",
  "TOO_MANY_SUBSCRIPTIONS",
  "TOO_MANY_ALIASES",
  "TOO_MANY_DIRECTIVES",
  "QUERY_TOO_COSTLY",
  "TOO_MANY_REPEATED_FIELDS",
  "TOO_MANY_VARIABLES",
  "TOO_MANY_ARGUMENTS",
  "PLANNER_BUSY",
]);

export function unauthenticated(message = "Sign in: send Authorization: Bearer <token>."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

/** The matching engine's queue is full: a moment later the same request can succeed. */
export function plannerBusy(): GraphQLError {
  return new GraphQLError("The planner is busy with other orders' plans; ask again in a few seconds.", { extensions: { code: "PLANNER_BUSY", http: { status: 503 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND" } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argument ? { argument } : {}) } });
}

/** A mutation payload from a use case's outcome: the success fields, or the empty ones with the user errors. */
export async function payloadOf<T, P extends object>(
  outcome: Promise<Outcome<T>>,
  success: (value: T) => P | Promise<P>,
  empty: { [K in keyof P]: null },
): Promise<{ [K in keyof P]: P[K] | null } & { userErrors: UserError[] }> {
  const settled = await outcome;
  return settled.ok ? { ...(await success(settled.value)), userErrors: [] } : { ...empty, userErrors: settled.userErrors };
}
