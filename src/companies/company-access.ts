import { actsFor, gate, produces, sees } from "../access/policy";
import { type Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { CompanyRow } from "../db/schema";
import { badUserInput, notFound, UserErrorCode, type UserErrors } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { findCompanyById } from "./company.repository";

/**
 * The company a mutation acts on: the given one if the viewer acts for it, else the member's
 * own company when none is given. A company the viewer may not act for is reported exactly
 * like a missing one (NOT_FOUND), so ids of other companies reveal nothing.
 */
export async function companyActedOn(
  db: Executor,
  viewer: Viewer,
  companyId: string | null | undefined,
  errors: UserErrors,
  field = "companyId",
): Promise<CompanyRow | undefined> {
  if (companyId == null) {
    if (viewer.companyId === null) {
      errors.add(field, UserErrorCode.COMPANY_REQUIRED, "Name the company to act on.");
      return undefined;
    }
    return await findCompanyById(db, viewer.companyId);
  }
  const id = idOf(companyId, "Company");
  const company = id === null ? undefined : await findCompanyById(db, id);
  if (!company || !actsFor(viewer, company.id)) {
    errors.add(field, UserErrorCode.NOT_FOUND, "No company with this id that you may act for.");
    return undefined;
  }
  return company;
}

/**
 * The contract company named by `companyId` (default: the viewer's own) if the viewer acts for
 * it (its members, the coordinator); anything else is NOT_FOUND, so others' ids reveal nothing.
 */
export async function contractCompanyOf(db: Executor, viewer: Viewer | null, companyId: string | null | undefined, what: string): Promise<CompanyRow> {
  const v = gate(viewer, "companyReports");
  const id = companyId == null ? v.companyId : idOf(companyId, "Company");
  if (id === null && companyId == null) throw badUserInput("Name the company (companyId).", "companyId");
  const company = id === null ? undefined : await findCompanyById(db, id);
  if (!company || !produces(company.kind) || !sees(v, "Company.internalReports", { owner: company.id })) throw notFound(`No contract company with this id whose ${what} you may see.`);
  return company;
}
