import { exclusionText, lineReasonText, noPlanText } from "./matching-reasons";
import { sees } from "../access/policy";
import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { fieldCost, REPORT_COST } from "../graphql/limits";
import { toBid } from "./bid.type";
import { loadCompany } from "./company-field";
import type { Context } from "./context";
import { PageArgs, pageRequest, toListConnection, type Connection } from "../graphql/connection";
import { type Currency, Money, toMoney } from "../graphql/money";
import { toCapabilityOffer } from "./capability-offer.type";
import { SourcingPolicy } from "./order.type";
import type { SourcedCandidate } from "../matching/candidates";
import type { Plan } from "../matching/engine";
import { MatchPreviewInput } from "../awards/plans.inputs";
import { planKeyOf, type Plans } from "../awards/plans.service";
import {
  ExcludedCandidate,
  ExcludedCandidateConnection,
  MatchPlan,
  MatchPlanConnection,
  MatchPlans,
  NoPlanReason,
  PlanLine,
  type PlanLineSource,
  type ExclusionReason,
  type NoPlanCode,
  type PlanPick,
} from "./matching.type";

/** The bid or offer behind a plan line or an exclusion. */
export type LineSource = Pick<SourcedCandidate, "bid" | "offer">;

async function sourceFields(ctx: Context, of: { contractorId: number; source: string }, source: LineSource) {
  return {
    contractor: await loadCompany(ctx, of.contractorId),
    source: of.source as PlanLineSource,
    bid: source.bid && toBid(source.bid),
    capabilityOffer: source.offer && toCapabilityOffer(source.offer),
  };
}

/** One plan of the engine as a GraphQL object: its lines with their contractors, bids or offers, and reasons. */
export async function toMatchPlan(ctx: Context, plan: Plan, sources: ReadonlyMap<string, LineSource>, currency: Currency, quantity: number, key: string | null): Promise<MatchPlan> {
  return Object.assign(new MatchPlan(), {
    key,
    lines: await Promise.all(
      plan.lines.map(async (line) =>
        Object.assign(new PlanLine(), {
          ...(await sourceFields(ctx, line, sources.get(line.key)!)),
          quantity: line.quantity,
          unitPrice: toMoney(line.unitPrice, currency),
          cost: toMoney(line.cost, currency),
          completionDate: line.completionDate,
          reason: lineReasonText(line.reason),
        }),
      ),
    ),
    totalCost: toMoney(plan.totalCost, currency),
    completionDate: plan.completionDate,
    daysToCompletion: plan.daysToCompletion,
    contractorCount: plan.contractorCount,
    largestShare: plan.largestShare,
    largestSharePercent: Math.round((plan.largestShare * 1000) / quantity) / 10,
    picks: plan.picks as PlanPick[],
  });
}

/** The engine's plans as GraphQL objects, contractors loaded through the request's loader. */
export async function toMatchPlans(ctx: Context, plans: Plans, quantity: number): Promise<MatchPlans> {
  const { result, sources, currency } = plans;
  const toPlan = (plan: Plan) => toMatchPlan(ctx, plan, sources, currency, quantity, plans.orderId === null ? null : planKeyOf(plans.orderId, plan));
  const all = await Promise.all(result.plans.map(toPlan));
  const named = (pick: PlanPick) => all.find((p) => p.picks.includes(pick)) ?? null;
  const excluded = await Promise.all(
    result.excluded.map(async (e) => Object.assign(new ExcludedCandidate(), { ...(await sourceFields(ctx, { contractorId: e.contractorId, source: sources.get(e.key)!.candidate.source }, sources.get(e.key)!)), reason: e.code as ExclusionReason, message: exclusionText(e) })),
  );
  return Object.assign(new MatchPlans(), {
    allPlans: all,
    allExcluded: excluded,
    asOf: plans.asOf,
    valuePerDayEarlier: toMoney(plans.valuePerDayMinor, currency),
    cheapest: named("CHEAPEST" as PlanPick),
    fastest: named("FASTEST" as PlanPick),
    balanced: named("BALANCED" as PlanPick),
    noPlanReason:
      result.infeasible &&
      Object.assign(new NoPlanReason(), { code: result.infeasible.code as NoPlanCode, message: noPlanText(result.infeasible.facts), unitsShort: result.infeasible.unitsShort }),
    complete: result.complete,
  });
}

@Resolver(() => SourcingPolicy)
export class SourcingPolicyResolver {
  @FieldResolver(() => Money, { nullable: true, description: "What each day earlier is worth to the owner (BALANCED weighs cost against it). Null unless you own the order or are the coordinator." })
  valuePerDayEarlier(@Root() policy: SourcingPolicy, @Ctx() ctx: Context): Money | null {
    return sees(ctx.viewer, "SourcingPolicy.valuePerDayEarlier", { owner: policy.ownerCompanyDbId }) ? policy.valuePerDay : null;
  }
}

@Resolver(() => MatchPlans)
export class MatchPlansResolver {
  @Extensions(fieldCost(REPORT_COST.matchPreview))
  @Query(() => MatchPlans, {
    nullable: true,
    description: "What-if before posting: the plans current instant quotes would give an order of these terms. Product companies and the coordinator.",
  })
  async matchPreview(@Arg("input", () => MatchPreviewInput, { description: "The order you consider posting." }) input: MatchPreviewInput, @Ctx() ctx: Context): Promise<MatchPlans> {
    return toMatchPlans(ctx, await ctx.services.plans.preview(ctx, input), input.quantity);
  }

  @FieldResolver(() => MatchPlanConnection, { description: "The plans of the front, earliest completion first." })
  plans(@Root() plans: MatchPlans, @Args(() => PageArgs) args: PageArgs): Connection<MatchPlan> {
    return toListConnection(plans.allPlans, pageRequest(args));
  }

  @FieldResolver(() => ExcludedCandidateConnection, { description: "Contractors left out of every plan, and why." })
  excluded(@Root() plans: MatchPlans, @Args(() => PageArgs) args: PageArgs): Connection<ExcludedCandidate> {
    return toListConnection(plans.allExcluded, pageRequest(args));
  }
}
