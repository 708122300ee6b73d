import type { PageRequest, Listed } from "../db/page";
import { listCompanies, countCompanies, type CompanyCriteria, findCompanyByNameKey, updateCompany } from "./company.repository";
import { gate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { CompanyRow } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { nameKey } from "../shared/text";
import { intInRange, LIMITS, optionalText, requiredName } from "../shared/validate";
import { companyActedOn } from "./company-access";
import type { UpdateCompanyProfileInput } from "./company.inputs";

/** Use cases of companies. */
export class CompanyService {
  /** Public profiles of every park's companies, oldest first. */
  async list(ctx: RequestContext, criteria: CompanyCriteria, page: PageRequest): Promise<Listed<CompanyRow>> {
    return { rows: await listCompanies(ctx.db, criteria, page), count: () => countCompanies(ctx.db, criteria) };
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
