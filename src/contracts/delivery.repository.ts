import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { countPerParent, pagePerParent, pagesPerParent, type Executor } from "../db/executor";
import type { PageRequest } from "../db/page";
import { only, rowsByIds } from "../db/prepared";
import { countRevenueInParkDay } from "./park-days.repository";
import { bookings, contracts, deliveries, type ContractStatusValue, type DeliveryRow, type DeliveryStatusValue } from "../db/schema";

export const findDeliveriesByIds = rowsByIds(deliveries);

export async function insertDelivery(db: Executor, values: typeof deliveries.$inferInsert): Promise<DeliveryRow> {
  return only(db.insert(deliveries).values(values).returning());
}

/** Decides a pending delivery (an accepted one counts into its contractor's park's revenue of the day); false if it was no longer pending. */
export async function decideDelivery(db: Executor, id: number, decision: { status: "ACCEPTED" | "REJECTED"; on: string; at: Date; rejectReason?: string }): Promise<boolean> {
  const changed = await db
    .update(deliveries)
    .set({ status: decision.status, decidedOn: decision.on, decidedAt: decision.at, rejectReason: decision.rejectReason ?? null })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "PENDING")))
    .returning({ companyId: deliveries.companyId, valueMinor: deliveries.valueMinor });
  if (changed.length === 1 && decision.status === "ACCEPTED") await countRevenueInParkDay(db, { ...changed[0], decidedOn: decision.on });
  return changed.length === 1;
}

/**
 * Splits a pending delivery: it keeps `keep` units (and their value), a new delivery of the
 * same day takes the rest, decided at once as `rest`. Returns the new one.
 */
export async function splitDelivery(db: Executor, delivery: DeliveryRow, keep: number, unitPriceMinor: number, rest: { status: "REJECTED"; on: string; at: Date; rejectReason: string }): Promise<DeliveryRow> {
  await db.update(deliveries).set({ quantity: keep, valueMinor: keep * unitPriceMinor }).where(eq(deliveries.id, delivery.id));
  const { id: _id, ...copy } = delivery;
  const quantity = delivery.quantity - keep;
  return insertDelivery(db, { ...copy, quantity, valueMinor: quantity * unitPriceMinor, status: rest.status, decidedOn: rest.on, decidedAt: rest.at, rejectReason: rest.rejectReason });
}

/** Adds to a contract's pending and accepted units and sets its status, in one statement. */
export async function moveContractUnits(db: Executor, id: number, change: { pending: number; accepted: number; status: ContractStatusValue; at: Date }): Promise<void> {
  await db
    .update(contracts)
    .set({
      pendingQuantity: sql`${contracts.pendingQuantity} + ${change.pending}`,
      acceptedQuantity: sql`${contracts.acceptedQuantity} + ${change.accepted}`,
      status: change.status,
      updatedAt: change.at,
    })
    .where(eq(contracts.id, id));
}

/** Frees a finished contract's engineer-hours booked in weeks after `week`. */
export async function releaseBookingsAfter(db: Executor, contractId: number, week: string): Promise<void> {
  await db.delete(bookings).where(and(eq(bookings.contractId, contractId), gt(bookings.week, week)));
}

/** A page of deliveries for each contract, in one statement. */
export const deliveriesPerContract = pagesPerParent(deliveries, deliveries.contractId);

const inStatuses = (statuses: readonly DeliveryStatusValue[]) => inArray(deliveries.status, [...statuses]);

/** A page of each contract's deliveries in some states (the customer's pending ones, say). */
export async function deliveriesPerContractIn(db: Executor, contractIds: readonly number[], page: PageRequest, statuses: readonly DeliveryStatusValue[]): Promise<DeliveryRow[]> {
  return await pagePerParent(db, deliveries, deliveries.contractId, contractIds, page, inStatuses(statuses));
}

export async function deliveryCountsPerContractIn(db: Executor, contractIds: readonly number[], statuses: readonly DeliveryStatusValue[]): Promise<Map<number, number>> {
  return await countPerParent(db, deliveries, deliveries.contractId, contractIds, inStatuses(statuses));
}
