import { gate, memberOf } from "../access/policy";
import { awardLines, checkAllocations } from "../awards/award.service";
import { allocationOf, bidOfQuote, pricesChanged, recheckLines, type CheckedLines } from "../awards/plans.service";
import { findContractsOfOrder } from "../contracts/contract.repository";
import { transact, type RequestContext } from "../core/request-context";
import type { Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { BidRow, ChainRow, ContractRow } from "../db/schema";
import { ok, refused, RefusedError, UserErrorCode, UserErrors, type Outcome, type UserError } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import type { Currency } from "../graphql/money";
import type { ChainPlan } from "../matching/chain";
import { decodeChainPlanKey, encodeChainPlanKey, type PlanKeyLine } from "../matching/plan-key";
import { effectiveStatus } from "../orders/order-state";
import { idempotent } from "../shared/idempotency";
import { daysBetween, localDate } from "../shared/time";
import type { AwardChainInput } from "./chain.inputs";
import { findChainById, markOutsideStagesAwarded } from "./chain.repository";
import { stagesOfChain } from "../orders/order.repository";
import type { ChainService } from "./chain.service";

export interface ChainAward {
  chain: ChainRow;
  /** Every stage's contracts, stage by stage as the plan lists them (inputs first). */
  contracts: ContractRow[];
}

/** A stage plan's lines as a key names them. */
const keyLinesOf = (stage: ChainPlan["stages"][number]): PlanKeyLine[] =>
  stage.plan.lines.map((line) => {
    const [source, id] = line.key.split(":");
    return { source: source as PlanKeyLine["source"], id: Number(id), quantity: line.quantity };
  });

/** The key awardChain takes to award this plan of the chain. */
export function chainPlanKeyOf(chainId: number, plan: ChainPlan): string {
  return encodeChainPlanKey({ chainId, totalCost: plan.totalCost, stages: plan.stages.map((s) => ({ orderId: Number(s.stageKey), lines: keyLinesOf(s) })) });
}

/** The plan to award, found on the chain's front, or why there is none. */
type Found = { chain: ChainRow; plan: ChainPlan } | { errors: UserError[] };

/**
 * Awarding a whole production chain in one step, by a plan of its front: every stage's
 * contracts at once, each stage's work booked from the day its inputs arrive (the plan's start
 * date), never before, and promised on its line's completion date.
 */
export class ChainAwardService {
  constructor(private readonly chains: ChainService) {}

  /**
   * The plan is looked up on the chain's current front first, outside the transaction (the
   * engine runs in its worker): a key made by hand, or kept from a front that moved since, is
   * refused. The transaction then checks every stage's bids, offers and prices again and books
   * the work; any refusal rolls all of it back.
   */
  async award(ctx: RequestContext, input: AwardChainInput): Promise<Outcome<ChainAward>> {
    const v = gate(ctx.viewer, "awardChain");
    const now = ctx.now;
    const found = await this.find(ctx, v, input);
    return transact(ctx, async ({ db: tx }) =>
      idempotent(
        tx,
        v,
        "awardChain",
        input.idempotencyKey,
        input,
        () => ("errors" in found ? Promise.resolve(refused(found.errors)) : this.awardOnce(tx, v, found.chain, found.plan, now)),
        ({ chain }) => chain.id,
        async (id) => this.awardOf(tx, (await findChainById(tx, id))!),
        now,
      ),
    );
  }

  private async find(ctx: RequestContext, v: Viewer, input: AwardChainInput): Promise<Found> {
    const errors = new UserErrors();
    const chainId = idOf(input.chainId, "Chain");
    const chain = chainId === null ? undefined : await findChainById(ctx.db, chainId);
    if (!chain || !memberOf(v, chain.companyId)) return { errors: errors.add("chainId", UserErrorCode.NOT_FOUND, "No chain with this id that your company posted.").list };
    const key = decodeChainPlanKey(input.planKey);
    if (!key || key.chainId !== chain.id) return { errors: errors.add("planKey", UserErrorCode.NOT_FOUND, "Not a plan of this chain: read chain.plans and pass one plan's key.").list };
    const { result } = await this.chains.plans(ctx, chain, null);
    if (result.infeasible?.code === "STAGE_NOT_OPEN") {
      return { errors: errors.add("chainId", UserErrorCode.INVALID_STATE, `A stage of the chain is ${result.infeasible.status}: a chain is awarded while every stage is open.`).list };
    }
    const plan = result.plans.find((p) => chainPlanKeyOf(chain.id, p) === input.planKey);
    if (!plan) {
      const cut = result.complete ? "" : " (the front was cut short by the engine's work budget)";
      return { errors: errors.add("planKey", UserErrorCode.PLAN_CHANGED, `This is not one of the chain's current plans${cut}: bids, offers or capacity changed. Read chain.plans again.`).list };
    }
    return { chain, plan };
  }

  private async awardOnce(tx: Executor, v: Viewer, chain: ChainRow, plan: ChainPlan, now: Date): Promise<Outcome<ChainAward>> {
    const errors = new UserErrors();
    const stages = new Map((await stagesOfChain(tx, chain.id)).map((s) => [s.id, s]));
    for (const stage of stages.values()) {
      const status = effectiveStatus(stage, now);
      if (status !== "OPEN") return refused(errors.add("chainId", UserErrorCode.INVALID_STATE, `Stage "${stage.title}" is ${status}: a chain is awarded while every stage is open.`));
    }
    // Every stage's lines checked again before anything is written.
    const checked = new Map<string, CheckedLines>();
    let totalCost = 0;
    for (const stage of plan.stages) {
      const lines = await recheckLines(tx, stages.get(Number(stage.stageKey))!, keyLinesOf(stage), now, errors, "Read chain.plans again.");
      if (!lines) return refused(errors);
      checked.set(stage.stageKey, lines);
      totalCost += lines.totalCost;
    }
    if (totalCost !== plan.totalCost) {
      pricesChanged(errors, chain.currency as Currency, totalCost, plan.totalCost, "Read chain.plans again.");
      return refused(errors);
    }
    // From here quote lines become bids: a refusal is thrown, rolling them back.
    const contracts: ContractRow[] = [];
    for (const stage of plan.stages) {
      const order = stages.get(Number(stage.stageKey))!;
      const keyLines = keyLinesOf(stage);
      const rows = checked.get(stage.stageKey)!;
      const fromQuotes = new Map<number, BidRow>();
      const promised = new Map<number, string>();
      const allocations = [];
      for (const [i, line] of keyLines.entries()) {
        // Each line is promised on the date the plan completes it, counted from the stage's start.
        const completion = stage.plan.lines[i].completionDate;
        if (line.source === "offer") fromQuotes.set(line.id, await bidOfQuote(tx, v, order, rows.offers.get(line.id)!, line.quantity, daysBetween(stage.startDate, completion), now));
        const allocation = allocationOf(line, rows, fromQuotes);
        promised.set(allocation.bid.id, completion);
        allocations.push(allocation);
      }
      const promisedOf = (bid: BidRow) => promised.get(bid.id)!;
      const lines = checkAllocations(order, allocations, now, errors, promisedOf);
      if (errors.any) throw new RefusedError(errors.list.map((e) => Object.assign(e, { field: ["planKey"], message: `Stage "${order.title}": ${e.message} Read chain.plans again.` })));
      const starts = stage.start.code === "NO_INPUTS" ? "work from the award" : `work from ${stage.startDate}, when its inputs arrive`;
      contracts.push(
        ...(await awardLines(tx, v, order, lines, now, {
          startDate: stage.startDate,
          promisedOf,
          fieldOf: () => ["planKey"],
          noteOf: (contract) => `Stage "${order.title}" of the chain "${chain.title}": ${starts}, promised for ${contract.promisedDate}.`,
          orderNote: `Awarded with the chain "${chain.title}".`,
        })),
      );
    }
    // The parts bought outside are ordered now: they arrive counted from today, as the plan counted them.
    await markOutsideStagesAwarded(tx, chain.id, localDate(now));
    return ok({ chain, contracts });
  }

  private async awardOf(db: Executor, chain: ChainRow): Promise<ChainAward> {
    const contracts: ContractRow[] = [];
    for (const stage of await stagesOfChain(db, chain.id)) contracts.push(...(await findContractsOfOrder(db, stage.id)));
    return { chain, contracts };
  }
}
