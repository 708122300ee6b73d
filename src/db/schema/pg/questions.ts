import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { companies } from "./companies";
import { orders } from "./orders";

/**
 * A contractor's question on an open order and the owner's answer: private to the two (and
 * the coordinator), sealed like a bid, unless the owner publishes it to every bidder.
 */
export const questions = pgTable(
  "questions",
  {
    id: id(),
    orderId: int64("order_id")
      .notNull()
      .references(() => orders.id),
    /** The company that asked. */
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    text: text("text").notNull(),
    askedBy: text("asked_by").notNull(),
    askedAt: instant("asked_at").notNull(),
    answer: text("answer"),
    answeredBy: text("answered_by"),
    answeredAt: instant("answered_at"),
    /** Published with its answer to everyone who may see the order (its bidders among them). */
    published: boolean("published").notNull().default(false),
  },
  (t) => [
    index("questions_order_idx").on(t.orderId, t.id),
    check("questions_answer_check", sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    check("questions_published_check", sql`${t.published} = false or ${t.answer} is not null`),
  ],
);

export type QuestionRow = typeof questions.$inferSelect;
