import { Arg, Ctx, FieldResolver, Float, Resolver, Root, Subscription } from "type-graphql";
import { gate, sees } from "../access/policy";
import { toHours } from "../capacity/hours";
import type { EventRow } from "../db/schema";
import { badUserInput } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { Bid } from "./bid.type";
import type { Context } from "./context";
import { Contract } from "./contract.type";
import { Delivery } from "./delivery.type";
import { MarketEvent, MarketEventFilter, toMarketEvent } from "./event.type";
import type { LiveFilter } from "./live";
import { referenced } from "./node.resolver";
import { Order } from "./order.type";
import { Question } from "./question.type";

function liveFilterOf(filter: MarketEventFilter | null): LiveFilter {
  const orderId = filter?.orderId == null ? null : idOf(filter.orderId, "Order");
  if (filter?.orderId != null && orderId === null) throw badUserInput("filter.orderId is not an order's id.", "filter");
  return { types: filter?.types?.length ? new Set(filter.types) : null, orderId };
}

@Resolver(() => MarketEvent)
export class MarketEventResolver {
  @Subscription(() => MarketEvent, {
    description:
      "Events as they are committed, by any API process: those you may see, by the same rules as queries. An order's owner hears of every bid, contract, delivery and change of its orders; a contract company of new open orders in capabilities it offers, of its own bids and contracts, and of the orders it bid on; the coordinator of everything; a competitor never of a sealed bid. Select `order { plans }` to have an order's plans recomputed with each change. Over WebSocket (graphql-ws, at /graphql), with the API token in `connection_init`; ends when the token is revoked.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const viewer = gate(ctx.viewer, "marketEvents");
      return ctx.live.subscribe(viewer, liveFilterOf((args as { filter?: MarketEventFilter | null }).filter ?? null));
    },
  })
  marketEvents(
    @Root() row: EventRow,
    @Arg("filter", () => MarketEventFilter, { nullable: true, description: "Which events; default every event you may see." }) _filter: MarketEventFilter | null,
  ): MarketEvent {
    return toMarketEvent(row);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "The engineer-hours it concerns (a contract's work, hours moved between engineers): the contractor's internal figure, null for anyone but its members and the coordinator.",
  })
  engineerHours(@Root() event: MarketEvent, @Ctx() ctx: Context): number | null {
    const { centihours, contractorCompanyId } = event.row;
    if (centihours === null || !sees(ctx.viewer, "Contract.engineerHours", { owner: contractorCompanyId })) return null;
    return toHours(centihours);
  }

  @FieldResolver(() => Order, { nullable: true, description: "The order it concerns, as you may see it now; null where you may not." })
  order(@Root() event: MarketEvent, @Ctx() ctx: Context): Promise<Order | null> {
    return referenced(ctx, "Order", event.row.orderId);
  }

  @FieldResolver(() => Bid, { nullable: true, description: "The bid it concerns, if any, as you may see it now." })
  bid(@Root() event: MarketEvent, @Ctx() ctx: Context): Promise<Bid | null> {
    return referenced(ctx, "Bid", event.row.bidId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: "The contract it concerns, if any, as you may see it now." })
  contract(@Root() event: MarketEvent, @Ctx() ctx: Context): Promise<Contract | null> {
    return referenced(ctx, "Contract", event.row.contractId);
  }

  @FieldResolver(() => Delivery, { nullable: true, description: "The delivery it concerns, if any, as you may see it now." })
  delivery(@Root() event: MarketEvent, @Ctx() ctx: Context): Promise<Delivery | null> {
    return referenced(ctx, "Delivery", event.row.deliveryId);
  }

  @FieldResolver(() => Question, { nullable: true, description: "The question it concerns, if any, as you may see it now." })
  question(@Root() event: MarketEvent, @Ctx() ctx: Context): Promise<Question | null> {
    return referenced(ctx, "Question", event.row.questionId);
  }
}
