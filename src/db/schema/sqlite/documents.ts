import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bids } from "./bids";
import { companies } from "./companies";
import { orders } from "./orders";
import { questions } from "./questions";

/**
 * A drawing or specification (PDF, STEP, DWG/DXF, an image) attached to one order, bid or
 * answered question, stored in the database itself: committed, backed up and replicated with
 * the rest, and downloaded only by those who may see what it is attached to.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The company that uploaded it. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    orderId: integer("order_id").references(() => orders.id),
    bidId: integer("bid_id").references(() => bids.id),
    questionId: integer("question_id").references(() => questions.id),
    fileName: text("file_name").notNull(),
    /** Detected from the content, never taken from the client. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: blob("content", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("documents_order_idx").on(t.orderId, t.id),
    index("documents_bid_idx").on(t.bidId, t.id),
    index("documents_question_idx").on(t.questionId, t.id),
    check("documents_one_target_check", sql`(case when ${t.orderId} is null then 0 else 1 end) + (case when ${t.bidId} is null then 0 else 1 end) + (case when ${t.questionId} is null then 0 else 1 end) = 1`),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
