import type { ContractStatusValue, ContractRow } from "../db/schema";
import type { Listed, Sort, SortedPageRequest } from "../db/page";
import { listContractsOfCompany, countContractsOfCompany, cancelContract, findContractsByIds, transitionContract } from "./contract.repository";
import { findEngineersByIds } from "../engineers/engineer.repository";
import { holds } from "../offers/engineer-skill.repository";
import { addBookings, bookedOnEngineer, findBooking, reduceBooking, deleteBookingsOfContract } from "../capacity/capacity.repository";
import { weekStart } from "../capacity/weeks";
import { engineerCentihours, LIMITS, requiredName } from "../shared/validate";
import { localDate } from "../shared/time";
import type { ReassignWorkInput, CancelContractInput, ContractSortField, StartContractProductionInput } from "./contract.inputs";
import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { appendEvents, actorOf } from "../events/event.repository";
import { findOrderById } from "../orders/order.repository";
import { moveOrder } from "../orders/order.service";
import { contractEvent } from "../events/domain-events";
import { contractWorkedOn } from "./contract-access";
import { settleOrder } from "./delivery.service";
import { statusesOf } from "../shared/statuses";

/** Use cases of contracts and the engineer-hours booked for them. */
export class ContractService {
  /** The viewer's company's contracts, as contractor or as customer, oldest first. */
  async listOwn(
    ctx: RequestContext,
    filter: { status?: ContractStatusValue | null; statuses?: readonly ContractStatusValue[] | null; updatedSince?: Date | null },
    sort: Sort<ContractSortField>,
    page: SortedPageRequest,
  ): Promise<Listed<ContractRow>> {
    const v = gate(ctx.viewer, "myContracts");
    const criteria = { statuses: statusesOf(filter), updatedSince: filter.updatedSince ?? undefined };
    return { rows: await listContractsOfCompany(ctx.db, v.companyId!, criteria, sort, page), count: () => countContractsOfCompany(ctx.db, v.companyId!, criteria) };
  }

  /** The contractor starts production; the first start moves the order to IN_PRODUCTION. */
  async startProduction(ctx: RequestContext, input: StartContractProductionInput): Promise<Outcome<ContractRow>> {
    const v = gate(ctx.viewer, "startContractProduction");
    const now = ctx.now;
    const errors = new UserErrors();
    return transact(ctx, async ({ db: tx }) => {
      const contract = await contractWorkedOn(tx, v, input.contractId, errors);
      if (!contract) return refused(errors);
      if (!await transitionContract(tx, contract.id, "AWARDED", "IN_PRODUCTION", now)) {
        throw new RefusedError(errors.add("contractId", UserErrorCode.INVALID_STATE, `The contract is ${contract.status}; only awarded contracts can start.`).list);
      }
      await appendEvents(tx, actorOf(v), now, [contractEvent("CONTRACT_STARTED", contract, { from: "AWARDED", to: "IN_PRODUCTION" })]);
      const order = (await findOrderById(tx, contract.orderId))!;
      if (order.status === "AWARDED") await moveOrder(tx, order, "IN_PRODUCTION", actorOf(v), now);
      return ok((await findContractsByIds(tx, [contract.id]))[0]);
    });
  }

  /**
   * The customer (or the coordinator) cancels a contract before every unit is delivered (and
   * with no delivery awaiting a decision): its bookings are released; when no live contract is
   * left the order completes (if any contract was accepted) or is cancelled. Revenue already
   * accepted on the contract stays recognised.
   */
  async cancel(ctx: RequestContext, input: CancelContractInput): Promise<Outcome<ContractRow>> {
    const v = gate(ctx.viewer, "cancelContract");
    const now = ctx.now;
    const errors = new UserErrors();
    const reason = requiredName(errors, "reason", input.reason, "Reason", LIMITS.descriptionLength);
    return transact(ctx, async ({ db: tx }) => {
      const id = idOf(input.contractId, "Contract");
      const contract = id === null ? undefined : (await findContractsByIds(tx, [id]))[0];
      if (!contract || !(v.role === "COORDINATOR" || contract.customerCompanyId === v.companyId)) {
        return refused(errors.add("contractId", UserErrorCode.NOT_FOUND, "No contract with this id that your company ordered."));
      }
      if (errors.any) return refused(errors);
      if (contract.pendingQuantity > 0) {
        return refused(errors.add("contractId", UserErrorCode.INVALID_STATE, `${contract.pendingQuantity} delivered units await your decision: accept or reject them first.`));
      }
      if (!await cancelContract(tx, contract.id, reason, now)) {
        return refused(errors.add("contractId", UserErrorCode.INVALID_STATE, `The contract is ${contract.status}; only awarded or running contracts can be cancelled.`));
      }
      await deleteBookingsOfContract(tx, contract.id);
      await appendEvents(tx, actorOf(v), now, [contractEvent("CONTRACT_CANCELLED", contract, { from: contract.status, to: "CANCELLED", note: reason })]);
      await settleOrder(tx, contract.orderId, actorOf(v), now, `Last contract cancelled: ${reason}`);
      return ok((await findContractsByIds(tx, [contract.id]))[0]);
    });
  }

