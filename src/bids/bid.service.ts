import type { Listed, Sort, SortedPageRequest } from "../db/page";
import type { BidDisplayStatus } from "./bid-state";
import { listBids, countBids, type BidCriteria, findBidsByIds, findLiveBid, insertBid, ordersBidOnBy, reviseBid, setBidStatus } from "./bid.repository";
import { gate, produceRefusal, seesOrder } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { type Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { BidRow, BidSourceValue, CapabilityOfferRow, OrderRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { type Currency, type MoneyInput, toMoney } from "../graphql/money";
import { findOffer } from "../offers/capability-offer.repository";
import type { BidFromInstantQuoteInput, BidSortField, ReviseBidInput, SubmitBidInput, WithdrawBidInput } from "./bid.inputs";
import { quoteOrder } from "../capacity/capacity.service";
import { acceptingBids, awardDeadline, effectiveStatus } from "../orders/order-state";
import { findOrderById } from "../orders/order.repository";
import { addDays, localDate } from "../shared/time";
import { actorOf } from "../events/event.repository";
import { idempotent } from "../shared/idempotency";
import { engineerCentihours, intInRange, LIMITS, positiveMoney } from "../shared/validate";
import { futureInstant } from "../shared/validate-dates";
import { statusesOf } from "../shared/statuses";

interface TermsInput {
  unitPrice: MoneyInput;
  minLot: number;
  maxQuantity: number;
  engineerHoursPerUnit: number;
  leadTimeDays: number;
  validUntil: Date;
}

/** Checks a bid's terms against the order; returns them in stored units. */
function checkTerms(errors: UserErrors, terms: TermsInput, order: OrderRow, now: Date) {
  const unitPriceMinor = positiveMoney(errors, "unitPrice", terms.unitPrice, "Unit price");
  if (order.maxUnitPriceMinor !== null && unitPriceMinor > order.maxUnitPriceMinor) {
    errors.add(["unitPrice", "amount"], UserErrorCode.PRICE_ABOVE_MAXIMUM, "The unit price is above the order's maximum unit price.", {
      kind: "price",
      maximumMinor: order.maxUnitPriceMinor,
      actualMinor: unitPriceMinor,
      currency: order.currency,
    });
  }
  intInRange(errors, "minLot", terms.minLot, "Minimum lot", 1, Number.MAX_SAFE_INTEGER);
  if (terms.maxQuantity > order.quantity || terms.maxQuantity < 1) {
    errors.add("maxQuantity", UserErrorCode.QUANTITY_OUT_OF_RANGE, `The maximum quantity must be from 1 to the order's ${order.quantity} units.`, {
      kind: "range",
      minimum: 1,
      maximum: order.quantity,
      actual: terms.maxQuantity,
    });
  } else if (terms.minLot > terms.maxQuantity) {
    errors.add("minLot", UserErrorCode.QUANTITY_OUT_OF_RANGE, `The minimum lot (${terms.minLot}) is above the maximum quantity (${terms.maxQuantity}).`, {
      kind: "range",
      maximum: terms.maxQuantity,
      actual: terms.minLot,
    });
  }
  const centihoursPerUnit = engineerCentihours(errors, "engineerHoursPerUnit", terms.engineerHoursPerUnit);
  const leadTimeDays = intInRange(errors, "leadTimeDays", terms.leadTimeDays, "Lead time", 1, LIMITS.maxLeadDays);
  // Only a lead time in range is dated: 10^8 days is past the calendar's end (a RangeError).
  if (leadTimeDays >= 1 && leadTimeDays <= LIMITS.maxLeadDays && addDays(localDate(now), terms.leadTimeDays) > order.neededBy) {
    errors.add(
      "leadTimeDays",
      UserErrorCode.LEAD_TIME_MISSES_NEEDED_BY,
      `Delivered ${terms.leadTimeDays} days after an award today is ${addDays(localDate(now), terms.leadTimeDays)}, later than the needed-by date ${order.neededBy}.`,
    );
  }
  futureInstant(errors, "validUntil", terms.validUntil, "Valid-until", now);
  return {
    unitPriceMinor,
    currency: terms.unitPrice.currency,
    minLot: terms.minLot,
    maxQuantity: terms.maxQuantity,
    centihoursPerUnit,
    leadTimeDays: terms.leadTimeDays,
    validUntil: terms.validUntil,
  };
}

/** The viewer company's own bid, or NOT_FOUND (a competitor's bid looks missing). */
async function ownBid(db: Executor, viewer: Viewer, bidId: string, errors: UserErrors): Promise<BidRow | undefined> {
  const id = idOf(bidId, "Bid");
  const bid = id === null ? undefined : (await findBidsByIds(db, [id]))[0];
  if (!bid || bid.companyId !== viewer.companyId) {
    errors.add("bidId", UserErrorCode.NOT_FOUND, "No bid with this id that your company made.");
    return undefined;
  }
  return bid;
}

/**
 * The order a contract company may bid on, with its offer of the order's capability; or the
 * refusal: a product company (the split), an order it may not see, one no longer taking bids,
 * a capability it does not offer.
 */
async function biddableOrder(db: Executor, v: Viewer, orderId: string, now: Date, errors: UserErrors): Promise<{ order: OrderRow; offer: CapabilityOfferRow } | undefined> {
  const refusal = produceRefusal(v.companyKind!);
  if (refusal) {
    errors.add(null, refusal.code, refusal.message);
    return undefined;
  }
  const id = idOf(orderId, "Order");
  const order = id === null ? undefined : await findOrderById(db, id);
  // An open order is visible to every contractor; only a closed one needs the "has bid on it" read.
  const open = order !== undefined && effectiveStatus(order, now) === "OPEN";
  const visible = order && (seesOrder(v, order, open, false) || seesOrder(v, order, open, (await ordersBidOnBy(db, v.companyId!, [order.id])).size > 0));
  if (!order || !visible) {
    errors.add("orderId", UserErrorCode.NOT_FOUND, "No open order with this id.");
    return undefined;
  }
  // A cluster's manufacturer ordering work from the other members does not bid on its own order.
  if (order.companyId === v.companyId) {
    errors.add("orderId", UserErrorCode.INVALID_STATE, "This is your own company's order: it is for the other members to bid on.");
    return undefined;
  }
  if (!acceptingBids(order, now)) {
    errors.add("orderId", UserErrorCode.BIDDING_CLOSED, `The order takes no bids: it is ${effectiveStatus(order, now)} and bidding closed at ${order.biddingClosesAt.toISOString()}.`);
    return undefined;
  }
  const offer = await findOffer(db, v.companyId!, order.capabilityId);
  if (!offer || !offer.active) {
    errors.add("orderId", UserErrorCode.CAPABILITY_NOT_OFFERED, "Your company has no active offer of the capability this order needs.");
    return undefined;
  }
  return { order, offer };
}

/** What a list of bids may be narrowed by (BidFilter). */
export interface BidListFilter {
  status?: BidDisplayStatus | null;
  statuses?: readonly BidDisplayStatus[] | null;
  orderId?: string | null;
  updatedSince?: Date | null;
}

/** Use cases of contract companies' bids. */
export class BidService {
  /** The viewer's company's bids, sorted; statuses as the API shows them (EXPIRED: live, past its validity). */
  async listOwn(ctx: RequestContext, filter: BidListFilter, sort: Sort<BidSortField>, page: SortedPageRequest): Promise<Listed<BidRow>> {
    const v = gate(ctx.viewer, "myBids");
    const statuses = statusesOf(filter);
    const orderId = filter.orderId == null ? undefined : idOf(filter.orderId, "Order");
    if (orderId === null) return { rows: [], count: async () => 0 };
    const criteria: BidCriteria = { companyId: v.companyId!, orderId, statuses, updatedSince: filter.updatedSince ?? undefined, now: ctx.now };
    return { rows: await listBids(ctx.db, criteria, sort, page), count: () => countBids(ctx.db, criteria) };
  }

  /**
   * A contract company bids on an open order for a capability it offers. Product companies may
   * not (they do not produce). One live bid per company and order.
   */
  async submit(ctx: RequestContext, input: SubmitBidInput): Promise<Outcome<BidRow>> {
    const v = gate(ctx.viewer, "submitBid");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "submitBid", input.idempotencyKey, input, () => this.submitOnce(tx, v, input, now), (bid) => bid.id, async (id) => (await findBidsByIds(tx, [id]))[0], now),
    );
  }

  /** Inside the caller's transaction; every check comes before the one write. */
  private async submitOnce(db: Executor, v: Viewer, input: SubmitBidInput, now: Date, source: BidSourceValue = "SUBMITTED"): Promise<Outcome<BidRow>> {
    const errors = new UserErrors();
    const target = await biddableOrder(db, v, input.orderId, now, errors);
    if (!target) return refused(errors);
    const { order, offer } = target;
    if (await findLiveBid(db, order.id, v.companyId!)) {
      return refused(errors.add("orderId", UserErrorCode.BID_ALREADY_EXISTS, "Your company already has a live bid on this order; revise it instead."));
    }
    const terms = checkTerms(errors, { ...input, engineerHoursPerUnit: input.engineerHoursPerUnit ?? offer.centihoursPerUnit / 100 }, order, now);
    if (errors.any) return refused(errors);
    return ok(await insertBid(db, order, { ...terms, companyId: v.companyId!, source }, actorOf(v), now));
  }

  /**
   * Turns the company's instant quote for an order into a bid in one step: the offer's price
   * and lot range, the quoted quantity, and the lead time its free capacity allows today.
   */
  async fromInstantQuote(ctx: RequestContext, input: BidFromInstantQuoteInput): Promise<Outcome<BidRow>> {
    const v = gate(ctx.viewer, "submitBid");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "bidFromInstantQuote", input.idempotencyKey, input, () => this.fromQuoteOnce(tx, v, input, now), (bid) => bid.id, async (id) => (await findBidsByIds(tx, [id]))[0], now),
    );
  }

  private async fromQuoteOnce(db: Executor, v: Viewer, input: BidFromInstantQuoteInput, now: Date): Promise<Outcome<BidRow>> {
    const errors = new UserErrors();
    const target = await biddableOrder(db, v, input.orderId, now, errors);
    if (!target) return refused(errors);
    const { order, offer } = target;
    const requested = input.quantity ?? order.quantity;
    if (!Number.isSafeInteger(requested) || requested < 1 || requested > order.quantity) {
      return refused(errors.add("quantity", UserErrorCode.QUANTITY_OUT_OF_RANGE, `The quantity must be from 1 to the order's ${order.quantity} units.`));
    }
    const [quote] = await quoteOrder(db, order.capabilityId, [offer], requested, localDate(now));
    if (quote.completion === null || quote.leadTimeDays === null) {
      return refused(errors.add("quantity", quote.quantity < offer.minLot ? UserErrorCode.QUANTITY_OUT_OF_RANGE : UserErrorCode.INSUFFICIENT_CAPACITY, quote.note));
    }
    return await this.submitOnce(db, v, {
      orderId: input.orderId,
      unitPrice: { amount: toMoney(offer.unitPriceMinor, offer.currency as Currency).amount, currency: offer.currency as Currency },
      minLot: Math.min(offer.minLot, quote.quantity),
      maxQuantity: quote.quantity,
      engineerHoursPerUnit: offer.centihoursPerUnit / 100,
      leadTimeDays: Math.max(1, quote.leadTimeDays),
      validUntil: input.validUntil ?? awardDeadline(order.biddingClosesAt),
    }, now, "INSTANT_QUOTE");
  }

  /** Sets new terms on the company's live bid while bidding is open; the old terms stay as a revision. */
  async revise(ctx: RequestContext, input: ReviseBidInput): Promise<Outcome<BidRow>> {
    const v = gate(ctx.viewer, "reviseBid");
    const now = ctx.now;
    const errors = new UserErrors();
    return transact(ctx, async ({ db: tx }) => {
      const bid = await ownBid(tx, v, input.bidId, errors);
      if (!bid) return refused(errors);
      if (bid.status !== "LIVE") return refused(errors.add("bidId", UserErrorCode.INVALID_STATE, `The bid is ${bid.status}; only live bids can be revised.`));
      const order = (await findOrderById(tx, bid.orderId))!;
      if (!acceptingBids(order, now)) return refused(errors.add("bidId", UserErrorCode.BIDDING_CLOSED, "Bidding on this order has closed."));
      const terms = checkTerms(
        errors,
        {
          unitPrice: input.unitPrice ?? { amount: toMoney(bid.unitPriceMinor, bid.currency as Currency).amount, currency: bid.currency as Currency },
          minLot: input.minLot ?? bid.minLot,
          maxQuantity: input.maxQuantity ?? bid.maxQuantity,
          engineerHoursPerUnit: input.engineerHoursPerUnit ?? bid.centihoursPerUnit / 100,
          leadTimeDays: input.leadTimeDays ?? bid.leadTimeDays,
          validUntil: input.validUntil ?? bid.validUntil,
        },
        order,
        now,
      );
      if (errors.any) return refused(errors);
      return ok(await reviseBid(tx, order, bid, terms, actorOf(v), now));
    });
  }

  /** Withdraws the company's live bid while the order is open. */
  async withdraw(ctx: RequestContext, input: WithdrawBidInput): Promise<Outcome<BidRow>> {
    const v = gate(ctx.viewer, "withdrawBid");
    const now = ctx.now;
    const errors = new UserErrors();
    return transact(ctx, async ({ db: tx }) => {
      const bid = await ownBid(tx, v, input.bidId, errors);
      if (!bid) return refused(errors);
      const order = (await findOrderById(tx, bid.orderId))!;
      if (bid.status !== "LIVE" || effectiveStatus(order, now) !== "OPEN") {
        return refused(errors.add("bidId", UserErrorCode.INVALID_STATE, `The bid is ${bid.status} on an order that is ${effectiveStatus(order, now)}; only live bids on open orders can be withdrawn.`));
      }
      await setBidStatus(tx, order, [bid], "WITHDRAWN", actorOf(v), now);
      return ok((await findBidsByIds(tx, [bid.id]))[0]);
    });
  }
}
