import type { Viewer } from "../auth/viewer";
import { contractCompanyOf } from "../companies/company-access";
import type { Executor } from "../db/executor";
import type { CompanyRow, EngineerRow } from "../db/schema";
import { findEngineersOfCompany } from "../engineers/engineer.repository";
import { periodOf, previousPeriod, type Period } from "./period";
import { contractsWon, headcountOfCompanies, revenueByCompany, revenueByEngineer } from "./revenue.repository";

export interface RevenueFiguresRow {
  period: Period;
  previous: Period;
  company: CompanyRow;
  employees: number;
  engineers: number;
  systemEngineers: number;
  revenueMinor: number;
  previousRevenueMinor: number;
  contractsWon: { count: number; valueMinor: number };
  previousContractsWon: { count: number; valueMinor: number };
  byEngineer: { engineer: EngineerRow; centihours: number; revenueMinor: number }[];
}

/** Reports for contract companies, the coordinator and investors: aggregate SQL, exact money. */
export class ReportService {
  constructor(private readonly db: Executor) {}

  /** Revenue of a contract company over a period, per head and per engineer; six aggregate statements. */
  revenue(viewer: Viewer | null, args: { companyId?: string | null; from: string; to: string }): RevenueFiguresRow {
    const company = contractCompanyOf(this.db, viewer, args.companyId, "revenue");
    const period = periodOf(args.from, args.to);
    const previous = previousPeriod(period);
    const revenue = revenueByCompany(this.db, [company.id], period).get(company.id) ?? 0;
    const previousRevenue = revenueByCompany(this.db, [company.id], previous).get(company.id) ?? 0;
    const heads = headcountOfCompanies(this.db, [company.id]).get(company.id) ?? { engineers: 0, systemEngineers: 0 };
    const attributed = new Map(revenueByEngineer(this.db, company.id, period).map((a) => [a.engineerId, a]));
    // Every engineer of the company: active ones (the headcount) and any others with attributed revenue.
    const byEngineer = findEngineersOfCompany(this.db, company.id)
      .filter((e) => e.active || attributed.has(e.id))
      .map((engineer) => ({ engineer, centihours: attributed.get(engineer.id)?.centihours ?? 0, revenueMinor: attributed.get(engineer.id)?.revenueMinor ?? 0 }))
      .sort((a, b) => b.revenueMinor - a.revenueMinor || a.engineer.id - b.engineer.id);
    return {
      period,
      previous,
      company,
      employees: company.employeeCount,
      ...heads,
      revenueMinor: revenue,
      previousRevenueMinor: previousRevenue,
      contractsWon: contractsWon(this.db, company.id, period),
      previousContractsWon: contractsWon(this.db, company.id, previous),
      byEngineer,
    };
  }
}
