import { and, asc, eq, getTableColumns, gt, inArray } from "drizzle-orm";
import { countPerParent, type Executor } from "../db/executor";
import type { PageRequest } from "../db/page";
import { first, only } from "../db/prepared";
import { documents, type DocumentRow } from "../db/schema";

/** A document's record without its content (lists and checks never read the bytes). */
export type DocumentInfo = Omit<DocumentRow, "content">;

const { content: _content, ...INFO } = getTableColumns(documents);

export async function insertDocument(db: Executor, values: typeof documents.$inferInsert): Promise<DocumentInfo> {
  return only(db.insert(documents).values(values).returning(INFO));
}

export async function findDocumentInfo(db: Executor, id: number): Promise<DocumentInfo | undefined> {
  return first(db.select(INFO).from(documents).where(eq(documents.id, id)));
}

export async function findDocumentContent(db: Executor, id: number): Promise<Buffer | undefined> {
  return (await first(db.select({ content: documents.content }).from(documents).where(eq(documents.id, id))))?.content;
}

/** What documents attach to, by column. */
export type Attached = "orderId" | "bidId" | "questionId";

/**
 * A page of documents for each parent, without their bytes. An order, a bid or a question has a
 * handful, so all after the cursor are read and each parent's page is cut here.
 */
export async function documentsPer(db: Executor, attached: Attached, parentIds: readonly number[], page: PageRequest): Promise<DocumentInfo[]> {
  if (parentIds.length === 0) return [];
  const rows = await db
    .select(INFO)
    .from(documents)
    .where(and(inArray(documents[attached], [...parentIds]), page.afterId === null ? undefined : gt(documents.id, page.afterId)))
    .orderBy(asc(documents.id));
  const taken = new Map<number, number>();
  return rows.filter((row) => {
    const parent = row[attached]!;
    const n = (taken.get(parent) ?? 0) + 1;
    taken.set(parent, n);
    return n <= page.limit + 1;
  });
}

export async function documentCountsPer(db: Executor, attached: Attached, parentIds: readonly number[]): Promise<Map<number, number>> {
  return await countPerParent(db, documents, documents[attached], parentIds);
}
