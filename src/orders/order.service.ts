import type { OrderSortField, CancelOrderInput, PostOrderInput } from "./order.inputs";
import type { Sort, SortedPageRequest, Listed } from "../db/page";
import { listOpenOrders, listOrders, countOrders, countOpenOrders, type OpenOrderCriteria, type OrderCriteria, expireOverdueOrders, findOrderById, insertOrder, transitionOrder } from "./order.repository";
import { gate, memberOf, orderRefusal, produces } from "../access/policy";
import { parkKindOfCompany } from "../companies/company.repository";
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
import { appendEvents, actorOf, PLATFORM_ACTOR, type Actor } from "../events/event.repository";
import { orderEvent } from "../events/domain-events";
import { statusesOf } from "../shared/statuses";

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
/** What a list of orders may be narrowed by (OrderFilter). */
export interface OrderListFilter {
  status?: OrderStatusValue | null;
  statuses?: readonly OrderStatusValue[] | null;
  updatedSince?: Date | null;
}

/** The repository's criteria; `status` (deprecated) joins `statuses`. */
function criteriaOf(filter: OrderListFilter): OrderCriteria {
  const statuses = statusesOf(filter);
  return { statuses: statuses.length > 0 ? statuses : undefined, updatedSince: filter.updatedSince ?? undefined };
}

export class OrderService {
  /**
   * Orders taking bids now, sorted and paged: for a producer (contract company, research
   * institute) those needing a capability it actively offers, but its own; for the coordinator,
   * universities and suppliers all.
   */
  async listOpen(
    ctx: RequestContext,
    filter: { capabilityId?: string | null; neededFrom?: string | null; neededUntil?: string | null },
    sort: { field: OrderSortField; descending: boolean },
    page: SortedPageRequest,
  ): Promise<Listed<OrderRow>> {
    const v = gate(ctx.viewer, "openOrders");
    const capabilityId = filter.capabilityId == null ? undefined : idOf(filter.capabilityId, "Capability");
    // An id that is no capability's matches no order.
    if (capabilityId === null) return { rows: [], count: async () => 0 };
    // A producer sees the orders in what it offers, but its own; a university or supplier watches them all.
    const producer = v.role === "MEMBER" && produces(v.companyKind);
    const criteria: OpenOrderCriteria = {
      offeredByCompanyId: producer ? v.companyId! : undefined,
      notOwnedBy: producer ? v.companyId! : undefined,
      capabilityId,
      neededFrom: filter.neededFrom ?? undefined,
      neededUntil: filter.neededUntil ?? undefined,
    };
    return { rows: await listOpenOrders(ctx.db, criteria, sort, page, ctx.now), count: () => countOpenOrders(ctx.db, criteria, ctx.now) };
  }

  /** The viewer's product company's orders, oldest first. */
  async listOwn(ctx: RequestContext, filter: OrderListFilter, sort: Sort<OrderSortField>, page: SortedPageRequest): Promise<Listed<OrderRow>> {
    const v = gate(ctx.viewer, "myOrders");
    const criteria = { ...criteriaOf(filter), companyId: v.companyId! };
    return { rows: await listOrders(ctx.db, criteria, sort, page, ctx.now), count: () => countOrders(ctx.db, criteria, ctx.now) };
  }

  /** Every order on the platform, oldest first: the coordinator's. */
  async listAll(ctx: RequestContext, filter: OrderListFilter & { companyId?: string | null }, sort: Sort<OrderSortField>, page: SortedPageRequest): Promise<Listed<OrderRow>> {
    gate(ctx.viewer, "orders");
    const companyId = filter.companyId == null ? undefined : idOf(filter.companyId, "Company");
    if (companyId === null) return { rows: [], count: async () => 0 };
    const criteria = { ...criteriaOf(filter), companyId };
    return { rows: await listOrders(ctx.db, criteria, sort, page, ctx.now), count: () => countOrders(ctx.db, criteria, ctx.now) };
  }

  /**
   * A product company posts an order. Contract companies may not (the technopark split).
   * The sourcing policy must leave at least one possible award.
   */
  async post(ctx: RequestContext, input: PostOrderInput): Promise<Outcome<OrderRow>> {
    const v = gate(ctx.viewer, "postOrder");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "postOrder", input.idempotencyKey, input, () => this.postOnce(tx, v, input, now), (order) => order.id, async (id) => (await findOrderById(tx, id))!, now),
    );
  }

  private async postOnce(db: Executor, v: Viewer, input: PostOrderInput, now: Date): Promise<Outcome<OrderRow>> {
    const errors = new UserErrors();
    const refusal = orderRefusal(v.companyKind!, await parkKindOfCompany(db, v.companyId!));
    if (refusal) return refused(errors.add(null, refusal.code, refusal.message));
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
    return inTransaction(ctx, async ({ db: tx, tx: transaction, now }) => {
      // One process sweeps for all: another one's sweep in progress means there is nothing to do
      // (its rows would conflict with ours and be retried for nothing).
      if (!(await transaction.tryLock("expiry-sweep"))) return 0;
      const expired = await expireOverdueOrders(tx, now);
      for (const order of expired) await closeLiveBids(tx, order, PLATFORM_ACTOR, now);
      await recordLapsedBids(tx, now);
      return expired.length;
    });
  }
}
