import { gate, memberOf, seesOrder } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { QuestionRow } from "../db/schema";
import { questionEvent } from "../events/domain-events";
import { actorOf, appendEvents } from "../events/event.repository";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { acceptingBids } from "../orders/order-state";
import { findOrderById } from "../orders/order.repository";
import { ordersBidOnBy } from "../bids/bid.repository";
import { optionalText } from "../shared/validate";
import type { AnswerQuestionInput, AskQuestionInput } from "./question.inputs";
import { answerQuestion, findQuestionsByIds, insertQuestion } from "./question.repository";

export const QUESTION_LENGTH = 2000;
export const ANSWER_LENGTH = 4000;

/** Questions on open orders: sealed like bids, until the owner publishes one with its answer. */
export class QuestionService {
  /** A contract company that may see an open order asks its owner. */
  async ask(ctx: RequestContext, input: AskQuestionInput): Promise<Outcome<QuestionRow>> {
    const v = gate(ctx.viewer, "askQuestion");
    const errors = new UserErrors();
    const text = optionalText(errors, "text", input.text, "The question", QUESTION_LENGTH);
    if (!errors.any && text.length === 0) errors.add("text", UserErrorCode.BLANK, "The question must not be blank.");
    return transact(ctx, async ({ db, now }) => {
      const id = idOf(input.orderId, "Order");
      const order = id === null ? undefined : await findOrderById(db, id);
      const open = order !== undefined && acceptingBids(order, now);
      const bidOn = order !== undefined && !open && (await ordersBidOnBy(db, v.companyId!, [order.id])).has(order.id);
      // An order the viewer may not see looks missing.
      if (!order || !seesOrder(v, order, open, bidOn)) {
        return refused(errors.add("orderId", UserErrorCode.NOT_FOUND, "No open order with this id that you may ask about."));
      }
      if (!open) errors.add("orderId", UserErrorCode.BIDDING_CLOSED, "Bidding on this order is closed: questions are for orders taking bids.");
      if (errors.any) return refused(errors);
      const question = await insertQuestion(db, { orderId: order.id, companyId: v.companyId!, text, askedBy: v.holderName, askedAt: now });
      await appendEvents(db, actorOf(v), now, [questionEvent("QUESTION_ASKED", order, question)]);
      return ok(question);
    });
  }

  /** The order's owner answers, to the asker or to every bidder. */
  async answer(ctx: RequestContext, input: AnswerQuestionInput): Promise<Outcome<QuestionRow>> {
    const v = gate(ctx.viewer, "answerQuestion");
    const errors = new UserErrors();
    const answer = optionalText(errors, "answer", input.answer, "The answer", ANSWER_LENGTH);
    if (!errors.any && answer.length === 0) errors.add("answer", UserErrorCode.BLANK, "The answer must not be blank.");
    return transact(ctx, async ({ db, now }) => {
      const id = idOf(input.questionId, "Question");
      const question = id === null ? undefined : (await findQuestionsByIds(db, [id]))[0];
      const order = question && (await findOrderById(db, question.orderId));
      if (!question || !order || !memberOf(v, order.companyId)) {
        return refused(errors.add("questionId", UserErrorCode.NOT_FOUND, "No question with this id on an order of yours."));
      }
      if (question.answer !== null) errors.add("questionId", UserErrorCode.INVALID_STATE, "The question is answered already.");
      if (errors.any) return refused(errors);
      const answered = await answerQuestion(db, question.id, { answer, answeredBy: v.holderName, answeredAt: now, published: input.publish });
      if (!answered) return refused(errors.add("questionId", UserErrorCode.INVALID_STATE, "The question is answered already."));
      const events = [questionEvent("QUESTION_ANSWERED", order, answered)];
      if (input.publish) events.push(questionEvent("QUESTION_PUBLISHED", order, answered, true));
      await appendEvents(db, actorOf(v), now, events);
      return ok(answered);
    });
  }
}
