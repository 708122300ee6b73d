import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type Connection, PageArgs, pageRequest, toConnection } from "../graphql/connection";
import { Bid } from "./bid.type";
import type { Context } from "./context";
import { Document, DocumentConnection, toDocument } from "./document.type";
import { Order } from "./order.type";
import { Question } from "./question.type";

const DESCRIPTION = "Drawings and specifications attached to it, oldest first (upload with POST /documents).";

@Resolver(() => Order)
export class OrderDocumentsResolver {
  @FieldResolver(() => DocumentConnection, { description: `${DESCRIPTION} Whoever may see the order.` })
  async documents(@Root() order: Order, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Document>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.documentsByOrder.load({ parentId: order.dbId, page, filter: null });
    return toConnection(rows, page, toDocument, () => ctx.loaders.documentsByOrder.countOf(order.dbId, null));
  }
}

@Resolver(() => Bid)
export class BidDocumentsResolver {
  @FieldResolver(() => DocumentConnection, { description: `${DESCRIPTION} Sealed with the bid: its bidder, the order's owner and the coordinator.` })
  async documents(@Root() bid: Bid, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Document>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.documentsByBid.load({ parentId: bid.dbId, page, filter: null });
    return toConnection(rows, page, toDocument, () => ctx.loaders.documentsByBid.countOf(bid.dbId, null));
  }
}

@Resolver(() => Question)
export class QuestionDocumentsResolver {
  @FieldResolver(() => DocumentConnection, { description: `${DESCRIPTION} Attached by the owner with the answer; whoever may see the question.` })
  async documents(@Root() question: Question, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Document>> {
    const page = pageRequest(args);
    const rows = await ctx.loaders.documentsByQuestion.load({ parentId: question.row.id, page, filter: null });
    return toConnection(rows, page, toDocument, () => ctx.loaders.documentsByQuestion.countOf(question.row.id, null));
  }
}

