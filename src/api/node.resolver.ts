import { memberOf, produces, sees, seesBid, seesContract, seesOrder } from "../access/policy";
import { effectiveStatus } from "../orders/order-state";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { toApiToken } from "./api-token.type";
import { toCapability } from "./capability.type";
import { toCompany } from "./company.type";
import type { Context } from "./context";
import { toEngineer } from "./engineer.type";
import { badUserInput } from "../graphql/errors";
import { fromGlobalId, toGlobalId, type NodeTypeName } from "../graphql/global-id";
import { Node } from "../graphql/node";
import { toCapabilityOffer } from "./capability-offer.type";
import { toPark } from "./park.type";
import { toBid } from "./bid.type";
import { toContract } from "./contract.type";
import { toDelivery } from "./delivery.type";
import { toInvestment } from "./investment.type";
import { toOrder } from "./order.type";
import { toChain } from "./chain.type";
import { toNotification } from "./notification.type";
import { findNotificationsByIds } from "../notifications/notification.repository";
import { findQuestionsByIds } from "../questions/question.repository";
import { toQuestion } from "./question.type";
import { toDocument } from "./document.type";

const MAX_NODES = 100;

/** What a row refers to (an event's order, a notification's bid), read as `node` reads it: null where the viewer may not see it. */
export async function referenced<T>(ctx: Context, type: NodeTypeName, id: number | null): Promise<T | null> {
  return id === null ? null : ((await loadNode(ctx, toGlobalId(type, id))) as T | null);
}

/**
 * Any object by global ID, with the same visibility as everywhere else: what the viewer may
 * not see resolves to null, exactly like an id that does not exist.
 */
export async function loadNode(ctx: Context, globalId: string): Promise<Node | null> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const { loaders, viewer } = ctx;
  switch (decoded.type) {
    case "Park": {
      const row = await loaders.parkById.load(decoded.id);
      return row ? toPark(row) : null;
    }
    case "Company": {
      const row = await loaders.companyById.load(decoded.id);
      return row ? toCompany(row) : null;
    }
    case "Capability": {
      const row = await loaders.capabilityById.load(decoded.id);
      return row ? toCapability(row) : null;
    }
    case "Engineer": {
      const row = await loaders.engineerById.load(decoded.id);
      return row && sees(viewer, "Engineer", { owner: row.companyId }) ? toEngineer(row) : null;
    }
    case "CapabilityOffer": {
      const row = await loaders.offerById.load(decoded.id);
      return row && (row.active || sees(viewer, "CapabilityOffer (withdrawn)", { owner: row.companyId })) ? toCapabilityOffer(row) : null;
    }
    case "ApiToken": {
      const row = await loaders.apiTokenById.load(decoded.id);
      const visible = row && sees(viewer, "ApiToken", { owner: row.companyId });
      return visible ? toApiToken(row) : null;
    }
    case "Order": {
      const row = await loaders.orderById.load(decoded.id);
      if (!row) return null;
      const hasBid = viewer !== null && produces(viewer.companyKind) && (await loaders.hasBidOn.load(`${viewer.companyId}:${row.id}`));
      return seesOrder(viewer, row, effectiveStatus(row, ctx.now) === "OPEN", hasBid) ? toOrder(row, ctx.now) : null;
    }
    case "Chain": {
      const row = await ctx.services.chains.find(ctx, decoded.id);
      return row ? toChain(row) : null;
    }
    case "Bid": {
      const row = await loaders.bidById.load(decoded.id);
      const order = row && (await loaders.orderById.load(row.orderId));
      return row && order && seesBid(viewer, row, order.companyId) ? toBid(row) : null;
    }
    case "Contract": {
      const row = await loaders.contractById.load(decoded.id);
      return row && seesContract(viewer, row) ? toContract(row) : null;
    }
    case "Delivery": {
      const row = await loaders.deliveryById.load(decoded.id);
      return row && seesContract(viewer, row) ? toDelivery(row) : null;
    }
    case "Notification": {
      const [row] = await findNotificationsByIds(ctx.db, [decoded.id]);
      return row && memberOf(viewer, row.companyId) ? toNotification(row) : null;
    }
    case "Question": {
      const [row] = await findQuestionsByIds(ctx.db, [decoded.id]);
      const order = row && (await loaders.orderById.load(row.orderId));
      if (!row || !order) return null;
      if (sees(viewer, "Question (private)", { owner: row.companyId, counterparts: [order.companyId] })) return toQuestion(row);
      // A published question: whoever may see its order.
      return row.published && (await referenced(ctx, "Order", row.orderId)) ? toQuestion(row) : null;
    }
    case "Document": {
      // A document is seen by whoever sees what it is attached to.
      const info = await ctx.services.documents.info(ctx, decoded.id);
      if (!info) return null;
      const target = info.orderId !== null ? await referenced(ctx, "Order", info.orderId) : info.bidId !== null ? await referenced(ctx, "Bid", info.bidId) : await referenced(ctx, "Question", info.questionId);
      return target ? toDocument(info) : null;
    }
    case "Investment": {
      const row = await ctx.services.reports.investment(ctx, decoded.id);
      return row ? toInvestment(row) : null;
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null if it does not exist or is not visible to you." })
  node(@Arg("id", () => ID, { description: "A global ID." }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items", description: `Objects by global IDs, in order, at most ${MAX_NODES}; null for each not found or not visible.` })
  nodes(@Arg("ids", () => [ID], { description: "Global IDs." }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`At most ${MAX_NODES} ids at once.`, "ids");
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
