import { upsertTarget } from "../reports/target.repository";
import { createToken } from "../auth/api-token.service";
import type { Role, Viewer } from "../core/viewer";
import { insertCapability } from "../capabilities/capability.repository";
import { insertCompany } from "../companies/company.repository";
import type { Executor } from "../db/executor";
import type { Store } from "../db/store";
import { inTransaction, systemContext, type RequestContext } from "../core/request-context";
import { createLogger, type Logger } from "../core/logger";
import {
  apiTokens,
  bidRevisions,
  bookings,
  bids,
  capabilities,
  capabilityOffers,
  chainOutsideStages,
  chains,
  companies,
  contracts,
  engineers,
  engineerSkills,
  deliveries,
  documents,
  idempotencyKeys,
  investments,
  parkDays,
  parkTargets,
  events,
  notifications,
  questions,
  orders,
  parks,
  scoreWeights,
  scoreFactors,
  parkScoreWeights,
  companyFactorValues,
} from "../db/schema";
import { insertEngineer } from "../engineers/engineer.repository";
import { Currency, parseMoneyAmount } from "../graphql/money";
import { insertOffer } from "../offers/capability-offer.repository";
import { addSkill, staffCapability } from "../offers/engineer-skill.repository";
import { insertPark } from "../parks/park.repository";
import { nameKey } from "../shared/text";
import { DEMO_CAPABILITIES, DEMO_PARKS, demoEngineerName } from "./demo-data";
import { seedDemoHistory } from "./demo-history";
import { seedDemoMarket } from "./demo-market";
import { DAY_MS, localDate } from "../shared/time";

/** Every table, children before parents: the order in which a reset empties them. Add new tables here. */
/** Settings the coordinator owns, kept when the demo data is reloaded (their defaults come with the migrations). */
export const SETTINGS_TABLES = [scoreWeights, scoreFactors];

export const TABLES_CHILDREN_FIRST = [documents, notifications, events, questions, idempotencyKeys, companyFactorValues, parkScoreWeights, parkTargets, parkDays, investments, deliveries, bookings, contracts, bidRevisions, bids, chainOutsideStages, orders, chains, apiTokens, capabilityOffers, engineerSkills, engineers, companies, capabilities, parks];

export interface DemoToken {
  label: string;
  role: string;
  company: string | null;
  token: string;
}

export async function isEmpty(db: Executor): Promise<boolean> {
  return (await db.select({ id: parks.id }).from(parks).limit(1)).length === 0;
}

/**
 * Loads the demo data if the database is empty, and returns its tokens; null when it was not.
 * One transaction looks and loads: on SQLite, BEGIN IMMEDIATE takes the write lock before
 * looking; on PostgreSQL the caller holds the start-up lock (DatabaseHandle.duringStartup), and
 * two transactions that looked at once would conflict and be retried. Of several processes
 * started at once on an empty database exactly one seeds and the others find it seeded.
 */
export function seedDemoDataIfEmpty(store: Store, logger: Logger = createLogger("warn"), now = new Date()): Promise<DemoToken[] | null> {
  return inTransaction(systemContext(store, logger, now, "seed"), async (ctx) => ((await isEmpty(ctx.db)) ? seedIn(ctx) : null));
}

/** Loads the demo data into an empty database in one transaction and returns the demo tokens. */
export function seedDemoData(store: Store, logger: Logger = createLogger("warn"), now = new Date()): Promise<DemoToken[]> {
  return inTransaction(systemContext(store, logger, now, "seed"), seedIn);
}

