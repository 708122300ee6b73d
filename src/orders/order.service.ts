import { gate, memberOf } from "../access/policy";
import { inTransaction, transact, type RequestContext } from "../core/request-context";
import { type Viewer } from "../core/viewer";
import { closeLiveBids, recordLapsedBids } from "./order-bids.repository";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import type { Executor } from "../db/executor";
import type { OrderRow, OrderStatusValue } from "../db/schema";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { Currency } from "../graphql/money";
import { localDate } from "../shared/time";
import { idempotent } from "../shared/idempotency";
import { optionalText, requiredName } from "../shared/validate";
import { futureInstant } from "../shared/validate-dates";
import { checkOrderTerms } from "./order-terms";
import { canTransition, effectiveStatus } from "./order-state";
import type { CancelOrderInput, PostOrderInput } from "./order.inputs";
import { appendEvents, actorOf, PLATFORM_ACTOR, type Actor } from "../events/event.repository";
import { expireOverdueOrders, findOrderById, insertOrder, transitionOrder } from "./order.repository";
import { orderEvent } from "../events/domain-events";


/** The order a member owns, or a NOT_FOUND user error (other companies' orders look missing). */
export async function ownedOrder(db: Executor, viewer: Viewer, orderId: string, errors: UserErrors): Promise<OrderRow | undefined> {
  const id = idOf(orderId, "Order");
  const order = id === null ? undefined : await findOrderById(db, id);
  if (!order || !memberOf(viewer, order.companyId)) {
    errors.add("orderId", UserErrorCode.NOT_FOUND, "No order with this id that your company posted.");
    return undefined;
  }
  return order;
}

/**
 * Moves an order along its state machine inside the caller's transaction, or throws a
 * refusal (INVALID_STATE) that rolls the transaction back.
 */
export async function moveOrder(db: Executor, order: OrderRow, to: OrderStatusValue, actor: Actor, now: Date, note = ""): Promise<void> {
  const from = effectiveStatus(order, now);
  if (!canTransition(from, to) || !await transitionOrder(db, order, from, to, actor, now, note)) {
    throw new RefusedError(
      new UserErrors().add("orderId", UserErrorCode.INVALID_STATE, `The order is ${from}; it cannot become ${to}.`).list,
    );
  }
}

/** Use cases of a product company's orders. */
export class OrderService {

  /**
   * A product company posts an order. Contract companies may not (the technopark split).
   * The sourcing policy must leave at least one possible award.
   */
  async post(ctx: RequestContext, input: PostOrderInput): Promise<Outcome<OrderRow>> {
    const v = gate(ctx.viewer, "postOrder");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      await idempotent(tx, v, "postOrder", input.idempotencyKey, input, async () => await this.postOnce(tx, v, input, now), (order) => order.id, async (id) => (await findOrderById(tx, id))!, now),
    );
  }

  private async postOnce(db: Executor, v: Viewer, input: PostOrderInput, now: Date): Promise<Outcome<OrderRow>> {
    const errors = new UserErrors();
    if (v.companyKind !== "PRODUCT") {
      errors.add(null, UserErrorCode.CONTRACT_COMPANY_CANNOT_ORDER, "Contract companies produce customers' products only; they post no orders.");
      return refused(errors);
    }
    const title = requiredName(errors, "title", input.title, "Title");
    const description = optionalText(errors, "description", input.description, "Description");
    const terms = checkOrderTerms(errors, input, now);
    const closesAt = futureInstant(errors, "biddingClosesAt", input.biddingClosesAt, "Bidding close", now);
    if (!errors.list.some((e) => e.field?.[0] === "neededBy" || e.field?.[0] === "biddingClosesAt") && localDate(closesAt) >= terms.neededBy) {
      errors.add("biddingClosesAt", UserErrorCode.OUT_OF_RANGE, "Bidding must close before the needed-by date.");
    }
    const capabilityId = idOf(input.capabilityId, "Capability");
    const capability = capabilityId === null ? undefined : (await findCapabilitiesByIds(db, [capabilityId]))[0];
    if (!capability) errors.add("capabilityId", UserErrorCode.NOT_FOUND, "No capability with this id in the catalogue.");
    if (errors.any || !capability) return refused(errors);
    const order = await insertOrder(db, {
      companyId: v.companyId!,
      capabilityId: capability.id,
      title,
      description,
      ...terms,
      currency: input.maxUnitPrice?.currency ?? Currency.RUB,
      biddingClosesAt: closesAt,
      status: "OPEN",
      createdAt: now,
      updatedAt: now,
    });
    await appendEvents(db, actorOf(v), now, [orderEvent(order, null, "OPEN", "Posted.")]);
    return ok(order);
  }

  /** The owner cancels an open order; its live bids become NOT_AWARDED. */
  async cancel(ctx: RequestContext, input: CancelOrderInput): Promise<Outcome<OrderRow>> {
    const v = gate(ctx.viewer, "cancelOrder");
    const now = ctx.now;
    const errors = new UserErrors();
    const reason = optionalText(errors, "reason", input.reason, "Reason");
    return transact(ctx, async ({ db: tx }) => {
      const order = await ownedOrder(tx, v, input.orderId, errors);
      if (errors.any || !order) return refused(errors);
      const status = effectiveStatus(order, now);
      if (status !== "OPEN") {
        return refused(errors.add("orderId", UserErrorCode.INVALID_STATE, `The order is ${status}; only open orders can be cancelled (cancel an awarded order's contracts instead).`));
      }
      await moveOrder(tx, order, "CANCELLED", actorOf(v), now, reason);
      await closeLiveBids(tx, order, actorOf(v), now);
      return ok((await findOrderById(tx, order.id))!);
    });
  }

  /** Records the expiry of orders overdue at `ctx.now` (closing their bids) and of bids past their validity; run periodically. */
  async expireOverdue(ctx: RequestContext): Promise<number> {
    return inTransaction(ctx, async ({ db: tx, now }) => {
      const expired = await expireOverdueOrders(tx, now);
      for (const order of expired) await closeLiveBids(tx, order, PLATFORM_ACTOR, now);
      await recordLapsedBids(tx, now);
      return expired.length;
    });
  }
}
