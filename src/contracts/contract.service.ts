import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { ContractRow } from "../db/schema";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { appendEvents, actorOf } from "../events/event.repository";
import { findOrderById } from "../orders/order.repository";
import { moveOrder } from "../orders/order.service";
import { deleteBookingsOfContract } from "../capacity/capacity.repository";
import { LIMITS, requiredName } from "../shared/validate";
import type { CancelContractInput, StartContractProductionInput } from "./contract.inputs";
import { cancelContract, contractEvent, findContractsByIds, transitionContract } from "./contract.repository";
import { contractWorkedOn } from "./contract-access";
import { settleOrder } from "./delivery.service";

/** Use cases of contracts and the engineer-hours booked for them. */
export class ContractService {

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
}
