import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { companies } from "./companies";
import { orders } from "./orders";

/**
 * A contractor's question on an open order and the owner's answer: private to the two (and
 * the coordinator), sealed like a bid, unless the owner publishes it to every bidder.
 */
export const questions = sqliteTable(
  "questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    /** The company that asked. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    text: text("text").notNull(),
    askedBy: text("asked_by").notNull(),
    askedAt: integer("asked_at", { mode: "timestamp_ms" }).notNull(),
    answer: text("answer"),
    answeredBy: text("answered_by"),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    /** Published with its answer to everyone who may see the order (its bidders among them). */
    published: integer("published", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("questions_order_idx").on(t.orderId, t.id),
    check("questions_answer_check", sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    check("questions_published_check", sql`${t.published} = false or ${t.answer} is not null`),
  ],
);

export type QuestionRow = typeof questions.$inferSelect;
