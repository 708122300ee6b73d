import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { sees } from "../access/policy";
import { type Connection, PageArgs, pageRequest, toConnection } from "../graphql/connection";
import { payloadOf } from "../graphql/errors";
import { AnswerQuestionInput, AskQuestionInput } from "../questions/question.inputs";
import { Company } from "./company.type";
import { loadCompany } from "./company-field";
import type { Context } from "./context";
import { loadOrder } from "./order-field";
import { Order } from "./order.type";
import { Question, QuestionConnection, QuestionPayload, toQuestion } from "./question.type";

@Resolver(() => Order)
export class OrderQuestionsResolver {
  @FieldResolver(() => QuestionConnection, {
    description: "Questions on the order, oldest first: all for the owner and the coordinator; for a contractor its own and the published ones.",
  })
  async questions(@Root() order: Order, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Connection<Question>> {
    const page = pageRequest(args);
    const all = sees(ctx.viewer, "Order.everyBid", { owner: order.companyDbId });
    const filter = { companyId: all ? null : (ctx.viewer?.companyId ?? -1) };
    const rows = await ctx.loaders.questionsByOrder.load({ parentId: order.dbId, page, filter });
    return toConnection(rows, page, toQuestion, () => ctx.loaders.questionsByOrder.countOf(order.dbId, filter));
  }
}

@Resolver(() => Question)
export class QuestionResolver {
  @FieldResolver(() => Order, { description: "The order asked about." })
  order(@Root() question: Question, @Ctx() ctx: Context): Promise<Order> {
    return loadOrder(ctx, question.row.orderId);
  }

  @FieldResolver(() => Company, { nullable: true, description: "The company that asked: for the asker, the order's owner and the coordinator; null for others (a published question names no one)." })
  async company(@Root() question: Question, @Ctx() ctx: Context): Promise<Company | null> {
    const order = await ctx.loaders.orderById.load(question.row.orderId);
    if (!order || !sees(ctx.viewer, "Question.company", { owner: question.row.companyId, counterparts: [order.companyId] })) return null;
    return loadCompany(ctx, question.row.companyId);
  }

  @Mutation(() => QuestionPayload, { description: "A contract company asks an open order's owner a question; only the owner (and the coordinator) read it unless the owner publishes it." })
  askQuestion(@Arg("input", () => AskQuestionInput, { description: "The mutation's input; its type describes each field." }) input: AskQuestionInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return payloadOf(ctx.services.questions.ask(ctx, input), (row) => ({ question: toQuestion(row) }), { question: null });
  }

  @Mutation(() => QuestionPayload, { description: "The order's owner answers a question: to the asker, or with publish: true to everyone who may see the order." })
  answerQuestion(@Arg("input", () => AnswerQuestionInput, { description: "The mutation's input; its type describes each field." }) input: AnswerQuestionInput, @Ctx() ctx: Context): Promise<QuestionPayload> {
    return payloadOf(ctx.services.questions.answer(ctx, input), (row) => ({ question: toQuestion(row) }), { question: null });
  }
}
