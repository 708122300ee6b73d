import { actsFor } from "../access/policy";
import { type Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { ContractRow } from "../db/schema";
import { UserErrorCode, type UserErrors } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { findContractsByIds } from "./contract.repository";

/**
 * The contract with this global id if the viewer acts for its contractor (a member of it, or the
 * coordinator); else a NOT_FOUND user error on contractId, so others' contracts look missing.
 */
export async function contractWorkedOn(db: Executor, viewer: Viewer, contractId: string, errors: UserErrors): Promise<ContractRow | undefined> {
  const id = idOf(contractId, "Contract");
  const contract = id === null ? undefined : (await findContractsByIds(db, [id]))[0];
  if (!contract || !actsFor(viewer, contract.companyId)) {
    errors.add("contractId", UserErrorCode.NOT_FOUND, "No contract with this id that your company works on.");
    return undefined;
  }
  return contract;
}
