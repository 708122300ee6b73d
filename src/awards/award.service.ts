import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { type Viewer } from "../core/viewer";
import { bidStatusAt } from "../bids/bid-state";
import { findBidsByIds, setBidStatus } from "../bids/bid.repository";
import { closeLiveBids } from "../orders/order-bids.repository";
import { findContractsOfOrder, insertContract } from "../contracts/contract.repository";
import { contractEvent } from "../events/domain-events";
import { idempotent } from "../shared/idempotency";
import type { Executor } from "../db/executor";
import type { BidRow, ContractRow, OrderRow } from "../db/schema";
import { bookWork, workOf } from "../capacity/capacity-booking";
import { formatHours } from "../capacity/hours";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { addDays, localDate } from "../shared/time";
import type { AwardOrderInput } from "../orders/order.inputs";
import { effectiveStatus } from "../orders/order-state";
import { moveOrder, ownedOrder } from "../orders/order.service";
import { allocationsOfPlan, type PlanService, type PlanOnFront } from "./plans.service";
import { appendEvents, actorOf } from "../events/event.repository";
import { findOrderById } from "../orders/order.repository";

export interface Award {
  order: OrderRow;
  contracts: ContractRow[];
}

/** One checked allocation: a live bid of this order and the units it gets. */
export interface Line {
  bid: BidRow;
  quantity: number;
  index: number;
}

/**
 * Checks allocations against the order and its sourcing policy. Every mistake is reported,
 * each at its allocation: unknown, foreign or stale bids; quantities outside a bid's lot range;
 * a promised date after the needed-by date; a share above the limit; too few contractors; and
 * a total that is not the order's quantity.
 */
export function checkAllocations(
  order: OrderRow,
  allocations: { bid: BidRow | undefined; bidId: string; quantity: number }[],
  now: Date,
  errors: UserErrors,
  promisedOf: (bid: BidRow) => string = (bid) => addDays(localDate(now), bid.leadTimeDays),
): Line[] {
  const lines: Line[] = [];
  const seen = new Set<number>();
  allocations.forEach(({ bid, quantity }, index) => {
    const at = (field: string) => ["allocations", String(index), field];
    if (!bid || bid.orderId !== order.id) {
      errors.add(at("bidId"), UserErrorCode.NOT_FOUND, "No bid with this id on this order.");
      return;
    }
    if (seen.has(bid.id)) {
      errors.add(at("bidId"), UserErrorCode.DUPLICATE_ALLOCATION, "This bid is already allocated above; give it one allocation.");
      return;
    }
    seen.add(bid.id);
    const status = bidStatusAt(bid, now);
    if (status !== "LIVE") {
      errors.add(at("bidId"), UserErrorCode.BID_NOT_VALID, status === "EXPIRED" ? `The bid was valid until ${bid.validUntil.toISOString()}.` : `The bid is ${bid.status}.`);
      return;
    }
    if (!Number.isSafeInteger(quantity) || quantity < bid.minLot || quantity > bid.maxQuantity) {
      errors.add(at("quantity"), UserErrorCode.QUANTITY_OUT_OF_RANGE, `This bid takes ${bid.minLot} to ${bid.maxQuantity} units.`, {
        kind: "range",
        minimum: bid.minLot,
        maximum: bid.maxQuantity,
        actual: Number.isFinite(quantity) ? quantity : undefined,
      });
      return;
    }
    const promised = promisedOf(bid);
    if (promised > order.neededBy) {
      errors.add(at("bidId"), UserErrorCode.LEAD_TIME_MISSES_NEEDED_BY, `Awarded now, this bid would deliver on ${promised}, after the needed-by date ${order.neededBy}.`);
      return;
    }
    if (quantity * 100 > order.quantity * order.maxSharePercent) {
      errors.add(at("quantity"), UserErrorCode.SHARE_LIMIT_EXCEEDED, `${quantity} of ${order.quantity} units is more than the ${order.maxSharePercent} % share limit.`, {
        kind: "range",
        maximum: Math.floor((order.quantity * order.maxSharePercent) / 100),
        actual: quantity,
      });
      return;
    }
    if (BigInt(quantity) * BigInt(bid.unitPriceMinor) > BigInt(Number.MAX_SAFE_INTEGER)) {
      errors.add(at("quantity"), UserErrorCode.OUT_OF_RANGE, "The contract's value would be too large to record exactly.");
      return;
    }
    lines.push({ bid, quantity, index });
  });
  if (errors.any) return lines;
  const total = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (total !== order.quantity) {
    errors.add("allocations", UserErrorCode.ALLOCATION_TOTAL_MISMATCH, `The allocations add up to ${total} units; the order is for ${order.quantity}.`, {
      kind: "range",
      minimum: order.quantity,
      maximum: order.quantity,
      actual: total,
    });
  }
  // One live bid per company and order, so contractors are the bids' companies.
  const contractors = new Set(lines.map((line) => line.bid.companyId)).size;
  if (contractors < order.minContractors) {
    errors.add("allocations", UserErrorCode.TOO_FEW_CONTRACTORS, `The order must be split between at least ${order.minContractors} contractors; this award uses ${contractors}.`, {
      kind: "range",
      minimum: order.minContractors,
      actual: contractors,
    });
  }
  return lines;
}

