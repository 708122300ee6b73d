import { requireRole, type Viewer } from "../auth/viewer";
import { writeTransaction, type Executor } from "../db/executor";
import type { ContractRow } from "../db/schema";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { actorOf, findOrderById } from "../orders/order.repository";
import { moveOrder } from "../orders/order.service";
import type { Clock } from "../shared/time";
import type { StartContractProductionInput } from "./contract.inputs";
import { findContractsByIds, transitionContract } from "./contract.repository";

/** Use cases of contracts. */
export class ContractService {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  /** The contractor starts production; the first start moves the order to IN_PRODUCTION. */
  startProduction(viewer: Viewer | null, input: StartContractProductionInput): Outcome<ContractRow> {
    const v = requireRole(viewer, ["MEMBER"], "start production (the contractor)");
    const now = this.clock();
    const errors = new UserErrors();
    return writeTransaction(this.db, (tx) => {
      const id = idOf(input.contractId, "Contract");
      const contract = id === null ? undefined : findContractsByIds(tx, [id])[0];
      if (!contract || contract.companyId !== v.companyId) {
        return refused(errors.add("contractId", UserErrorCode.NOT_FOUND, "No contract with this id that your company works on."));
      }
      if (!transitionContract(tx, contract.id, "AWARDED", "IN_PRODUCTION", now)) {
        throw new RefusedError(errors.add("contractId", UserErrorCode.INVALID_STATE, `The contract is ${contract.status}; only awarded contracts can start.`).list);
      }
      const order = findOrderById(tx, contract.orderId)!;
      if (order.status === "AWARDED") moveOrder(tx, order, "IN_PRODUCTION", actorOf(v), now);
      return ok(findContractsByIds(tx, [contract.id])[0]);
    });
  }
}