/** The demo data, written in the caller's transaction (`ctx.tx`) as of `ctx.now`. */
async function seedIn(ctx: RequestContext): Promise<DemoToken[]> {
  const { db: tx, now } = ctx;
  const capabilityIds = new Map<string, number>();
  for (const c of DEMO_CAPABILITIES) {
    capabilityIds.set(c.code, (await insertCapability(tx, { ...c, nameKey: nameKey(c.name), createdAt: now })).id);
  }
  const companyIds = new Map<string, number>();
  let engineerNumber = 0;
  for (const park of DEMO_PARKS) {
    const parkId = (await insertPark(tx, { name: park.name, nameKey: nameKey(park.name), kind: park.kind, region: park.region, description: park.description, createdAt: now })).id;
    for (const target of park.targets ?? []) {
      const amount = parseMoneyAmount(target.amount, Currency.RUB);
      if (!amount.ok) throw new Error(`Bad demo target ${target.amount}`);
      const targetYear = Number(localDate(now).slice(0, 4)) + target.yearsAhead;
      await upsertTarget(tx, { parkId, measure: target.measure, amountMinor: amount.minorUnits, currency: Currency.RUB, targetYear, note: target.note, setByTokenId: null, setAt: now });
    }
    for (const company of park.companies) {
      const { id } = await insertCompany(tx, {
        parkId,
        name: company.name,
        nameKey: nameKey(company.name),
        kind: company.kind,
        description: company.description,
        employeeCount: company.employeeCount,
        // Registered before the trade history, so that period reports count them.
        createdAt: new Date(now.getTime() - 800 * DAY_MS),
      });
      companyIds.set(company.name, id);
      const [systemEngineers, plainEngineers] = company.engineers ?? [0, 0];
      const staff: number[] = [];
      for (let i = 0; i < systemEngineers + plainEngineers; i++, engineerNumber++) {
        const { id: engineerId } = await insertEngineer(tx, {
          companyId: id,
          name: demoEngineerName(engineerNumber),
          role: i < systemEngineers ? "SYSTEM_ENGINEER" : "ENGINEER",
          weeklyHours: engineerNumber % 7 === 6 ? 20 : engineerNumber % 5 === 4 ? 36 : 40,
          active: true,
          createdAt: now,
        });
        staff.push(engineerId);
      }
      for (const offer of company.offers ?? []) {
        const price = parseMoneyAmount(offer.unitPrice, Currency.RUB);
        if (!price.ok) throw new Error(`Bad demo price ${offer.unitPrice}`);
        // As declareCapabilityOffer does: a company's first offer in a capability is staffed by all
        // its engineers, unless the demo gives the capability to its first few only.
        const holders = company.skills?.[offer.capability];
        if (holders === undefined) await staffCapability(tx, id, capabilityIds.get(offer.capability)!);
        else for (const engineerId of staff.slice(0, holders)) await addSkill(tx, engineerId, capabilityIds.get(offer.capability)!);
        await insertOffer(tx, {
          companyId: id,
          capabilityId: capabilityIds.get(offer.capability)!,
          unitPriceMinor: price.minorUnits,
          currency: Currency.RUB,
          centihoursPerUnit: Math.round(offer.engineerHoursPerUnit * 100),
          minLeadDays: offer.minLeadDays,
          minLot: offer.minLot,
          maxLot: offer.maxLot,
          active: true,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  }
  const tokens: DemoToken[] = [];
  const members = new Map<string, Viewer>();
  const issue = async (label: string | null, role: Role, holderName: string, company: string | null): Promise<Viewer> => {
    const companyId = company === null ? null : companyIds.get(company)!;
    const { row, token } = await createToken(tx, { role, companyId, holderName }, now);
    if (label) tokens.push({ label, role, company, token });
    const kind = company === null ? null : DEMO_PARKS.flatMap((p) => p.companies).find((c) => c.name === company)!.kind;
    return { tokenId: row.id, role, companyId, companyKind: kind, holderName };
  };
  await issue("coordinator", "COORDINATOR", "Cluster Development Center", null);
  members.set("LaserMed Systems", await issue("product company", "MEMBER", "LaserMed Systems procurement", "LaserMed Systems"));
  members.set("Troitsk Contract Manufacturing", await issue("contract company", "MEMBER", "Troitsk Contract Manufacturing sales", "Troitsk Contract Manufacturing"));
  await issue("investor", "INVESTOR", "Troitsk Venture Fund", null);
  members.set("Volga Pipeline Company", await issue("outside customer", "MEMBER", "Volga Pipeline Company localisation office", "Volga Pipeline Company"));
  await issue("university", "MEMBER", "Voronezh State Technical University careers office", "Voronezh State Technical University");
  await issue("bank", "MEMBER", "Chernozem Development Bank credit desk", "Chernozem Development Bank");
  // Companies that act in the demo market without a printed token get an unprinted one.
  const memberOf = async (company: string): Promise<Viewer> => {
    if (!members.has(company)) members.set(company, await issue(null, "MEMBER", `${company} desk`, company));
    return members.get(company)!;
  };
  await seedDemoHistory(ctx, memberOf, companyIds, capabilityIds);
  await seedDemoMarket(ctx, memberOf, capabilityIds);
  return tokens;
}

/** Empties every table and loads the demo data again, in one transaction. */
export function reseed(store: Store, logger: Logger = createLogger("warn"), now = new Date()): Promise<DemoToken[]> {
  return inTransaction(systemContext(store, logger, now, "seed"), async (ctx) => {
    for (const table of TABLES_CHILDREN_FIRST) await ctx.db.delete(table);
    return seedIn(ctx);
  });
}

export function formatDemoTokens(tokens: DemoToken[]): string {
  const lines = tokens.map((t) => `  ${(t.label + (t.company ? ` (${t.company})` : "")).padEnd(52)} ${t.token}`);
  return ["Demo API tokens (send as Authorization: Bearer <token>):", ...lines].join("\n");
}
