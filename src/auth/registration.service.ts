import { type RequestContext, transact } from "../core/request-context";
import type { RegisterCompanyInput } from "../companies/company.inputs";
import { findCompanyByNameKey, insertCompany } from "../companies/company.repository";
import type { CompanyRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { findParksByIds } from "../parks/park.repository";
import { nameKey } from "../shared/text";
import { intInRange, LIMITS, optionalText, requiredName } from "../shared/validate";
import { createToken, type IssuedToken } from "./api-token.service";

export interface RegisteredCompany {
  company: CompanyRow;
  firstToken: IssuedToken;
}

/** Signing up: a company and the first token of its members, in one step. */
export class RegistrationService {
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
}