/** How the lines of one award are dated: when work may start, when each line is promised, where a shortfall is reported. */
export interface LineDates {
  startDate: string;
  promisedOf: (bid: BidRow) => string;
  fieldOf: (line: Line) => string[];
  /** The contracts' event note; default "Promised for <date>." */
  noteOf?: (contract: ContractRow) => string;
  /** The order's event note. */
  orderNote?: string;
}

/**
 * Writes an award of checked lines, in the caller's transaction: the order AWARDED, one contract
 * per line (value = quantity x unit price) with its work booked on the contractor's engineers
 * from `startDate`'s week to its promised date, the chosen bids AWARDED and every other live bid
 * NOT_AWARDED, and the events. A contractor short of engineer-hours throws INSUFFICIENT_CAPACITY
 * (the caller's transaction rolls back). Of two awards racing on one order, the conditional
 * state change lets exactly one through.
 */
export async function awardLines(tx: Executor, v: Viewer, order: OrderRow, lines: readonly Line[], now: Date, dates: LineDates): Promise<ContractRow[]> {
  await moveOrder(tx, order, "AWARDED", actorOf(v), now, dates.orderNote);
  const contracts: ContractRow[] = [];
  for (const { bid, quantity } of lines) {
    contracts.push(
      await insertContract(tx, {
        orderId: order.id,
        bidId: bid.id,
        companyId: bid.companyId,
        customerCompanyId: order.companyId,
        quantity,
        unitPriceMinor: bid.unitPriceMinor,
        currency: bid.currency,
        valueMinor: quantity * bid.unitPriceMinor,
        centihoursPerUnit: bid.centihoursPerUnit,
        startDate: dates.startDate,
        promisedDate: dates.promisedOf(bid),
        status: "AWARDED",
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  // Book each contract's work on its contractor's engineers; any shortfall refuses the whole award.
  const short = new UserErrors();
  for (const [i, contract] of contracts.entries()) {
    const work = workOf(contract);
    const missing = await bookWork(tx, { ...contract, capabilityId: order.capabilityId }, work, dates.startDate);
    if (missing > 0) {
      const from = dates.startDate === localDate(now) ? "" : ` from ${dates.startDate}`;
      short.add(dates.fieldOf(lines[i]), UserErrorCode.INSUFFICIENT_CAPACITY, `The contractor lacks ${formatHours(missing)} engineer-hours of free capacity for this work${from} before ${contract.promisedDate}.`, {
        kind: "capacity",
        neededCentihours: work,
        freeCentihours: work - missing,
      });
    }
  }
  if (short.any) throw new RefusedError(short.list);
  await setBidStatus(tx, order, lines.map((line) => line.bid), "AWARDED", actorOf(v), now);
  await closeLiveBids(tx, order, actorOf(v), now);
  const noteOf = dates.noteOf ?? ((contract: ContractRow) => `Promised for ${contract.promisedDate}.`);
  await appendEvents(
    tx,
    actorOf(v),
    now,
    contracts.map((contract) => contractEvent("CONTRACT_AWARDED", contract, { to: "AWARDED", quantity: contract.quantity, centihours: workOf(contract), note: noteOf(contract) })),
  );
  return contracts;
}

/** The award: the owner splits an open order between bids, in one transaction. */
export class AwardService {
  constructor(private readonly plans: PlanService) {}

  /**
   * Awards an open order: one contract per allocation (value = quantity x unit price, promised
   * date = today + lead time) with its work booked on the contractor's engineers, the chosen
   * bids AWARDED and every other live bid NOT_AWARDED, the order AWARDED. All or nothing: a
   * contractor short of engineer-hours refuses the whole award. Of two awards racing on one
   * order, the conditional state change lets exactly one through.
   *
   * A plan key is first compared with the order's current front (the engine runs in its worker,
   * outside the transaction); the transaction then checks the plan's bids, offers and prices again.
   */
  async award(ctx: RequestContext, input: AwardOrderInput): Promise<Outcome<Award>> {
    const front = input.planKey != null && input.allocations.length === 0 ? await this.plans.planOnFront(ctx, input.orderId, input.planKey) : null;
    return this.awardIn(ctx, input, front);
  }

  /** `award` by allocations, in a savepoint of the caller's transaction if it has one (the demo seeding). */
  async awardByAllocations(ctx: RequestContext, input: AwardOrderInput): Promise<Outcome<Award>> {
    if (input.planKey != null) throw new Error("a plan key is awarded through award(), which checks it against the order's front");
    return this.awardIn(ctx, input, null);
  }

  private async awardIn(ctx: RequestContext, input: AwardOrderInput, front: PlanOnFront | null): Promise<Outcome<Award>> {
    const v = gate(ctx.viewer, "awardOrder");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(
        tx,
        v,
        "awardOrder",
        input.idempotencyKey,
        input,
        () => this.awardOnce(tx, v, input, now, front),
        ({ order }) => order.id,
        async (id) => ({ order: (await findOrderById(tx, id))!, contracts: await findContractsOfOrder(tx, id) }),
        now,
      ),
    );
  }

  private async awardOnce(tx: Executor, v: Viewer, input: AwardOrderInput, now: Date, front: PlanOnFront | null): Promise<Outcome<Award>> {
    const errors = new UserErrors();
    const planned = input.planKey != null;
    if (planned && input.allocations.length > 0) return refused(errors.add("planKey", UserErrorCode.INVALID_FORMAT, "Give either allocations or planKey, not both."));
    if (!planned && input.allocations.length === 0) return refused(errors.add("allocations", UserErrorCode.ALLOCATION_TOTAL_MISMATCH, "Allocate the order to at least one bid, or give a planKey."));
    if (input.allocations.length > 1000) return refused(errors.add("allocations", UserErrorCode.OUT_OF_RANGE, "At most 1000 allocations."));
    const order = await ownedOrder(tx, v, input.orderId, errors);
    if (!order) return refused(errors);
    const status = effectiveStatus(order, now);
    if (status !== "OPEN") return refused(errors.add("orderId", UserErrorCode.INVALID_STATE, `The order is ${status}; only open orders can be awarded.`));
    // A stage awarded alone could be booked before its inputs can arrive.
    if (order.chainId !== null) return refused(errors.add("orderId", UserErrorCode.INVALID_STATE, "This order is a stage of a production chain: a chain is awarded whole, every stage after its inputs, not stage by stage."));
    // A plan's quote lines become bids here: from now on a refusal is thrown, rolling them back.
    const allocations = planned ? await allocationsOfPlan(tx, v, order, input.planKey!, now, errors) : await this.allocationsOf(tx, input);
    if (!allocations) throw new RefusedError(errors.list);
    const lines = checkAllocations(order, allocations, now, errors);
    if (errors.any) throw new RefusedError(planned ? errors.list.map((e) => Object.assign(e, { field: ["planKey"] })) : errors.list);
    // Every line holds, but the allocation is not one the engine offers now (hand-made, or the front moved).
    if (planned && front?.onFront === false) {
      const cut = front.frontComplete ? "" : " (the front was cut short by the engine's work budget)";
      errors.add("planKey", UserErrorCode.PLAN_CHANGED, `This is not one of the order's current plans${cut}: bids, offers or capacity changed, or the key was not read from order.plans. Read order.plans again.`);
      throw new RefusedError(errors.list);
    }
    const today = localDate(now);
    const contracts = await awardLines(tx, v, order, lines, now, { startDate: today, promisedOf: (bid) => addDays(today, bid.leadTimeDays), fieldOf: (line) => (planned ? ["planKey"] : ["allocations", String(line.index), "quantity"]) });
    return ok({ order: (await findOrderById(tx, order.id))!, contracts });
  }

  /** The bids the owner named in its allocations (undefined where an id is not a bid). */
  private async allocationsOf(db: Executor, input: AwardOrderInput) {
    const ids = input.allocations.map((a) => idOf(a.bidId, "Bid"));
    const bids = new Map((await findBidsByIds(db, ids.filter((id): id is number => id !== null))).map((bid) => [bid.id, bid]));
    return input.allocations.map((a, i) => ({ bid: ids[i] === null ? undefined : bids.get(ids[i]!), bidId: a.bidId, quantity: a.quantity }));
  }
}
