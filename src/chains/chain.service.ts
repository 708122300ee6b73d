import { gate, orderRefusal, sees } from "../access/policy";
import { parkKindOfCompany } from "../companies/company.repository";
import { bidStatusAt } from "../bids/bid-state";
import { findLiveBidsOfOrder } from "../bids/bid.repository";
import { findCapabilitiesByIds } from "../capabilities/capability.repository";
import { freeCapacity, type FreeCapacity } from "../capacity/free-capacity";
import { weeksFrom, weekStart } from "../capacity/weeks";
import { transact, type RequestContext } from "../core/request-context";
import type { Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { BidRow, CapabilityOfferRow, ChainOutsideStageRow, ChainRow, OrderRow } from "../db/schema";
import { orderEvent } from "../events/domain-events";
import { actorOf, appendEvents } from "../events/event.repository";
import { forbidden, ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { Currency, type MoneyInput } from "../graphql/money";
import { candidateSources, quotedOffers } from "../matching/candidates";
import { type ChainMatchResult, type ChainStage, type StageCandidate } from "../matching/chain";
import type { Matcher } from "../matching/matcher";
import { throwFirst } from "../awards/plans.service";
import { activeOffersOfCapability } from "../offers/capability-offer.repository";
import { effectiveStatus } from "../orders/order-state";
import { checkOrderTerms } from "../orders/order-terms";
import { insertOrder, stagesOfChain } from "../orders/order.repository";
import { scorecards } from "../reports/scorecard";
import { idempotent } from "../shared/idempotency";
import { addDays, localDate } from "../shared/time";
import { intInRange, nonNegativeMoney, optionalText, requiredName } from "../shared/validate";
import { futureDate, futureInstant } from "../shared/validate-dates";
import type { ChainStageInput, PostChainInput } from "./chain.inputs";
import { countChainsOfCompany, findChainById, insertChain, insertOutsideStages, listChainsOfCompany, outsideStagesOfChain } from "./chain.repository";
import type { Listed, PageRequest } from "../db/page";

export const MAX_STAGES = 12;
export const MAX_PARTS_PER_UNIT = 1000;
export const MAX_MOVE_DAYS = 90;

/** A stage row's place in its chain: what it hands on and by when it must complete. */
export interface StageFacts {
  order: OrderRow;
  /** Units the stage hands on: the chain's quantity for the final stage, else what the stage it feeds takes. */
  handOnQuantity: number;
  /** The latest it may complete for the final stage to complete by the chain's date. */
  latestCompletion: string;
}

/** Why a chain has no plan: the engine's reasons, or a stage no longer open. */
export type ChainNoPlan = NonNullable<ChainMatchResult["infeasible"]> | { code: "STAGE_NOT_OPEN"; stageKey: string; status: string };

/** A chain's plans with the rows behind their lines. */
export interface ChainPlans {
  chain: ChainRow;
  stages: StageFacts[];
  result: Omit<ChainMatchResult, "infeasible"> & { infeasible: ChainNoPlan | null };
  /** Per line key (bid:ID, offer:ID) per stage order id: the bid or offer it names. */
  sources: Map<number, Map<string, { bid: BidRow | null; offer: CapabilityOfferRow | null }>>;
  /** Parts bought outside, which the stages they feed wait for (outsideKey). */
  outside: ChainOutsideStageRow[];
  asOf: string;
  valuePerDayMinor: number;
  currency: Currency;
}

/** Units to order of a stage that must hand on `handOn` good units at `yieldPercent`. */
export const unitsToOrder = (handOn: number, yieldPercent: number): number => Math.ceil((handOn * 100) / yieldPercent);

/** The stages in the order they hand on (final first), each with its hand-on quantity and latest completion. */
export function stageFacts(chain: ChainRow, stages: readonly OrderRow[]): StageFacts[] {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const facts = new Map<number, StageFacts>();
  const factOf = (order: OrderRow): StageFacts => {
    let fact = facts.get(order.id);
    if (!fact) {
      const next = order.feedsOrderId === null ? null : factOf(byId.get(order.feedsOrderId)!);
      fact = {
        order,
        handOnQuantity: next === null ? chain.quantity : next.order.quantity * order.partsPerUnit,
        latestCompletion: next === null ? chain.neededBy : addDays(next.latestCompletion, -order.moveDays),
      };
      facts.set(order.id, fact);
    }
    return fact;
  };
  return stages.map(factOf);
}

/** Production chains: posting one (its stages become orders) and its plans over every stage's bids and quotes. */
export class ChainService {
  constructor(private readonly matcher: Matcher) {}

  /**
   * A product company posts a chain: the chain row, then one order per stage, each open for
   * bids like any order, in one transaction. Each stage's quantity covers what it hands on
   * and its expected scrap; its needed-by date is the chain's, less the moving days after it.
   */
  async post(ctx: RequestContext, input: PostChainInput): Promise<Outcome<ChainRow>> {
    const v = gate(ctx.viewer, "postChain");
    const now = ctx.now;
    return transact(ctx, async ({ db: tx }) =>
      idempotent(tx, v, "postChain", input.idempotencyKey, input, () => this.postOnce(tx, v, input, now), (chain) => chain.id, async (id) => (await findChainById(tx, id))!, now),
    );
  }

  private async postOnce(db: Executor, v: Viewer, input: PostChainInput, now: Date): Promise<Outcome<ChainRow>> {
    const errors = new UserErrors();
    const refusal = orderRefusal(v.companyKind!, await parkKindOfCompany(db, v.companyId!));
    if (refusal) return refused(errors.add(null, refusal.code, refusal.message));
    const title = requiredName(errors, "title", input.title, "Title");
    const description = optionalText(errors, "description", input.description, "Description");
    intInRange(errors, "quantity", input.quantity, "Quantity", 1, Number.MAX_SAFE_INTEGER);
    const neededBy = futureDate(errors, "neededBy", input.neededBy, "The needed-by date", now);
    const closesAt = futureInstant(errors, "biddingClosesAt", input.biddingClosesAt, "Bidding close", now);
    const valuePerDayMinor = input.valuePerDayEarlier == null ? 0 : nonNegativeMoney(errors, "valuePerDayEarlier", input.valuePerDayEarlier, "The value of a day");
    if (!errors.any && localDate(closesAt) >= neededBy) errors.add("biddingClosesAt", UserErrorCode.OUT_OF_RANGE, "Bidding must close before the needed-by date.");
    const stageTitles = input.stages.map((stage, i) => requiredName(errors, ["stages", String(i), "title"], stage.title, "The stage's title"));
    const route = checkRoute(errors, input.stages);
    const outside = checkOutsideStages(errors, input);
    const capabilityIds = input.stages.map((s) => idOf(s.capabilityId, "Capability"));
    const known = new Set((await findCapabilitiesByIds(db, capabilityIds.filter((id): id is number => id !== null))).map((c) => c.id));
    capabilityIds.forEach((id, i) => {
      if (id === null || !known.has(id)) errors.add(["stages", String(i), "capabilityId"], UserErrorCode.NOT_FOUND, "No capability with this id in the catalogue.");
    });
    if (errors.any || route === null) return refused(errors);

    // Every stage's quantity and date follow from the stage it feeds: final first.
    const planned = new Map<string, { i: number; quantity: number; latest: string; feeds: string | null; terms: ReturnType<typeof checkOrderTerms> }>();
    for (const i of route) {
      const stage = input.stages[i];
      const next = stage.feeds == null ? null : planned.get(stage.feeds)!;
      const quantity = unitsToOrder(next === null ? input.quantity : next.quantity * stage.partsPerUnit, stage.yieldPercent);
      const latest = next === null ? neededBy : addDays(next.latest, -stage.moveDays);
      const field = (name: string) => ["stages", String(i), name];
      if (!Number.isSafeInteger(quantity)) errors.add(field("partsPerUnit"), UserErrorCode.OUT_OF_RANGE, `The stage would make ${quantity} units: beyond exact arithmetic.`);
      else if (localDate(closesAt) >= latest) errors.add(field("moveDays"), UserErrorCode.OUT_OF_RANGE, `With the moving days after it, this stage must complete by ${latest}, which is not after bidding closes.`);
      const sub = new UserErrors();
      const terms = checkOrderTerms(sub, { quantity: Number.isSafeInteger(quantity) ? quantity : 1, neededBy: latest, maxUnitPrice: stage.maxUnitPrice, sourcingPolicy: stage.sourcingPolicy }, now);
      for (const e of sub.list) if (e.field?.[0] !== "neededBy") errors.list.push(Object.assign(e, { field: ["stages", String(i), ...(e.field ?? [])] }));
      planned.set(stage.key, { i, quantity, latest, feeds: stage.feeds ?? null, terms: { ...terms, quantity } });
    }
    if (errors.any) return refused(errors);

    const chain = await insertChain(db, { companyId: v.companyId!, title, description, quantity: input.quantity, neededBy, valuePerDayMinor, currency: Currency.RUB, createdAt: now });
    const orderIds = new Map<string, number>();
    for (const [key, { i, feeds, terms }] of planned) {
      const stage = input.stages[i];
      const order = await insertOrder(db, {
        companyId: v.companyId!,
        capabilityId: capabilityIds[i]!,
        title: stageTitles[i],
        description,
        ...terms,
        valuePerDayMinor: 0,
        currency: stage.maxUnitPrice?.currency ?? Currency.RUB,
        biddingClosesAt: closesAt,
        chainId: chain.id,
        feedsOrderId: feeds === null ? null : orderIds.get(feeds)!,
        partsPerUnit: stage.partsPerUnit,
        yieldPercent: stage.yieldPercent,
        moveDays: feeds === null ? 0 : stage.moveDays,
        status: "OPEN",
        createdAt: now,
        updatedAt: now,
      });
      orderIds.set(key, order.id);
      await appendEvents(db, actorOf(v), now, [orderEvent(order, null, "OPEN", `Posted as a stage of the chain "${title}".`)]);
    }
    await insertOutsideStages(
      db,
      outside.map((o) => ({ chainId: chain.id, feedsOrderId: orderIds.get(o.feeds)!, title: o.title, valueMinor: o.valueMinor, currency: Currency.RUB, leadDays: o.leadDays, moveDays: o.moveDays })),
    );
    return ok(chain);
  }

  /** The viewer's company's chains, newest first. */
  async listOwn(ctx: RequestContext, page: PageRequest): Promise<Listed<ChainRow>> {
    const v = gate(ctx.viewer, "myChains");
    return { rows: await listChainsOfCompany(ctx.db, v.companyId!, page), count: () => countChainsOfCompany(ctx.db, v.companyId!) };
  }

  /** A chain with its stages, for its customer and the coordinator; null for anyone else or no such chain. */
  async find(ctx: RequestContext, chainId: number): Promise<ChainRow | null> {
    const chain = await findChainById(ctx.db, chainId);
    return chain && sees(ctx.viewer, "Chain", { owner: chain.companyId }) ? chain : null;
  }

  /** The chain's parts bought outside (its customer's and the coordinator's, as the chain is). */
  async outsideStages(ctx: RequestContext, chain: ChainRow): Promise<ChainOutsideStageRow[]> {
    return outsideStagesOfChain(ctx.db, chain.id);
  }

  async stages(ctx: RequestContext, chain: ChainRow): Promise<StageFacts[]> {
    return stageFacts(chain, await stagesOfChain(ctx.db, chain.id));
  }

  /**
   * The chain's plans (the chain engine over every stage's live bids and its capability's
   * quotes, capacity counted from each stage's start), while every stage is open: its
   * customer's and the coordinator's.
   */
  async plans(ctx: RequestContext, chain: ChainRow, valuePerDayEarlier: MoneyInput | null | undefined): Promise<ChainPlans> {
    if (!sees(ctx.viewer, "Chain", { owner: chain.companyId })) throw forbidden("Only the chain's customer and the coordinator see its plans.");
    const errors = new UserErrors();
    const valuePerDayMinor = valuePerDayEarlier == null ? chain.valuePerDayMinor : nonNegativeMoney(errors, "valuePerDayEarlier", valuePerDayEarlier, "The value of a day");
    throwFirst(errors);
    const now = ctx.now;
    const today = localDate(now);
    const stages = await this.stages(ctx, chain);
    const base = { chain, stages, asOf: today, valuePerDayMinor, currency: chain.currency as Currency };
    const closed = stages.find((s) => effectiveStatus(s.order, now) !== "OPEN");
    if (closed) {
      return { ...base, sources: new Map(), outside: [], result: { plans: [], complete: true, steps: 0, stages: [], infeasible: { code: "STAGE_NOT_OPEN", stageKey: String(closed.order.id), status: effectiveStatus(closed.order, now) } } };
    }
    const perStage = await Promise.all(
      stages.map(async (s) => {
        const bids = (await findLiveBidsOfOrder(ctx.db, s.order.id)).filter((bid) => bidStatusAt(bid, now) === "LIVE");
        return { s, bids, quoted: quotedOffers(bids, await activeOffersOfCapability(ctx.db, s.order.capabilityId), chain.companyId) };
      }),
    );
    const companiesOf = (rows: { bids: BidRow[]; quoted: CapabilityOfferRow[] }[]) => [...new Set(rows.flatMap(({ bids, quoted }) => [...bids, ...quoted].map((row) => row.companyId)))];
    // Free hours per capability: a stage's candidates are scheduled on their holders of its capability.
    const free = new Map<number, FreeCapacity>();
    for (const capabilityId of new Set(stages.map((s) => s.order.capabilityId))) {
      free.set(capabilityId, await freeCapacity(ctx.db, companiesOf(perStage.filter(({ s }) => s.order.capabilityId === capabilityId)), capabilityId, today, chain.neededBy));
    }
    const companyIds = companiesOf(perStage);
    const scores = stages.some((s) => s.order.minScore !== null) ? await scorecards(ctx.db, companyIds, today) : null;
    const sources: ChainPlans["sources"] = new Map();
    const engineStages: ChainStage[] = perStage.map(({ s, bids, quoted }) => {
      const stageSources = candidateSources(bids, quoted, free.get(s.order.capabilityId)!);
      sources.set(s.order.id, new Map(stageSources.map(({ terms, bid, offer }) => [terms.key, { bid, offer }])));
      const candidates = stageSources.map(({ terms, capacity }): StageCandidate => ({ ...terms, capacity, ...(scores && { score: scores.get(terms.contractorId)!.score }) }));
      return {
        key: String(s.order.id),
        feeds: s.order.feedsOrderId === null ? null : String(s.order.feedsOrderId),
        moveDays: s.order.moveDays,
        quantity: s.order.quantity,
        maxUnitPrice: s.order.maxUnitPriceMinor,
        maxSharePercent: s.order.maxSharePercent,
        minContractors: s.order.minContractors,
        minScore: s.order.minScore,
        candidates,
      };
    });
    // Parts bought outside are ordered with the award, so plans count their days from today.
    const outside = await outsideStagesOfChain(ctx.db, chain.id);
    for (const stage of engineStages) {
      const arrivals = outside.filter((o) => String(o.feedsOrderId) === stage.key).map((o) => ({ date: addDays(today, o.leadDays + o.moveDays), waitsFor: outsideKey(o.id) }));
      stage.notBefore = arrivals.reduce<ChainStage["notBefore"]>((last, a) => (last == null || a.date > last.date ? a : last), null);
    }
    const result = await this.matcher.matchChain({ stages: engineStages, neededBy: chain.neededBy, valuePerDay: base.valuePerDayMinor, today, weeks: weeksFrom(weekStart(today), weekStart(chain.neededBy)) });
    return { ...base, sources, result, outside };
  }
}

/** The chain engine's name for parts bought outside, as a stage's start reason names what it waited for. */
export const outsideKey = (id: number) => `outside:${id}`;

export const MAX_OUTSIDE_STAGES = 12;
const MAX_OUTSIDE_LEAD_DAYS = 365;

/** Checks the parts bought outside: each feeding a stage of the route, with a value and its days. */
function checkOutsideStages(errors: UserErrors, input: PostChainInput): { title: string; feeds: string; valueMinor: number; leadDays: number; moveDays: number }[] {
  if (input.outsideStages.length > MAX_OUTSIDE_STAGES) {
    errors.add("outsideStages", UserErrorCode.OUT_OF_RANGE, `A chain declares at most ${MAX_OUTSIDE_STAGES} parts bought outside.`);
    return [];
  }
  const keys = new Set(input.stages.map((s) => s.key));
  return input.outsideStages.map((o, i) => {
    const field = (name: string) => ["outsideStages", String(i), name];
    const title = requiredName(errors, field("title"), o.title, "What is bought in");
    if (!keys.has(o.feeds)) errors.add(field("feeds"), UserErrorCode.INVALID_ROUTE, `No stage has the key "${o.feeds}".`);
    const valueMinor = nonNegativeMoney(errors, field("value"), o.value, "The value of the parts");
    intInRange(errors, field("leadDays"), o.leadDays, "Lead days", 1, MAX_OUTSIDE_LEAD_DAYS);
    intInRange(errors, field("moveDays"), o.moveDays, "Moving days", 0, MAX_MOVE_DAYS);
    return { title, feeds: o.feeds, valueMinor, leadDays: o.leadDays, moveDays: o.moveDays };
  });
}

/**
 * Checks the route's shape: 2 to MAX_STAGES stages, unique keys, one final stage, every `feeds`
 * naming another stage, no cycle, figures in range. Returns the stage indexes with each stage
 * after the one it feeds (final first), or null when the route is not a tree.
 */
function checkRoute(errors: UserErrors, stages: readonly ChainStageInput[]): number[] | null {
  if (stages.length < 2 || stages.length > MAX_STAGES) {
    errors.add("stages", UserErrorCode.OUT_OF_RANGE, `A chain has 2 to ${MAX_STAGES} stages (for one stage, post an order).`);
    return null;
  }
  const index = new Map<string, number>();
  stages.forEach((stage, i) => {
    const field = (name: string) => ["stages", String(i), name];
    const key = stage.key;
    if (key.length < 1 || key.length > 40) errors.add(field("key"), UserErrorCode.OUT_OF_RANGE, "A stage's key is 1 to 40 characters.");
    else if (index.has(key)) errors.add(field("key"), UserErrorCode.TAKEN, `Two stages have the key "${key}".`);
    else index.set(key, i);
    intInRange(errors, field("partsPerUnit"), stage.partsPerUnit, "Parts per unit", 1, MAX_PARTS_PER_UNIT);
    intInRange(errors, field("yieldPercent"), stage.yieldPercent, "The yield", 1, 100);
    intInRange(errors, field("moveDays"), stage.moveDays, "Moving days", 0, MAX_MOVE_DAYS);
  });
  const finals = stages.flatMap((s, i) => (s.feeds == null ? [i] : []));
  if (finals.length !== 1) errors.add("stages", UserErrorCode.INVALID_ROUTE, `A chain has exactly one final stage (one without feeds); this one has ${finals.length}.`);
  stages.forEach((stage, i) => {
    if (stage.feeds == null) return;
    const target = index.get(stage.feeds);
    if (target === undefined) errors.add(["stages", String(i), "feeds"], UserErrorCode.INVALID_ROUTE, `No stage has the key "${stage.feeds}".`);
    else if (target === i) errors.add(["stages", String(i), "feeds"], UserErrorCode.INVALID_ROUTE, "A stage cannot feed itself.");
  });
  if (errors.any) return null;
  // From the final stage down: a stage on a cycle is never reached.
  const order: number[] = [];
  const walk = (i: number) => {
    order.push(i);
    stages.forEach((s, j) => {
      if (s.feeds != null && index.get(s.feeds) === i) walk(j);
    });
  };
  walk(finals[0]);
  if (order.length !== stages.length) {
    errors.add("stages", UserErrorCode.INVALID_ROUTE, "Some stages never reach the final stage: each must feed, through the others, the one final stage (a loop of stages does not).");
    return null;
  }
  return order;
}
