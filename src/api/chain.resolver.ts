import { GraphQLLocalDate } from "graphql-scalars";
import { Arg, Args, Ctx, Extensions, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { sees } from "../access/policy";
import { chainPlanKeyOf } from "../chains/chain-award.service";
import { AwardChainInput, PostChainInput } from "../chains/chain.inputs";
import { chainProgress, chainStatus, type StageProgress } from "../chains/chain-progress";
import { outsideKey, stageFacts, type ChainNoPlan, type ChainPlans as ServicePlans, type StageFacts } from "../chains/chain.service";
import { PageArgs, pageRequest, toConnection, toListConnection, type Connection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { MoneyInput, toMoney, type Currency } from "../graphql/money";
import type { ChainOutsideStageRow, OrderRow } from "../db/schema";
import { addDays } from "../shared/time";
import type { ChainPlan as EnginePlan, StageStart } from "../matching/chain";
import { AwardChainPayload, Chain, ChainConnection, ChainOutsideStage, ChainStatus, ChainNoPlanCode, ChainNoPlanReason, ChainPlan, ChainPlanConnection, ChainPlans, ChainStage, ChainStagePlan, PostChainPayload, toChain } from "./chain.type";
import type { Context } from "./context";
import { toMatchPlan } from "./matching.resolver";
import { noPlanText } from "./matching-reasons";
import { NoPlanReason, type NoPlanCode, type PlanPick } from "./matching.type";
import { Order, toOrder } from "./order.type";
import { toContract } from "./contract.type";

function startText(start: StageStart, titleOf: (key: string) => string): string {
  return start.code === "NO_INPUTS"
    ? "Starts on award: it takes no other stage's parts."
    : `Starts on ${start.arrives}, when the parts of "${titleOf(start.waitsFor)}" arrive, the last of its inputs.`;
}

function toOutsideStage(row: ChainOutsideStageRow, feeds: Order): ChainOutsideStage {
  return Object.assign(new ChainOutsideStage(), {
    title: row.title,
    feeds,
    value: toMoney(row.valueMinor, row.currency as Currency),
    leadDays: row.leadDays,
    moveDays: row.moveDays,
    arrivesOn: row.awardedOn === null ? null : addDays(row.awardedOn, row.leadDays + row.moveDays),
  });
}

function noPlanOf(reason: ChainNoPlan, stageOf: (key: string) => Order): ChainNoPlanReason {
  const result = new ChainNoPlanReason();
  result.code = reason.code as ChainNoPlanCode;
  result.stage = null;
  result.stageReason = null;
  if (reason.code === "STAGE") {
    const stage = stageOf(reason.stageKey);
    const own = noPlanText(reason.infeasible.facts);
    Object.assign(result, {
      stage,
      stageReason: Object.assign(new NoPlanReason(), { code: reason.infeasible.code as NoPlanCode, message: own, unitsShort: reason.infeasible.unitsShort }),
      message: `Stage "${stage.title}" has no plan from ${reason.startDate}, the earliest its inputs arrive: ${own}`,
    });
  } else if (reason.code === "STAGE_NOT_OPEN") {
    const stage = stageOf(reason.stageKey);
    Object.assign(result, { stage, message: `Stage "${stage.title}" is ${reason.status}: a chain is planned while all its stages take bids.` });
  } else if (reason.code === "TOO_COMPLEX") {
    result.message = "The chain is too complex to plan within the work budget: fewer candidates per stage (a maximum price, a minimum score) or fewer stages make it plannable.";
  } else {
    result.message = "Every plan's total is beyond exact arithmetic (about 90 trillion roubles).";
  }
  return result;
}

/** The chain engine's plans as GraphQL objects. */
async function toChainPlans(ctx: Context, plans: ServicePlans): Promise<ChainPlans> {
  const { result, currency } = plans;
  const byKey = new Map(plans.stages.map((s) => [String(s.order.id), s]));
  const orders = new Map(plans.stages.map((s) => [String(s.order.id), toOrder(s.order, ctx.now)]));
  const stageOf = (key: string) => orders.get(key)!;
  const outsideTitles = new Map(plans.outside.map((o) => [outsideKey(o.id), o.title]));
  const titleOf = (key: string) => outsideTitles.get(key) ?? stageOf(key).title;
  const toPlan = async (plan: EnginePlan): Promise<ChainPlan> =>
    Object.assign(new ChainPlan(), {
      key: chainPlanKeyOf(plans.chain.id, plan),
      totalCost: toMoney(plan.totalCost, currency),
      completionDate: plan.completionDate,
      daysToCompletion: plan.daysToCompletion,
      picks: plan.picks as PlanPick[],
      criticalPath: plan.criticalPath.map(stageOf),
      stages: await Promise.all(
        plan.stages.map(async (s) =>
          Object.assign(new ChainStagePlan(), {
            stage: stageOf(s.stageKey),
            startDate: s.startDate,
            arrivalDate: s.arrivalDate,
            startReason: startText(s.start, titleOf),
            plan: await toMatchPlan(ctx, s.plan, plans.sources.get(Number(s.stageKey))!, currency, byKey.get(s.stageKey)!.order.quantity, null),
          }),
        ),
      ),
    });
  const all = await Promise.all(result.plans.map(toPlan));
  const named = (pick: PlanPick) => all.find((p) => p.picks.includes(pick)) ?? null;
  return Object.assign(new ChainPlans(), {
    allPlans: all,
    asOf: plans.asOf,
    valuePerDayEarlier: toMoney(plans.valuePerDayMinor, currency),
    cheapest: named("CHEAPEST" as PlanPick),
    fastest: named("FASTEST" as PlanPick),
    balanced: named("BALANCED" as PlanPick),
    noPlanReason: result.infeasible && noPlanOf(result.infeasible, stageOf),
    complete: result.complete,
  });
}

function toChainStage(fact: StageFacts, all: readonly StageFacts[], progress: StageProgress, now: Date): ChainStage {
  const next = all.find((s) => s.order.id === fact.order.feedsOrderId);
  return Object.assign(new ChainStage(), {
    ...progress,
    order: toOrder(fact.order, now),
    feeds: next ? toOrder(next.order, now) : null,
    handOnQuantity: fact.handOnQuantity,
    partsPerUnit: fact.order.partsPerUnit,
    yieldPercent: fact.order.yieldPercent,
    moveDays: fact.order.moveDays,
    latestCompletion: fact.latestCompletion,
  });
}

@Resolver(() => Chain)
export class ChainResolver {
  @Mutation(() => PostChainPayload, {
    description: "A product company posts a production chain: every stage becomes an order open for bids, each ordered with enough units to hand on what the next stage takes after its scrap. Members of product companies only.",
  })
  postChain(@Arg("input", () => PostChainInput, { description: "The mutation's input; its type describes each field." }) input: PostChainInput, @Ctx() ctx: Context): Promise<PostChainPayload> {
    return payloadOf(ctx.services.chains.post(ctx, input), (row) => ({ chain: toChain(row) }), { chain: null });
  }

  @Query(() => ChainConnection, { nullable: true, description: "Your company's production chains, newest first. Company members only." })
  async myChains(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Chain>> {
    const page = pageRequest(args);
    const { rows, count } = await ctx.services.chains.listOwn(ctx, page);
    return toConnection(rows, page, toChain, count);
  }

  @Mutation(() => AwardChainPayload, {
    description:
      "The customer awards a whole chain by a plan of chain.plans: every stage's contracts at once, each stage's work booked from the day its inputs arrive, all checks passed or nothing changes.",
  })
  awardChain(@Arg("input", () => AwardChainInput, { description: "The mutation's input; its type describes each field." }) input: AwardChainInput, @Ctx() ctx: Context): Promise<AwardChainPayload> {
    return payloadOf(ctx.services.chainAwards.award(ctx, input), ({ chain, contracts }) => ({ chain: toChain(chain), contracts: contracts.map(toContract) }), { chain: null, contracts: null });
  }

  @FieldResolver(() => [ChainStage], { description: "The stages, final first, each before the stages that feed it. At most 12: not paginated." })
  async stages(@Root() chain: Chain, @Ctx() ctx: Context): Promise<ChainStage[]> {
    const rows = await ctx.loaders.chainRows.load(chain.dbId);
    const facts = stageFacts(chain.row, rows.stages);
    const progress = chainProgress(chain.row, rows, ctx.now);
    return facts.map((fact) => toChainStage(fact, facts, progress.stages.get(fact.order.id)!, ctx.now));
  }

  @FieldResolver(() => [ChainOutsideStage], { description: "Parts bought in from outside the cluster, as declared (at most 12)." })
  async outsideStages(@Root() chain: Chain, @Ctx() ctx: Context): Promise<ChainOutsideStage[]> {
    const rows = await ctx.services.chains.outsideStages(ctx, chain.row);
    const orders = await ctx.loaders.orderById.loadMany(rows.map((r) => r.feedsOrderId));
    return rows.map((row, i) => toOutsideStage(row, toOrder(orders[i] as OrderRow, ctx.now)));
  }

  @FieldResolver(() => ChainStatus, { description: "Where the chain is in its life, from its stages." })
  async status(@Root() chain: Chain, @Ctx() ctx: Context): Promise<ChainStatus> {
    return chainStatus((await ctx.loaders.chainRows.load(chain.dbId)).stages, ctx.now) as ChainStatus;
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true, description: "When the final stage is expected complete (or completed), with every delay so far; null before the award." })
  async expectedCompletion(@Root() chain: Chain, @Ctx() ctx: Context): Promise<string | null> {
    return chainProgress(chain.row, await ctx.loaders.chainRows.load(chain.dbId), ctx.now).expectedCompletion;
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true, description: "The day the final stage's last units were accepted: the chain's completion. Null until then." })
  async completedOn(@Root() chain: Chain, @Ctx() ctx: Context): Promise<string | null> {
    return chainProgress(chain.row, await ctx.loaders.chainRows.load(chain.dbId), ctx.now).completedOn;
  }

  @Extensions(fieldCost(REPORT_COST.chainPlans))
  @FieldResolver(() => ChainPlans, {
    description:
      "How to split the whole chain between contractors, stage by stage: for every achievable final completion date the cheapest plan, each stage starting when its inputs arrive, with CHEAPEST, FASTEST and BALANCED named. The customer and the coordinator only.",
  })
  async plans(
    @Root() chain: Chain,
    @Arg("valuePerDayEarlier", () => MoneyInput, { nullable: true, description: "What a day earlier is worth, for BALANCED; default the chain's own." }) valuePerDayEarlier: MoneyInput | null,
    @Ctx() ctx: Context,
  ): Promise<ChainPlans> {
    return toChainPlans(ctx, await ctx.services.chains.plans(ctx, chain.row, valuePerDayEarlier));
  }
}

@Resolver(() => Order)
export class OrderChainResolver {
  @FieldResolver(() => Chain, { nullable: true, description: "The production chain this order is a stage of; null for a single order, and for anyone but the chain's customer and the coordinator." })
  async chain(@Root() order: Order, @Ctx() ctx: Context): Promise<Chain | null> {
    if (order.row.chainId === null || !sees(ctx.viewer, "Chain", { owner: order.companyDbId })) return null;
    const row = await ctx.loaders.chainById.load(order.row.chainId);
    return row ? toChain(row) : null;
  }
}

@Resolver(() => ChainPlans)
export class ChainPlansResolver {
  @FieldResolver(() => ChainPlanConnection, { description: "The plans of the front, earliest completion first." })
  plans(@Root() plans: ChainPlans, @Args(() => PageArgs) args: PageArgs): Connection<ChainPlan> {
    return toListConnection(plans.allPlans, pageRequest(args));
  }
}
