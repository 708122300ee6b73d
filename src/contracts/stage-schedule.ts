import { moveWork } from "../capacity/capacity-booking";
import type { Executor } from "../db/executor";
import type { ContractRow, OrderRow } from "../db/schema";
import { contractEvent } from "../events/domain-events";
import { appendEvents, PLATFORM_ACTOR, type DomainEvent } from "../events/event.repository";
import { stagesOfChain } from "../orders/order.repository";
import { addDays, daysBetween, localDate } from "../shared/time";
import { findContractsOfOrders, rescheduleContract } from "./contract.repository";

/**
 * A production chain's dates after one of its stages runs late.
 *
 * A stage's parts reach the stage it feeds when its last contract completes, plus the moving
 * days; a stage's contracts may start only when all its inputs have arrived (their start date).
 * A contract is expected complete on its promised date, or today when that has passed with
 * units still to deliver, or on a later date its stage knows of (the rework of rejected units);
 * a delivered one completed the day it was delivered. When the inputs of a stage are now expected after its contracts'
 * start, the contracts not yet delivering move later by as many days, their booked work with
 * them (`moveWork`), and so on down the chain to the final stage; their contractors and the
 * customer are told (CONTRACT_RESCHEDULED, by the platform).
 *
 * Dates only move later: a stage finishing early does not pull the next forward, whose
 * contractor planned its hours around the dates it was given.
 */
const LIVE = new Set(["AWARDED", "IN_PRODUCTION"]);

/**
 * When a contract's units are complete, or expected to be (null for a cancelled one): for a live
 * contract its promised date, or today once that has passed; for a DELIVERED or ACCEPTED one
 * the day it became so (its last change: such a contract changes no more until a rejection
 * sends it back to production). `known` holds later dates its stage knows of.
 */
export function expectedCompletion(contract: ContractRow, today: string, known: ReadonlyMap<number, string>): string | null {
  if (contract.status === "CANCELLED") return null;
  const due = !LIVE.has(contract.status) ? localDate(contract.updatedAt) : contract.promisedDate < today ? today : contract.promisedDate;
  const later = known.get(contract.id);
  return later !== undefined && later > due ? later : due;
}

/** The latest of some dates, nulls ignored; null when there is none. */
export const latest = (dates: (string | null)[]): string | null => dates.reduce<string | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);

/**
 * Moves the stages after `stage` as far as `known` (contract id -> the date it is now expected
 * complete) pushes them. Runs in the caller's transaction. Returns the contracts moved.
 */
export async function moveLaterStages(db: Executor, stage: Pick<OrderRow, "id" | "chainId" | "feedsOrderId">, known: ReadonlyMap<number, string>, now: Date): Promise<ContractRow[]> {
  if (stage.chainId === null || stage.feedsOrderId === null) return [];
  const today = localDate(now);
  const stages = await stagesOfChain(db, stage.chainId);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const all = await findContractsOfOrders(db, stages.map((s) => s.id));
  const contractsOf = new Map<number, ContractRow[]>(stages.map((s) => [s.id, all.filter((c) => c.orderId === s.id)]));
  const completionOf = (s: OrderRow) => latest(contractsOf.get(s.id)!.map((c) => expectedCompletion(c, today, known)));

  const moved: ContractRow[] = [];
  const events: DomainEvent[] = [];
  let current = byId.get(stage.id)!;
  while (current.feedsOrderId !== null) {
    const next = byId.get(current.feedsOrderId)!;
    const inputs = stages.filter((s) => s.feedsOrderId === next.id);
    const arrival = latest(
      inputs.map((input) => {
        const done = completionOf(input);
        return done === null ? null : addDays(done, input.moveDays);
      }),
    );
    if (arrival === null) break;
    let movedHere = 0;
    const contracts = contractsOf.get(next.id)!;
    for (const [i, contract] of contracts.entries()) {
      if (!LIVE.has(contract.status) || contract.pendingQuantity + contract.acceptedQuantity > 0 || contract.startDate >= arrival) continue;
      const shift = daysBetween(contract.startDate, arrival);
      const { completes, centihours } = await moveWork(db, { ...contract, capabilityId: next.capabilityId }, today, arrival, addDays(contract.promisedDate, shift));
      const promisedDate = completes ?? addDays(contract.promisedDate, shift);
      await rescheduleContract(db, contract.id, { startDate: arrival, promisedDate }, now);
      const unbooked = completes === null ? " Its work no longer fits the contractor's free hours within a year: it is left unbooked until the contractor frees hours." : "";
      events.push(
        contractEvent("CONTRACT_RESCHEDULED", contract, {
          centihours,
          note: `The parts of "${inputs.length === 1 ? inputs[0].title : "its inputs"}" now arrive on ${arrival}: work moves ${shift} days later, from ${arrival} (was ${contract.startDate}), promised for ${promisedDate} (was ${contract.promisedDate}).${unbooked}`,
        }),
      );
      contracts[i] = { ...contract, startDate: arrival, promisedDate, updatedAt: now };
      moved.push(contracts[i]);
      movedHere++;
    }
    if (movedHere === 0) break;
    current = next;
  }
  await appendEvents(db, PLATFORM_ACTOR, now, events);
  return moved;
}
