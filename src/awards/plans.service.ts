import { gateOrdering, memberOf, sees } from "../access/policy";
import { parkKindOfCompany } from "../companies/company.repository";
import type { RequestContext } from "../core/request-context";
import { type Viewer } from "../core/viewer";
import { bidStatusAt } from "../bids/bid-state";
import { findLiveBid, findLiveBidsOfOrder, insertBid } from "../bids/bid.repository";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import type { Executor } from "../db/executor";
import type { BidRow, CapabilityOfferRow, OrderRow } from "../db/schema";
import { badUserInput, forbidden, UserErrorCode, UserErrors } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { toMoney, type Currency, type MoneyInput } from "../graphql/money";
import { activeOffersOfCapability, findOffersByIds } from "../offers/capability-offer.repository";
import { findOrderById } from "../orders/order.repository";
import { awardDeadline, effectiveStatus } from "../orders/order-state";
import { checkOrderTerms } from "../orders/order-terms";
import { scorecards } from "../reports/scorecard";
import { daysBetween, localDate } from "../shared/time";
import { actorOf } from "../events/event.repository";
import { nonNegativeMoney } from "../shared/validate";
import { bidKey, buildCandidates, completionFor, offerKey, type SourcedCandidate } from "../matching/candidates";
import type { InfeasibleCode, MatchResult, Plan, InfeasibilityFacts } from "../matching/engine";
import type { Matcher } from "../matching/matcher";
import type { MatchPreviewInput } from "./plans.inputs";
import { decodePlanKey, encodePlanKey, type PlanKeyLine } from "../matching/plan-key";

export type PlansInfeasibleCode = InfeasibleCode | "ORDER_NOT_OPEN";

/** The engine's result with what the API needs around it. */
export interface Plans {
  result: Omit<MatchResult, "infeasible"> & { infeasible: { code: PlansInfeasibleCode; facts: InfeasibilityFacts | { kind: "ORDER_NOT_OPEN"; status: string }; unitsShort: number | null } | null };
  sources: Map<string, SourcedCandidate>;
  /** The order the plans are for; null in a preview (its plans cannot be awarded). */
  orderId: number | null;
  asOf: string;
  valuePerDayMinor: number;
  currency: Currency;
}

/** Whether a plan key is on the order's current front, and whether that front is whole. */
export interface PlanOnFront {
  onFront: boolean;
  frontComplete: boolean;
}

/** An allocation of an award, from a plan line. */
export interface PlanAllocation {
  bid: BidRow;
  bidId: string;
  quantity: number;
}

/** The throw-on-first-error check queries use: matchPreview and plans arguments are not mutations. */
export function throwFirst(errors: UserErrors): void {
  const first = errors.list[0];
  if (first) throw badUserInput(first.message, first.field?.join("."));
}

/** Plans for orders (the matching engine over live bids and instant quotes) and awards from them. */
export class PlanService {
  constructor(private readonly matcher: Matcher) {}

  /** The Pareto front of plans for an open order: its owner and the coordinator only. */
  async orderPlans(ctx: RequestContext, order: OrderRow, valuePerDayEarlier: MoneyInput | null | undefined): Promise<Plans> {
    const { viewer, now } = ctx;
    if (!sees(viewer, "Order.plans", { owner: order.companyId })) throw forbidden("Only the order's owner and the coordinator see its plans.");
    const errors = new UserErrors();
    const valuePerDayMinor = valuePerDayEarlier == null ? order.valuePerDayMinor : nonNegativeMoney(errors, "valuePerDayEarlier", valuePerDayEarlier, "The value of a day");
    throwFirst(errors);
    const today = localDate(now);
    const base = { orderId: order.id, asOf: today, valuePerDayMinor, currency: order.currency as Currency };
    const status = effectiveStatus(order, now);
    if (status !== "OPEN") {
      return {
        ...base,
        sources: new Map(),
        result: { plans: [], complete: true, steps: 0, excluded: [], infeasible: { code: "ORDER_NOT_OPEN", facts: { kind: "ORDER_NOT_OPEN", status }, unitsShort: null } },
      };
    }
    const bids = (await findLiveBidsOfOrder(ctx.db, order.id)).filter((bid) => bidStatusAt(bid, now) === "LIVE");
    const sourced = await buildCandidates(ctx.db, { capabilityId: order.capabilityId, customerId: order.companyId }, bids, await activeOffersOfCapability(ctx.db, order.capabilityId), today, order.neededBy);
    return { ...base, ...(await this.run(ctx, order, sourced, valuePerDayMinor, today)) };
  }

