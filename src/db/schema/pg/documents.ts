import { sql } from "drizzle-orm";
import { check, customType, index, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, int64 } from "./columns";
import { bids } from "./bids";
import { companies } from "./companies";
import { orders } from "./orders";
import { questions } from "./questions";

/** bytea as a Buffer, as SQLite's blob column gives it (drizzle has no bytea type of its own). */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A drawing or specification (PDF, STEP, DWG/DXF, an image) attached to one order, bid or
 * answered question, stored in the database itself: committed, backed up and replicated with
 * the rest, and downloaded only by those who may see what it is attached to.
 */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    /** The company that uploaded it. */
    companyId: int64("company_id")
      .notNull()
      .references(() => companies.id),
    orderId: int64("order_id").references(() => orders.id),
    bidId: int64("bid_id").references(() => bids.id),
    questionId: int64("question_id").references(() => questions.id),
    fileName: text("file_name").notNull(),
    /** Detected from the content, never taken from the client. */
    contentType: text("content_type").notNull(),
    sizeBytes: int64("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytes("content").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("documents_order_idx").on(t.orderId, t.id),
    index("documents_bid_idx").on(t.bidId, t.id),
    index("documents_question_idx").on(t.questionId, t.id),
    check("documents_one_target_check", sql`(case when ${t.orderId} is null then 0 else 1 end) + (case when ${t.bidId} is null then 0 else 1 end) + (case when ${t.questionId} is null then 0 else 1 end) = 1`),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