  /**
   * Moves booked hours of a contract from one engineer to another of the same company in the
   * same week, within the receiver's free hours. The contract's total never changes.
   */
  async reassignWork(ctx: RequestContext, input: ReassignWorkInput): Promise<Outcome<ContractRow>> {
    const v = gate(ctx.viewer, "reassignWork");
    const now = ctx.now;
    const errors = new UserErrors();
    const centihours = engineerCentihours(errors, "hours", input.hours);
    const week = weekStart(input.weekOf);
    if (week < weekStart(localDate(now))) errors.add("weekOf", UserErrorCode.OUT_OF_RANGE, "Only work of this week or later can be reassigned.");
    return transact(ctx, async ({ db: tx }) => {
      const contract = await contractWorkedOn(tx, v, input.contractId, errors);
      if (!contract) return refused(errors);
      const [from, to] = await Promise.all(
        [input.fromEngineerId, input.toEngineerId].map(async (gid) => {
          const id = idOf(gid, "Engineer");
          const engineer = id === null ? undefined : (await findEngineersByIds(tx, [id]))[0];
          return engineer && engineer.companyId === contract.companyId ? engineer : undefined;
        }),
      );
      if (!from) errors.add("fromEngineerId", UserErrorCode.NOT_FOUND, "No engineer with this id in the contractor's company.");
      if (!to) errors.add("toEngineerId", UserErrorCode.NOT_FOUND, "No engineer with this id in the contractor's company.");
      if (from && to && from.id === to.id) errors.add("toEngineerId", UserErrorCode.INVALID_STATE, "Reassign to a different engineer.");
      if (to && !to.active) errors.add("toEngineerId", UserErrorCode.INVALID_STATE, "The engineer is inactive and takes no work.");
      if (contract.status !== "AWARDED" && contract.status !== "IN_PRODUCTION") {
        errors.add("contractId", UserErrorCode.INVALID_STATE, `The contract is ${contract.status}; its work cannot move.`);
      }
      if (errors.any || !from || !to) return refused(errors);
      const order = (await findOrderById(tx, contract.orderId))!;
      if (!(await holds(tx, to.id, order.capabilityId))) {
        return refused(errors.add("toEngineerId", UserErrorCode.INVALID_STATE, `${to.name} does not hold the order's capability: give them it first (updateEngineer's capabilityIds).`));
      }
      const booking = await findBooking(tx, contract.id, from.id, week);
      if (!booking || booking.centihours < centihours) {
        return refused(
          errors.add("hours", UserErrorCode.OUT_OF_RANGE, `Only ${(booking?.centihours ?? 0) / 100} h of this contract are booked on that engineer that week.`, {
            kind: "range",
            maximum: (booking?.centihours ?? 0) / 100,
            actual: centihours / 100,
          }),
        );
      }
      const free = to.weeklyHours * 100 - await bookedOnEngineer(tx, to.id, week);
      if (free < centihours) {
        return refused(
          errors.add("hours", UserErrorCode.INSUFFICIENT_CAPACITY, `The receiving engineer has only ${Math.max(0, free) / 100} free hours that week.`, {
            kind: "capacity",
            neededCentihours: centihours,
            freeCentihours: Math.max(0, free),
          }),
        );
      }
      await reduceBooking(tx, booking, centihours);
      await addBookings(tx, contract.id, [{ engineerId: to.id, week, centihours }]);
      await appendEvents(tx, actorOf(v), now, [contractEvent("BOOKINGS_MOVED", contract, { centihours, note: `From ${from.name} to ${to.name}, week of ${week}.` })]);
      return ok((await findContractsByIds(tx, [contract.id]))[0]);
    });
  }
}
