import { utilisationOf } from "../capacity/hours";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import { checkThreshold, openOrderDemand, windowOf } from "../capacity/capacity.service";
import { groupBy } from "../shared/group-by";
import { gate, ORDERING_KINDS, PRODUCER_KINDS, sees, seesAggregate } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { contractCompanyOf } from "../companies/company-access";
import { findCompanyById } from "../companies/company.repository";
import { type CompanyKindValue, type CompanyRow, type EngineerRow, type InvestmentRow, type ParkRow, type ParkTargetRow } from "../db/schema";
import { findEngineersOfCompany } from "../engineers/engineer.repository";
import type { PageRequest, Listed } from "../db/page";
import { badUserInput, ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { parkOrNotFound } from "../parks/park.service";
import { idempotent } from "../shared/idempotency";
import { addDays, localDate } from "../shared/time";
import { optionalText, positiveMoney, requiredName } from "../shared/validate";
import { activeCompanies, companiesByKind, investmentByKind, orderTransactions, orderVolume, parkLoad, parkRevenue } from "./cluster.repository";
import { openOrderGroups } from "./forecast.repository";
import { capacityByCapability } from "./park-capacity";
import { transactionCostsOf, type TransactionCostFigures } from "./transaction-costs";
import { progressOf, type TargetProgress } from "./targets";
import { targetsOfPark, upsertTarget } from "./target.repository";
import type { SetParkTargetInput } from "./target.inputs";
import { findParksByIds, listParks } from "../parks/park.repository";
import { annualGrowthPercent } from "./benchmarks";
import { addWeeks, weekStart } from "../capacity/weeks";
import { percentOf } from "../shared/ratio";
import type { Executor } from "../db/executor";
import { LOAD_WEEKS } from "./scorecard";
import { findInvestment, insertInvestment, listInvestmentsOfPark, countInvestmentsOfPark } from "./investment.repository";
import { type RecordInvestmentInput } from "./investment.inputs";
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

/** How many years ahead a target may be set. */
export const MAX_TARGET_YEARS = 30;

/** The most parks one comparison ranks. */
export const MAX_COMPARED_PARKS = 50;

export type ParkRankValue = "GROWTH" | "LOAD" | "PARTICIPATION" | "COOPERATION" | "INVESTMENT" | "ORDER_VOLUME";

export type ParkFiguresRow = Awaited<ReturnType<typeof parkFigures>>;

export interface ParkStanding extends ParkFiguresRow {
  park: ParkRow;
  /** Booked of available engineer-hours of the park's producers over the coming 26 weeks. */
  loadPercent: number | null;
}

/**
 * A park's figures over a period (seven aggregate statements), and the measures derived from
 * them once for analytics, the comparison's ranking and the benchmarks alike.
 */
async function parkFigures(db: Executor, parkId: number, period: Period) {
  const companies = await companiesByKind(db, parkId, period);
  const investment = await investmentByKind(db, parkId, period);
  const volume = await orderVolume(db, parkId, period);
  const active = await activeCompanies(db, parkId, period);
  const revenue = await parkRevenue(db, parkId, period);
  const previousRevenueMinor = (await parkRevenue(db, parkId, previousPeriod(period))).revenueMinor;
  // Participation counts the companies that trade (order or produce); universities, suppliers and banks watch.
  const trading = [...companies].filter(([kind]) => TRADING_KINDS.has(kind)).reduce((sum, [, n]) => sum + n, 0);
  return {
    companies,
    investment,
    volume,
    active,
    revenue,
    previousRevenueMinor,
    tradingCompanies: trading,
    participationPercent: percentOf(active, trading),
    growthPercent: annualGrowthPercent(revenue.revenueMinor, previousRevenueMinor, period.days),
    // Of the members' products' value, the share the members made.
    cooperationPercent: percentOf(volume.membersInParkMinor, volume.membersValueMinor + volume.sourcedOutsideMinor),
    investmentMinor: [...investment.values()].reduce((a, b) => a + b, 0),
  };
}

/** The figure a park is ranked by; null when it has none. */
function rankValue(s: ParkStanding, rankBy: ParkRankValue): number | null {
  switch (rankBy) {
    case "GROWTH":
      return s.growthPercent;
    case "LOAD":
      return s.loadPercent;
    case "PARTICIPATION":
      return s.participationPercent;
    case "COOPERATION":
      return s.cooperationPercent;
    case "INVESTMENT":
      return s.investmentMinor;
    case "ORDER_VOLUME":
      return s.volume.valueMinor;
  }
}

/** The kinds that trade (order or produce), whose companies participation counts. */
const TRADING_KINDS = new Set<CompanyKindValue>([...ORDERING_KINDS, ...PRODUCER_KINDS]);

/** Reports for contract companies, the coordinator and investors: aggregate SQL, exact money. */
export class ReportService {
  /** The coordinator records an investment into a company. */
  async recordInvestment(ctx: RequestContext, input: RecordInvestmentInput): Promise<Outcome<InvestmentRow>> {
    const v = gate(ctx.viewer, "recordInvestment");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "recordInvestment", input.idempotencyKey, input, async () => {
        const errors = new UserErrors();
        const investorName = requiredName(errors, "investorName", input.investorName, "Investor name");
        const note = optionalText(errors, "note", input.note, "Note");
        const amountMinor = positiveMoney(errors, "amount", input.amount, "Amount");
        if (input.investedOn > localDate(now)) errors.add("investedOn", UserErrorCode.OUT_OF_RANGE, `The investment date must not be after today (${localDate(now)}).`);
        const companyId = idOf(input.companyId, "Company");
        const company = companyId === null ? undefined : await findCompanyById(tx, companyId);
        if (!company) errors.add("companyId", UserErrorCode.NOT_FOUND, "No company with this id.");
        if (errors.any || !company) return refused(errors);
        return ok(await insertInvestment(tx, { companyId: company.id, investorName, amountMinor, currency: input.amount.currency, investedOn: input.investedOn, note, recordedByTokenId: v.tokenId, createdAt: now }));
      }, (row) => row.id, async (id) => (await findInvestment(tx, id))!, now),
    );
  }

  /** A park's figures for the coordinator and investors over a period: seven aggregate statements. */
  async cluster(ctx: RequestContext, args: { parkId: string; from: string; to: string }) {
    gate(ctx.viewer, "clusterAnalytics");
    const park = await parkOrNotFound(ctx.db, args.parkId);
    const period = periodOf(args.from, args.to);
    return { park, period, ...(await parkFigures(ctx.db, park.id, period)) };
  }

  /**
   * Parks side by side over a period, ranked by one measure (highest first, parks without a figure
   * last, then by name), for the coordinator, investors and banks: eight statements per park.
   */
  async compareParks(ctx: RequestContext, args: { from: string; to: string; parkIds?: readonly string[] | null; rankBy: ParkRankValue }): Promise<{ period: Period; standings: ParkStanding[] }> {
    gate(ctx.viewer, "clusterAnalytics");
    const period = periodOf(args.from, args.to);
    let chosen: ParkRow[];
    if (args.parkIds) {
      if (args.parkIds.length === 0 || args.parkIds.length > MAX_COMPARED_PARKS) throw badUserInput(`parkIds names 1 to ${MAX_COMPARED_PARKS} parks.`, "parkIds");
      chosen = [];
      for (const id of new Set(args.parkIds)) chosen.push(await parkOrNotFound(ctx.db, id));
    } else {
      chosen = await listParks(ctx.db, { limit: MAX_COMPARED_PARKS, afterId: null });
      if (chosen.length > MAX_COMPARED_PARKS) throw badUserInput(`There are more than ${MAX_COMPARED_PARKS} parks: name up to ${MAX_COMPARED_PARKS} of them in parkIds.`, "parkIds");
    }
    const thisWeek = weekStart(localDate(ctx.now));
    const [fromWeek, toWeek] = [thisWeek, addWeeks(thisWeek, LOAD_WEEKS - 1)];
    const standings: ParkStanding[] = [];
    for (const park of chosen) {
      const figures = await parkFigures(ctx.db, park.id, period);
      const load = await parkLoad(ctx.db, park.id, fromWeek, toWeek);
      standings.push({ park, ...figures, loadPercent: percentOf(load.bookedCentihours, load.weeklyCentihours * LOAD_WEEKS) });
    }
    const value = (s: ParkStanding): number | null => rankValue(s, args.rankBy);
    standings.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === null || y === null) return x === y ? a.park.name.localeCompare(b.park.name) : x === null ? 1 : -1;
      return y - x || a.park.name.localeCompare(b.park.name);
    });
    return { period, standings };
  }

  /** A park's transaction-cost indicators over a period and the period before (two statements). */
  async transactionCosts(ctx: RequestContext, parkId: number, period: Period): Promise<{ current: TransactionCostFigures; previous: TransactionCostFigures }> {
    gate(ctx.viewer, "clusterAnalytics");
    return {
      current: transactionCostsOf(await orderTransactions(ctx.db, parkId, period)),
      previous: transactionCostsOf(await orderTransactions(ctx.db, parkId, previousPeriod(period))),
    };
  }

  /** The coordinator sets a park's target for a measure, replacing the one there was. */
  async setTarget(ctx: RequestContext, input: SetParkTargetInput): Promise<Outcome<ParkTargetRow>> {
    const v = gate(ctx.viewer, "setParkTarget");
    return transact(ctx, async ({ db: tx }) => {
      const errors = new UserErrors();
      const amountMinor = positiveMoney(errors, "amount", input.amount, "The target");
      const note = optionalText(errors, "note", input.note, "Note");
      const year = Number(localDate(ctx.now).slice(0, 4));
      if (!Number.isInteger(input.year) || input.year < year || input.year > year + MAX_TARGET_YEARS) errors.add("year", UserErrorCode.OUT_OF_RANGE, `The target's year must be from ${year} to ${year + MAX_TARGET_YEARS}.`);
      const parkId = idOf(input.parkId, "Park");
      const park = parkId === null ? undefined : (await findParksByIds(tx, [parkId]))[0];
      if (!park) errors.add("parkId", UserErrorCode.NOT_FOUND, "No park with this id.");
      if (errors.any || !park) return refused(errors);
      return ok(await upsertTarget(tx, { parkId: park.id, measure: input.measure, amountMinor, currency: input.amount.currency, targetYear: input.year, note, setByTokenId: v.tokenId, setAt: ctx.now }));
    });
  }

  /** A park's targets with their progress as of today (two aggregate statements per target); clusterAnalytics's audience. */
  async targets(ctx: RequestContext, parkId: number): Promise<{ target: ParkTargetRow; progress: TargetProgress }[]> {
    gate(ctx.viewer, "clusterAnalytics");
    const today = localDate(ctx.now);
    const lastYear = periodOf(addDays(today, -364), today);
    const figure = async (target: ParkTargetRow, period: Period) =>
      target.measure === "ORDER_VOLUME" ? (await orderVolume(ctx.db, parkId, period)).valueMinor : (await parkRevenue(ctx.db, parkId, period)).revenueMinor;
    const result = [];
    for (const target of await targetsOfPark(ctx.db, parkId)) {
      const progress = progressOf(target.amountMinor, target.targetYear, await figure(target, lastYear), await figure(target, previousPeriod(lastYear)), today);
      result.push({ target, progress });
    }
    return result;
  }

  /** One investment, for the coordinator and investors; undefined for anyone else, as for an id that does not exist. */
  async investment(ctx: RequestContext, id: number): Promise<InvestmentRow | undefined> {
    return sees(ctx.viewer, "Investment", { owner: null }) ? findInvestment(ctx.db, id) : undefined;
  }

  /** Investments into a park's companies, for the coordinator and investors. */
  async investments(ctx: RequestContext, parkId: string, page: PageRequest): Promise<Listed<InvestmentRow>> {
    gate(ctx.viewer, "investments");
    const park = await parkOrNotFound(ctx.db, parkId);
    return { rows: await listInvestmentsOfPark(ctx.db, park.id, page), count: () => countInvestmentsOfPark(ctx.db, park.id) };
  }

  /** Revenue of a contract company over a period, per head and per engineer; six aggregate statements. */
  async revenue(ctx: RequestContext, args: { companyId?: string | null; from: string; to: string }): Promise<RevenueFiguresRow> {
    const company = await contractCompanyOf(ctx.db, ctx.viewer, args.companyId, "revenue");
    const period = periodOf(args.from, args.to);
    const previous = previousPeriod(period);
    const revenue = (await revenueByCompany(ctx.db, [company.id], period)).get(company.id) ?? 0;
    const previousRevenue = (await revenueByCompany(ctx.db, [company.id], previous)).get(company.id) ?? 0;
    const heads = (await headcountOfCompanies(ctx.db, [company.id])).get(company.id) ?? { engineers: 0, systemEngineers: 0 };
    const attributed = new Map((await revenueByEngineer(ctx.db, company.id, period)).map((a) => [a.engineerId, a]));
    // Every engineer of the company: active ones (the headcount) and any others with attributed revenue.
    const byEngineer = (await findEngineersOfCompany(ctx.db, company.id))
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
      contractsWon: await contractsWon(ctx.db, company.id, period),
      previousContractsWon: await contractsWon(ctx.db, company.id, previous),
      byEngineer,
    };
  }

  /**
   * Utilisation per capability per week across a park, with what its open orders would add,
   * for the coordinator and investors: four aggregate statements and the capabilities.
   */
  async heatMap(ctx: RequestContext, args: { parkId: string; asOf?: string | null; weeks?: number | null; threshold?: number | null }) {
    const now = ctx.now;
    gate(ctx.viewer, "capacityHeatMap");
    const park = await parkOrNotFound(ctx.db, args.parkId);
    const window = windowOf(args.asOf, args.weeks, now);
    const threshold = checkThreshold(args.threshold);
    // Every open order that reached the park's contractors, whichever park posted it, not past its award deadline.
    const openOrders = groupBy(await openOrderGroups(ctx.db, park.id, now), (group) => group.capabilityId);
    const rows = (await capacityByCapability(ctx.db, park.id, window.weeks)).map(({ capabilityId, contractorCount, meanCentihoursPerUnit, available, bookedByWeek }) => {
      const demand = openOrderDemand(openOrders.get(capabilityId) ?? [], meanCentihoursPerUnit, window);
      const peakUtilisation = Math.max(0, ...bookedByWeek.map((b) => utilisationOf(b, available)));
      const runsShortWithOpenOrders = bookedByWeek.some((b, w) => utilisationOf(b + demand.demandByWeek[w], available) >= threshold);
      return { capabilityId, contractorCount, available, bookedByWeek, ...demand, peakUtilisation, runsShort: peakUtilisation >= threshold, runsShortWithOpenOrders };
    });
    // Shortest first: the highest peak, then the capability's code.
    const capabilities = new Map((await findCapabilitiesByIds(ctx.db, rows.map((r) => r.capabilityId))).map((c) => [c.id, c]));
    // A capability of one contractor is that company's load: the coordinator's to see only.
    const shown = rows.filter((row) => seesAggregate(ctx.viewer, row.contractorCount));
    const sorted = shown
      .map((row) => ({ ...row, capability: capabilities.get(row.capabilityId)! }))
      .sort((a, b) => b.peakUtilisation - a.peakUtilisation || a.capability.code.localeCompare(b.capability.code));
    return { park, window, threshold, rows: sorted, withheld: rows.length - shown.length };
  }
}