  /**
   * Whether a plan key names a plan on the order's current front, as order.plans shows it now
   * (a key made by hand, or kept from a front that moved since, does not). Null when there is
   * nothing to compare: not this viewer's open order, or not a key (the award says why).
   */
  async planOnFront(ctx: RequestContext, orderGlobalId: string, planKey: string): Promise<PlanOnFront | null> {
    const orderId = idOf(orderGlobalId, "Order");
    const order = orderId === null ? undefined : await findOrderById(ctx.db, orderId);
    const key = decodePlanKey(planKey);
    const now = ctx.now;
    if (!order || !key || key.orderId !== order.id || !memberOf(ctx.viewer, order.companyId) || effectiveStatus(order, now) !== "OPEN") return null;
    const { result } = await this.orderPlans(ctx, order, null);
    return { onFront: result.plans.some((plan) => planKeyOf(order.id, plan) === planKey), frontComplete: result.complete };
  }

  /**
   * What-if for a product company before it posts: the plans current instant quotes would give
   * an order of these terms (no bids exist yet). Product company members and the coordinator.
   */
  async preview(ctx: RequestContext, input: MatchPreviewInput): Promise<Plans> {
    const now = ctx.now;
    // A contract company previews orders only where it may post them: in a cluster.
    await gateOrdering(ctx.viewer, "matchPreview", (companyId) => parkKindOfCompany(ctx.db, companyId));
    const errors = new UserErrors();
    const terms = checkOrderTerms(errors, input, now);
    const capabilityId = idOf(input.capabilityId, "Capability");
    if (capabilityId === null || (await findCapabilitiesByIds(ctx.db, [capabilityId])).length === 0) errors.add("capabilityId", UserErrorCode.NOT_FOUND, "No capability with this id in the catalogue.");
    throwFirst(errors);
    const today = localDate(now);
    const sourced = await buildCandidates(ctx.db, { capabilityId: capabilityId!, customerId: ctx.viewer!.companyId }, [], await activeOffersOfCapability(ctx.db, capabilityId!), today, terms.neededBy);
    return {
      orderId: null,
      asOf: today,
      valuePerDayMinor: terms.valuePerDayMinor,
      currency: input.maxUnitPrice?.currency ?? ("RUB" as Currency),
      ...(await this.run(ctx, terms, sourced, terms.valuePerDayMinor, today)),
    };
  }

  private async run(ctx: RequestContext, order: Pick<OrderRow, "quantity" | "neededBy" | "maxUnitPriceMinor" | "maxSharePercent" | "minContractors" | "minScore">, sourced: SourcedCandidate[], valuePerDay: number, today: string) {
    if (order.minScore !== null) {
      const cards = await scorecards(ctx.db, [...new Set(sourced.map((s) => s.candidate.contractorId))], today);
      for (const s of sourced) s.candidate.score = cards.get(s.candidate.contractorId)!.score;
    }
    const result = await this.matcher.match(
      {
        quantity: order.quantity,
        neededBy: order.neededBy,
        maxUnitPrice: order.maxUnitPriceMinor,
        maxSharePercent: order.maxSharePercent,
        minContractors: order.minContractors,
        minScore: order.minScore,
        valuePerDay,
        today,
      },
      sourced.map((s) => s.candidate),
    );
    return { result, sources: new Map(sourced.map((s) => [s.candidate.key, s])) };
  }

}

/** The key awardOrder takes to award this plan of the order. */
export function planKeyOf(orderId: number, plan: Plan): string {
  return encodePlanKey({
    orderId,
    totalCost: plan.totalCost,
    lines: plan.lines.map((line) => {
      const [source, id] = line.key.split(":");
      return { source: source as "bid" | "offer", id: Number(id), quantity: line.quantity };
    }),
  });
}

/** A plan's lines checked again now: the bids and offers they name, and what they cost today. */
export interface CheckedLines {
  bids: Map<number, BidRow>;
  offers: Map<number, CapabilityOfferRow>;
  totalCost: number;
}

/**
 * Checks a plan's lines of one order again now, in the caller's transaction: bids still live,
 * offers still active for the order's capability, no live bid since from a quoted contractor,
 * and every contractor still above the order's minimum score. Returns the rows and what the
 * lines cost at today's prices (the caller compares it with the key's), or null with
 * PLAN_CHANGED added, its message ending with `readAgain`.
 */
export async function recheckLines(db: Executor, order: OrderRow, lines: readonly PlanKeyLine[], now: Date, errors: UserErrors, readAgain: string): Promise<CheckedLines | null> {
  const bids = new Map((await findLiveBidsOfOrder(db, order.id)).map((bid) => [bid.id, bid]));
  const offers = new Map((await findOffersByIds(db, lines.filter((l) => l.source === "offer").map((l) => l.id))).map((o) => [o.id, o]));
  const changed = (message: string) => {
    errors.add("planKey", UserErrorCode.PLAN_CHANGED, `${message} ${readAgain}`);
    return null;
  };
  let totalCost = 0;
  for (const line of lines) {
    if (line.source === "bid") {
      const bid = bids.get(line.id);
      if (!bid || bidStatusAt(bid, now) !== "LIVE") return changed("A bid of the plan is no longer live.");
      totalCost += line.quantity * bid.unitPriceMinor;
    } else {
      const offer = offers.get(line.id);
      if (!offer || !offer.active || offer.capabilityId !== order.capabilityId) return changed("An offer of the plan is no longer active.");
      if (await findLiveBid(db, order.id, offer.companyId)) return changed("A quoted contractor has bid since; its bid replaces its quote.");
      totalCost += line.quantity * offer.unitPriceMinor;
    }
  }
  if (order.minScore !== null) {
    // Scores move with deliveries and with the coordinator's weights: the plan's contractors must still pass.
    const contractors = lines.map((line) => (line.source === "bid" ? bids.get(line.id)!.companyId : offers.get(line.id)!.companyId));
    const cards = await scorecards(db, [...new Set(contractors)], localDate(now));
    const below = contractors.map((id) => cards.get(id)!.score).find((score) => score < order.minScore!);
    if (below !== undefined) return changed(`A contractor of the plan now scores ${below} on its scorecard, below the order's minimum of ${order.minScore}.`);
  }
  return { bids, offers, totalCost };
}

