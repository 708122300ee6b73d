import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { Executor } from "../db/executor";
import type { ContractRow, OrderRow } from "../db/schema";
import { orderEvent } from "../events/domain-events";
import { actorOf, appendEvents } from "../events/event.repository";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { findOrderById, findOrdersReplacingAny, insertOrder } from "../orders/order.repository";
import { groupBy } from "../shared/group-by";
import { toMoney, type Currency } from "../graphql/money";
import { effectiveStatus } from "../orders/order-state";
import { ownedOrder } from "../orders/order.service";
import { checkOrderTerms } from "../orders/order-terms";
import { idempotent } from "../shared/idempotency";
import { localDate } from "../shared/time";
import { futureInstant } from "../shared/validate-dates";
import { findContractsOfOrders } from "./contract.repository";
import type { ReorderCancelledUnitsInput } from "./contract.inputs";

/**
 * The units of an order no contract holds and no order placing them again covers: what its
 * cancelled contracts left undelivered (a cancelled contract keeps the units accepted on it;
 * the rest come back), less the units of the orders that place them again and still stand
 * (open, awarded, in production or completed). 0 for an order never awarded.
 */
export function unitsToPlaceAgain(order: Pick<OrderRow, "quantity">, contracts: readonly ContractRow[], replacing: readonly Pick<OrderRow, "quantity" | "status" | "biddingClosesAt">[], now: Date): number {
  if (contracts.length === 0) return 0;
  const held = contracts.reduce((sum, c) => sum + (c.status === "CANCELLED" ? c.acceptedQuantity : c.quantity), 0);
  const placed = replacing.filter((o) => !["CANCELLED", "EXPIRED"].includes(effectiveStatus(o, now))).reduce((sum, o) => sum + o.quantity, 0);
  return Math.max(0, order.quantity - held - placed);
}

/** unitsToPlaceAgain of many orders at once: their contracts and the orders replacing them in two statements. */
export async function unitsToPlaceAgainOfOrders(db: Executor, orders: readonly OrderRow[], now: Date): Promise<number[]> {
  const ids = orders.map((o) => o.id);
  const contracts = groupBy(await findContractsOfOrders(db, ids), (c) => c.orderId);
  const replacing = groupBy(await findOrdersReplacingAny(db, ids), (o) => o.replacesOrderId!);
  return orders.map((order) => unitsToPlaceAgain(order, contracts.get(order.id) ?? [], replacing.get(order.id) ?? [], now));
}

/** Placing again the units of an order that cancelled contracts left. */
export class ReorderService {
  /**
   * A new order for the units its cancelled contracts left, on the old order's terms (capability,
   * title, description, price limit, sourcing policy) with new dates, linked to it
   * (replacesOrderId): its bids, award and contracts run as any order's. A chain stage's units
   * are placed again through its chain's stages and are refused here.
   */
  async reorder(ctx: RequestContext, input: ReorderCancelledUnitsInput): Promise<Outcome<OrderRow>> {
    const v = gate(ctx.viewer, "reorderCancelledUnits");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "reorderCancelledUnits", input.idempotencyKey, input, async () => {
        const errors = new UserErrors();
        const order = await ownedOrder(tx, v, input.orderId, errors);
        if (!order) return refused(errors);
        if (order.chainId !== null) return refused(errors.add("orderId", UserErrorCode.INVALID_STATE, "This order is a stage of a production chain: place its units again through a new chain."));
        const [units] = await unitsToPlaceAgainOfOrders(tx, [order], now);
        if (units === 0) {
          return refused(errors.add("orderId", UserErrorCode.INVALID_STATE, "No units to place again: every unit is held by a contract (or was accepted) or by an order placing it again."));
        }
        const terms = checkOrderTerms(
          errors,
          {
            quantity: units,
            neededBy: input.neededBy,
            maxUnitPrice: order.maxUnitPriceMinor === null ? null : toMoney(order.maxUnitPriceMinor, order.currency as Currency),
            // The old policy, loosened only as far as fewer units need: one unit at least per contractor.
            sourcingPolicy: { maxSharePercent: Math.max(order.maxSharePercent, Math.ceil(100 / units)), minContractors: Math.min(order.minContractors, units), minScore: order.minScore, valuePerDayEarlier: null },
          },
          now,
        );
        const closesAt = futureInstant(errors, "biddingClosesAt", input.biddingClosesAt, "Bidding close", now);
        if (!errors.any && localDate(closesAt) >= terms.neededBy) errors.add("biddingClosesAt", UserErrorCode.OUT_OF_RANGE, "Bidding must close before the needed-by date.");
        if (errors.any) return refused(errors);
        const again = await insertOrder(tx, {
          companyId: order.companyId,
          capabilityId: order.capabilityId,
          title: order.title,
          description: order.description,
          ...terms,
          // The value of a day earlier is carried over as it was, in kopecks.
          valuePerDayMinor: order.valuePerDayMinor,
          currency: order.currency,
          biddingClosesAt: closesAt,
          replacesOrderId: order.id,
          status: "OPEN",
          createdAt: now,
          updatedAt: now,
        });
        await appendEvents(tx, actorOf(v), now, [orderEvent(again, null, "OPEN", `Posted again: ${units} of the ${order.quantity} units of order ${order.id} that cancelled contracts left.`)]);
        return ok(again);
      }, (row) => row.id, async (id) => (await findOrderById(tx, id))!, now),
    );
  }
}
