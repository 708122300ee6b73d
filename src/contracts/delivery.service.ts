import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { type Viewer } from "../core/viewer";
import { earliestFit } from "../capacity/capacity-booking";
import { weekStart } from "../capacity/weeks";
import type { Executor } from "../db/executor";
import type { ContractRow, ContractStatusValue, DeliveryRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { appendEvents, actorOf, type Actor } from "../events/event.repository";
import { findOrderById } from "../orders/order.repository";
import { moveOrder } from "../orders/order.service";
import { idempotent } from "../shared/idempotency";
import { localDate } from "../shared/time";
import { LIMITS, optionalText, requiredName } from "../shared/validate";
import type { AcceptDeliveryInput, RecordDeliveryInput, RejectDeliveryInput } from "./contract.inputs";
import { contractWorkedOn } from "./contract-access";
import { findContractsByIds, findContractsOfOrder } from "./contract.repository";
import { contractEvent } from "../events/domain-events";
import { moveLaterStages } from "./stage-schedule";
import { decideDelivery, findDeliveriesByIds, insertDelivery, moveContractUnits, releaseBookingsAfter, splitDelivery } from "./delivery.repository";

export interface DeliveryChange {
  delivery: DeliveryRow;
  contract: ContractRow;
}

/** Contracts that still have work or decisions ahead; an order completes when none is left. */
export const LIVE_CONTRACT_STATUSES: readonly ContractStatusValue[] = ["AWARDED", "IN_PRODUCTION", "DELIVERED"];

/**
 * After a contract stops being live (accepted or cancelled): when none of its order's contracts
 * is live, the order is COMPLETED if any was accepted, else CANCELLED.
 */
export async function settleOrder(db: Executor, orderId: number, actor: Actor, now: Date, cancelNote: string): Promise<void> {
  const contracts = await findContractsOfOrder(db, orderId);
  if (contracts.some((c) => LIVE_CONTRACT_STATUSES.includes(c.status))) return;
  const order = (await findOrderById(db, orderId))!;
  if (contracts.some((c) => c.status === "ACCEPTED")) await moveOrder(db, order, "COMPLETED", actor, now, "Every contract accepted or cancelled.");
  else await moveOrder(db, order, "CANCELLED", actor, now, cancelNote);
}

/**
 * Production: the contractor delivers units of a contract (partial deliveries too), the
 * customer accepts or rejects each delivery. Revenue is recognised at acceptance.
 */
export class DeliveryService {
  async record(ctx: RequestContext, input: RecordDeliveryInput): Promise<Outcome<DeliveryChange>> {
    const v = gate(ctx.viewer, "recordDelivery");
    const now = ctx.now;
    const today = localDate(now);
    return this.once(ctx, v, "recordDelivery", input, now, async (tx) => {
      const errors = new UserErrors();
      const note = optionalText(errors, "note", input.note, "Note");
      const contract = await contractWorkedOn(tx, v, input.contractId, errors);
      if (!contract) return refused(errors);
      if (contract.status !== "IN_PRODUCTION") {
        const why = contract.status === "AWARDED" ? "start production first" : contract.status === "DELIVERED" ? "every unit is delivered and awaits the customer" : "it takes no more deliveries";
        errors.add("contractId", UserErrorCode.INVALID_STATE, `The contract is ${contract.status}: ${why}.`);
      }
      const remaining = contract.quantity - contract.pendingQuantity - contract.acceptedQuantity;
      if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > remaining) {
        errors.add("quantity", UserErrorCode.QUANTITY_OUT_OF_RANGE, `Deliver from 1 to the ${remaining} units still to deliver.`, { kind: "range", minimum: 1, maximum: remaining, actual: input.quantity });
      }
      if (errors.any) return refused(errors);
      const delivery = await insertDelivery(tx, {
        contractId: contract.id,
        companyId: contract.companyId,
        customerCompanyId: contract.customerCompanyId,
        quantity: input.quantity,
        valueMinor: input.quantity * contract.unitPriceMinor,
        currency: contract.currency,
        status: "PENDING",
        deliveredOn: today,
        late: today > contract.promisedDate,
        note,
        createdAt: now,
      });
      const complete = input.quantity === remaining;
      await moveContractUnits(tx, contract.id, { pending: input.quantity, accepted: 0, status: complete ? "DELIVERED" : "IN_PRODUCTION", at: now });
      await appendEvents(tx, actorOf(v), now, [contractEvent("DELIVERY_RECORDED", contract, { deliveryId: delivery.id, to: "PENDING", quantity: input.quantity, note: delivery.late ? `Late: promised for ${contract.promisedDate}.` : "" })]);
      // A late stage of a production chain: its parts reach the next stage no sooner than today.
      if (delivery.late) await moveLaterStages(tx, (await findOrderById(tx, contract.orderId))!, new Map([[contract.id, today]]), now);
      return ok({ delivery, contract: (await findContractsByIds(tx, [contract.id]))[0] });
    });
  }

  /**
   * The customer accepts a delivery, or part of it (`quantity`) with the rest rejected for a
   * reason, in one step: revenue today for what is accepted; the rejected units are due again
   * (as `reject` has it); the last units accepted finish the contract, and maybe the order.
   */
  async accept(ctx: RequestContext, input: AcceptDeliveryInput): Promise<Outcome<DeliveryChange>> {
    const v = gate(ctx.viewer, "acceptDelivery");
    const now = ctx.now;
    const today = localDate(now);
    return this.once(ctx, v, "acceptDelivery", input, now, async (tx) => {
      const errors = new UserErrors();
      const found = await this.pendingOfCustomer(tx, v, input.deliveryId, errors);
      if (!found) return refused(errors);
      const { delivery, contract } = found;
      const accepted = input.quantity ?? delivery.quantity;
      if (!Number.isSafeInteger(accepted) || accepted < 1 || accepted > delivery.quantity) {
        return refused(errors.add("quantity", UserErrorCode.QUANTITY_OUT_OF_RANGE, `Accept from 1 to the delivery's ${delivery.quantity} units (to accept none, reject it).`, { kind: "range", minimum: 1, maximum: delivery.quantity, actual: accepted }));
      }
      const partly = accepted < delivery.quantity;
      const reason = partly ? requiredName(errors, "rejectReason", input.rejectReason ?? "", "The reason for the units not accepted", LIMITS.descriptionLength) : null;
      if (!partly && input.rejectReason != null) errors.add("rejectReason", UserErrorCode.INVALID_STATE, "Every unit is accepted: there is nothing to reject.");
      if (errors.any) return refused(errors);
      const rejected = partly ? await splitDelivery(tx, delivery, accepted, contract.unitPriceMinor, { status: "REJECTED", on: today, at: now, rejectReason: reason! }) : null;
      await decideDelivery(tx, delivery.id, { status: "ACCEPTED", on: today, at: now });
      const done = contract.acceptedQuantity + accepted === contract.quantity;
      const stillDelivered = contract.pendingQuantity - delivery.quantity + contract.acceptedQuantity + accepted === contract.quantity;
      const status = done ? "ACCEPTED" : stillDelivered ? contract.status : "IN_PRODUCTION";
      await moveContractUnits(tx, contract.id, { pending: -delivery.quantity, accepted, status, at: now });
      await appendEvents(tx, actorOf(v), now, [
        contractEvent("DELIVERY_ACCEPTED", contract, { deliveryId: delivery.id, from: "PENDING", to: "ACCEPTED", quantity: accepted, note: partly ? `${accepted} of ${delivery.quantity} units accepted.` : "" }),
        ...(done ? [contractEvent("CONTRACT_COMPLETED", contract, { from: contract.status, to: "ACCEPTED", quantity: contract.quantity })] : []),
      ]);
      if (rejected) await this.unitsDueAgain(tx, v, contract, rejected, reason!, now);
      if (done) {
        // Work finished early frees the engineers' later weeks for other orders.
        await releaseBookingsAfter(tx, contract.id, weekStart(today));
        await settleOrder(tx, contract.orderId, actorOf(v), now, "");
      }
      return ok(await this.changeOf(tx, delivery.id));
    });
  }

  /** The customer rejects for quality: the units are to be delivered again. */
  async reject(ctx: RequestContext, input: RejectDeliveryInput): Promise<Outcome<DeliveryChange>> {
    const v = gate(ctx.viewer, "rejectDelivery");
    const now = ctx.now;
    return this.once(ctx, v, "rejectDelivery", input, now, async (tx) => {
      const errors = new UserErrors();
      const reason = requiredName(errors, "reason", input.reason, "Reason", LIMITS.descriptionLength);
      const found = await this.pendingOfCustomer(tx, v, input.deliveryId, errors);
      if (!found || errors.any) return refused(errors);
      const { delivery, contract } = found;
      await decideDelivery(tx, delivery.id, { status: "REJECTED", on: localDate(now), at: now, rejectReason: reason });
      await moveContractUnits(tx, contract.id, { pending: -delivery.quantity, accepted: 0, status: "IN_PRODUCTION", at: now });
      await this.unitsDueAgain(tx, v, contract, delivery, reason, now);
      return ok(await this.changeOf(tx, delivery.id));
    });
  }

  /**
   * Rejected units are due again: the event says when the contractor's free hours from this week
   * let it make them again, no sooner than promised (not booked: a contract's bookings stay its
   * work as awarded), and a chain's later stages move by that date.
   */
  private async unitsDueAgain(tx: Executor, v: Viewer, contract: ContractRow, rejected: DeliveryRow, reason: string, now: Date): Promise<void> {
    const today = localDate(now);
    const rework = rejected.quantity * contract.centihoursPerUnit;
    const order = (await findOrderById(tx, contract.orderId))!;
    const redelivery = (await earliestFit(tx, { ...contract, capabilityId: order.capabilityId }, rework, today, today, contract.promisedDate)).completes;
    const plan = redelivery === null ? "Making them again does not fit the contractor's free hours within a year." : `Made again, they are expected by ${redelivery}.`;
    await appendEvents(tx, actorOf(v), now, [contractEvent("DELIVERY_REJECTED", contract, { deliveryId: rejected.id, from: "PENDING", to: "REJECTED", quantity: rejected.quantity, centihours: rework, note: `${reason} ${plan}` })]);
    if (redelivery !== null) await moveLaterStages(tx, order, new Map([[contract.id, redelivery]]), now);
  }

  /** Runs a delivery use case in one write transaction, at most once per idempotency key; a replay answers the delivery as it is now. */
  private once(ctx: RequestContext, v: Viewer, operation: string, input: { idempotencyKey?: string | null }, now: Date, write: (tx: Executor) => Promise<Outcome<DeliveryChange>>): Promise<Outcome<DeliveryChange>> {
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, operation, input.idempotencyKey, input, () => write(tx), (change) => change.delivery.id, (deliveryId) => this.changeOf(tx, deliveryId), now),
    );
  }

  /** A pending delivery on one of the viewer's orders, or a user error (others' deliveries look missing). */
  private async pendingOfCustomer(db: Executor, v: Viewer, deliveryId: string, errors: UserErrors): Promise<DeliveryChange | undefined> {
    const id = idOf(deliveryId, "Delivery");
    const delivery = id === null ? undefined : (await findDeliveriesByIds(db, [id]))[0];
    if (!delivery || delivery.customerCompanyId !== v.companyId) {
      errors.add("deliveryId", UserErrorCode.NOT_FOUND, "No delivery with this id on an order your company posted.");
      return undefined;
    }
    if (delivery.status !== "PENDING") {
      errors.add("deliveryId", UserErrorCode.INVALID_STATE, `The delivery was already ${delivery.status.toLowerCase()} on ${delivery.decidedOn}.`);
      return undefined;
    }
    return { delivery, contract: (await findContractsByIds(db, [delivery.contractId]))[0] };
  }

  private async changeOf(db: Executor, deliveryId: number): Promise<DeliveryChange> {
    const delivery = (await findDeliveriesByIds(db, [deliveryId]))[0];
    return { delivery, contract: (await findContractsByIds(db, [delivery.contractId]))[0] };
  }
}