/** PLAN_CHANGED because the lines cost `now` at today's prices, not the `read` the key was made at. */
export function pricesChanged(errors: UserErrors, currency: Currency, now: number, read: number, readAgain: string): null {
  errors.add("planKey", UserErrorCode.PLAN_CHANGED, `Prices changed: the plan now costs ${toMoney(now, currency).amount}, not ${toMoney(read, currency).amount}. ${readAgain}`);
  return null;
}

/**
 * A quote line as a bid at the offer's terms, made by the platform for the contractor (its
 * revision history says so), completing `leadTimeDays` after its work may start. Writes it: a
 * caller refusing later must roll back (throw).
 */
export function bidOfQuote(db: Executor, viewer: Viewer, order: OrderRow, offer: CapabilityOfferRow, quantity: number, leadTimeDays: number, now: Date): Promise<BidRow> {
  return insertBid(
    db,
    order,
    {
      companyId: offer.companyId,
      source: "AWARDED_QUOTE",
      unitPriceMinor: offer.unitPriceMinor,
      currency: offer.currency,
      minLot: Math.min(offer.minLot, quantity),
      maxQuantity: Math.max(quantity, Math.min(offer.maxLot, order.quantity)),
      centihoursPerUnit: offer.centihoursPerUnit,
      leadTimeDays: Math.max(1, leadTimeDays),
      validUntil: awardDeadline(order.biddingClosesAt),
    },
    actorOf(viewer),
    now,
    `platform: the published offer, awarded by ${viewer.holderName}`,
  );
}

/** The line of an award a plan line becomes: its bid (the quote's new bid for an offer). */
export function allocationOf(line: PlanKeyLine, checked: CheckedLines, fromQuotes: Map<number, BidRow>): PlanAllocation {
  const bid = line.source === "bid" ? checked.bids.get(line.id)! : fromQuotes.get(line.id)!;
  return { bid, bidId: bidKey(bid.id), quantity: line.quantity };
}

/**
 * The allocations of a plan key, checked again now (recheckLines, and the total cost unchanged).
 * A quote line becomes a bid at the offer's terms completing when its capacity allows today.
 * Writes those bids: a caller refusing later must roll back (throw).
 * Returns null, with errors added, when the plan no longer holds.
 */
export async function allocationsOfPlan(db: Executor, viewer: Viewer, order: OrderRow, planKey: string, now: Date, errors: UserErrors): Promise<PlanAllocation[] | null> {
  const key = decodePlanKey(planKey);
  const distinct = key && new Set(key.lines.map((l) => `${l.source}:${l.id}`)).size === key.lines.length;
  if (!key || !distinct || key.orderId !== order.id) {
    errors.add("planKey", UserErrorCode.NOT_FOUND, "Not a plan of this order: read order.plans and pass one plan's key.");
    return null;
  }
  const today = localDate(now);
  const checked = await recheckLines(db, order, key.lines, now, errors, "Read order.plans again.");
  if (!checked) return null;
  if (checked.totalCost !== key.totalCost) return pricesChanged(errors, order.currency as Currency, checked.totalCost, key.totalCost, "Read order.plans again.");
  // Each quote is dated by the capacity free now; booking the award then re-checks it for real.
  const quoted = key.lines.filter((l) => l.source === "offer");
  const sourced = new Map((await buildCandidates(db, { capabilityId: order.capabilityId, customerId: order.companyId }, [], quoted.map((q) => checked.offers.get(q.id)!), today, order.neededBy)).map((s) => [s.candidate.key, s]));
  const fromQuotes = new Map<number, BidRow>();
  for (const { id, quantity } of quoted) {
    const completion = completionFor(sourced.get(offerKey(id))!.candidate, quantity);
    if (completion === null || completion > order.neededBy) {
      errors.add("planKey", UserErrorCode.INSUFFICIENT_CAPACITY, `A quoted contractor can no longer complete ${quantity} units by ${order.neededBy}. Read order.plans again.`);
      return null;
    }
    fromQuotes.set(id, await bidOfQuote(db, viewer, order, checked.offers.get(id)!, quantity, daysBetween(today, completion), now));
  }
  return key.lines.map((line) => allocationOf(line, checked, fromQuotes));
}
