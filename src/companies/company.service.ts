import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { createToken, type IssuedToken } from "../auth/api-token.service";
import type { CompanyRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { findParksByIds } from "../parks/park.repository";
import { nameKey } from "../shared/text";
import { intInRange, LIMITS, optionalText, requiredName } from "../shared/validate";
import { companyActedOn } from "./company-access";
import type { RegisterCompanyInput, UpdateCompanyProfileInput } from "./company.inputs";
import { findCompanyByNameKey, insertCompany, updateCompany } from "./company.repository";

export interface RegisteredCompany {
  company: CompanyRow;
  firstToken: IssuedToken;
}

/** Use cases of companies. */
export class CompanyService {

  /**
   * Self-service registration: anyone may register a company in an existing park and gets
   * its first MEMBER token, once. The kind is fixed from here on.
   */
  async register(ctx: RequestContext, input: RegisterCompanyInput): Promise<Outcome<RegisteredCompany>> {
    const errors = new UserErrors();
    const name = requiredName(errors, "name", input.name, "Company name");
    const description = optionalText(errors, "description", input.description, "Description");
    intInRange(errors, "employeeCount", input.employeeCount, "Employee count", 1, LIMITS.maxEmployees);
    const holderName = requiredName(errors, "representativeName", input.representativeName, "Representative name");
    const parkId = idOf(input.parkId, "Park");
    return transact(ctx, async ({ db: tx }) => {
      const park = parkId === null ? undefined : (await findParksByIds(tx, [parkId]))[0];
      if (!park) errors.add("parkId", UserErrorCode.NOT_FOUND, "No park with this id.");
      else if (name && await findCompanyByNameKey(tx, park.id, nameKey(name))) {
        errors.add("name", UserErrorCode.TAKEN, `A company named "${name}" is already registered in this park.`);
      }
      if (errors.any || !park) return refused(errors);
      const now = ctx.now;
      const company = await insertCompany(tx, {
        parkId: park.id,
        name,
        nameKey: nameKey(name),
        kind: input.kind,
        description,
        employeeCount: input.employeeCount,
        createdAt: now,
      });
      const firstToken = await createToken(tx, { role: "MEMBER", companyId: company.id, holderName }, now);
      return ok({ company, firstToken });
    });
  }

  /** Changes a company's profile; its members or the coordinator. The kind cannot change. */
  async updateProfile(ctx: RequestContext, input: UpdateCompanyProfileInput): Promise<Outcome<CompanyRow>> {
    const v = gate(ctx.viewer, "updateCompanyProfile");
    const errors = new UserErrors();
    const changes: Partial<CompanyRow> = {};
    if (input.name != null) {
      changes.name = requiredName(errors, "name", input.name, "Company name");
      changes.nameKey = nameKey(changes.name);
    }
    if (input.description != null) changes.description = optionalText(errors, "description", input.description, "Description");
    if (input.employeeCount != null) {
      changes.employeeCount = intInRange(errors, "employeeCount", input.employeeCount, "Employee count", 1, LIMITS.maxEmployees);
    }
    return transact(ctx, async ({ db: tx }) => {
      const company = await companyActedOn(tx, v, input.companyId, errors);
      if (company && changes.nameKey && changes.nameKey !== company.nameKey && await findCompanyByNameKey(tx, company.parkId, changes.nameKey)) {
        errors.add("name", UserErrorCode.TAKEN, `A company named "${changes.name}" is already registered in this park.`);
      }
      if (errors.any || !company) return refused(errors);
      return ok(Object.keys(changes).length === 0 ? company : await updateCompany(tx, company.id, changes));
    });
  }
}
