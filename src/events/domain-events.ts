import type { BidRow, BidStatusValue, ContractRow, EventTypeValue, OrderRow, OrderStatusValue, QuestionRow } from "../db/schema";
import type { DomainEvent } from "./event.repository";

/**
 * The events each kind of change records, with the ids and the companies they concern (who
 * may hear of them). Built here, next to the log, so that every domain writes them alike.
 */

/** An order as its events name it: its id and its owner. */
export type OrderRef = Pick<OrderRow, "id" | "companyId">;

/** The event that records an order entering each state. */
const ORDER_EVENT: Record<OrderStatusValue, EventTypeValue> = {
  OPEN: "ORDER_POSTED",
  AWARDED: "ORDER_AWARDED",
  IN_PRODUCTION: "ORDER_IN_PRODUCTION",
  COMPLETED: "ORDER_COMPLETED",
  CANCELLED: "ORDER_CANCELLED",
  EXPIRED: "ORDER_EXPIRED",
};

/** The event of a contract's (or one of its deliveries') change: its contractor and customer may hear of it. */
export function contractEvent(
  type: EventTypeValue,
  contract: Pick<ContractRow, "id" | "orderId" | "bidId" | "companyId" | "customerCompanyId">,
  change: { from?: string | null; to?: string | null; deliveryId?: number; quantity?: number; centihours?: number; note?: string } = {},
): DomainEvent {
  return {
    type,
    orderId: contract.orderId,
    bidId: contract.bidId,
    contractId: contract.id,
    deliveryId: change.deliveryId ?? null,
    customerCompanyId: contract.customerCompanyId,
    contractorCompanyId: contract.companyId,
    fromStatus: change.from ?? null,
    toStatus: change.to ?? null,
    quantity: change.quantity ?? null,
    centihours: change.centihours ?? null,
    note: change.note ?? "",
  };
}

/** The event of an order moving from `from` (null: posted) to `to`. */
export function orderEvent(order: OrderRef, from: OrderStatusValue | null, to: OrderStatusValue, note = ""): DomainEvent {
  return { type: ORDER_EVENT[to], orderId: order.id, customerCompanyId: order.companyId, fromStatus: from, toStatus: to, note };
}


/**
 * The event of a question's change: asked and answered concern the asker and the order's owner;
 * published (`toEveryone`) concerns the order as a whole, so everyone who may see it hears of it.
 */
export function questionEvent(type: EventTypeValue, order: OrderRef, question: Pick<QuestionRow, "id" | "companyId">, toEveryone = false): DomainEvent {
  return { type, orderId: order.id, questionId: question.id, customerCompanyId: order.companyId, contractorCompanyId: toEveryone ? null : question.companyId, note: "" };
}

/** The event of a bid's change: the bidder and the order's owner may hear of it. */
export const bidEvent = (type: EventTypeValue, order: OrderRef, bid: Pick<BidRow, "id" | "companyId">, from: BidStatusValue | null, to: BidStatusValue | null, note = ""): DomainEvent => ({
  type,
  orderId: order.id,
  bidId: bid.id,
  customerCompanyId: order.companyId,
  contractorCompanyId: bid.companyId,
  fromStatus: from,
  toStatus: to,
  note,
});
