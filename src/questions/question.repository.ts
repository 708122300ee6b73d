import { and, eq, or, sql } from "drizzle-orm";
import { countPerParent, pagePerParent, type Executor } from "../db/executor";
import type { PageRequest } from "../db/page";
import { only, rowsByIds } from "../db/prepared";
import { questions, type QuestionRow } from "../db/schema";

export const findQuestionsByIds = rowsByIds(questions);

export async function insertQuestion(db: Executor, values: typeof questions.$inferInsert): Promise<QuestionRow> {
  return only(db.insert(questions).values(values).returning());
}

/** Records the answer of a question not answered yet; undefined when someone answered first. */
export async function answerQuestion(db: Executor, id: number, answer: { answer: string; answeredBy: string; answeredAt: Date; published: boolean }): Promise<QuestionRow | undefined> {
  const [row] = await db
    .update(questions)
    .set(answer)
    .where(and(eq(questions.id, id), sql`${questions.answer} is null`))
    .returning();
  return row;
}

/**
 * Which of an order's questions a viewer sees: every one (`companyId` null: the owner, the
 * coordinator), or its own company's and the published ones.
 */
const visibleTo = (filter: { companyId: number | null }) =>
  filter.companyId === null ? undefined : or(eq(questions.companyId, filter.companyId), eq(questions.published, true));

export async function questionsPerOrder(db: Executor, orderIds: readonly number[], page: PageRequest, filter: { companyId: number | null }): Promise<QuestionRow[]> {
  return await pagePerParent(db, questions, questions.orderId, orderIds, page, visibleTo(filter));
}

export async function questionCountsPerOrder(db: Executor, orderIds: readonly number[], filter: { companyId: number | null }): Promise<Map<number, number>> {
  return await countPerParent(db, questions, questions.orderId, orderIds, visibleTo(filter));
}
