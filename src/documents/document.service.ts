import { createHash } from "node:crypto";
import { gate, memberOf } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import { findBidsByIds } from "../bids/bid.repository";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { findOrderById } from "../orders/order.repository";
import { findQuestionsByIds } from "../questions/question.repository";
import { requiredName } from "../shared/validate";
import { ALLOWED_KINDS, documentKindOf } from "./content-type";
import { findDocumentContent, findDocumentInfo, insertDocument, type DocumentInfo } from "./document.repository";

/** The largest document taken by default (DOCUMENT_MAX_BYTES): a drawing set or a STEP model of a unit. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** What a document is attached to: exactly one of these global ids. */
export interface DocumentTarget {
  orderId?: string | null;
  bidId?: string | null;
  questionId?: string | null;
}

/**
 * Drawings and specifications. Who may attach: to an order its owner, to a bid its bidder
 * (sealed with it), to a question the order's owner (with the answer). Who may download is who
 * may see what it is attached to; the HTTP layer asks node's visibility (src/uploads.ts).
 */
export class DocumentService {
  async upload(ctx: RequestContext, target: DocumentTarget, fileName: string, content: Buffer): Promise<Outcome<DocumentInfo>> {
    const v = gate(ctx.viewer, "uploadDocument");
    const errors = new UserErrors();
    const name = requiredName(errors, "name", fileName.replace(/[\\/]/g, "_"), "The file name", 200);
    const given = (["orderId", "bidId", "questionId"] as const).filter((key) => target[key] != null);
    if (given.length !== 1) return refused(errors.add(null, UserErrorCode.INVALID_FORMAT, "Attach the document to one of orderId, bidId or questionId."));
    const kind = documentKindOf(content);
    if (!kind) errors.add(null, UserErrorCode.INVALID_FORMAT, `The file is none of the kinds taken (${ALLOWED_KINDS.join(", ")}), by its content.`);
    if (content.length === 0) errors.add(null, UserErrorCode.BLANK, "The file is empty.");
    if (errors.any || !kind) return refused(errors);
    return transact(ctx, async ({ db, now }) => {
      const key = given[0];
      const missing = () => refused<DocumentInfo>(errors.add(key, UserErrorCode.NOT_FOUND, "Nothing with this id that you may attach documents to."));
      const ids: { orderId?: number; bidId?: number; questionId?: number } = {};
      if (key === "orderId") {
        const order = await findOrderById(db, idOf(target.orderId!, "Order") ?? 0);
        if (!order || !memberOf(v, order.companyId)) return missing();
        ids.orderId = order.id;
      } else if (key === "bidId") {
        const [bid] = await findBidsByIds(db, [idOf(target.bidId!, "Bid") ?? 0]);
        if (!bid || !memberOf(v, bid.companyId)) return missing();
        ids.bidId = bid.id;
      } else {
        const [question] = await findQuestionsByIds(db, [idOf(target.questionId!, "Question") ?? 0]);
        const order = question && (await findOrderById(db, question.orderId));
        if (!question || !order || !memberOf(v, order.companyId)) return missing();
        ids.questionId = question.id;
      }
      const sha256 = createHash("sha256").update(content).digest("hex");
      return ok(await insertDocument(db, { ...ids, companyId: v.companyId!, fileName: name, contentType: kind.contentType, sizeBytes: content.length, sha256, content, createdAt: now }));
    });
  }

  /** A document's record; whether the viewer may have it is the caller's question (what it is attached to). */
  async info(ctx: RequestContext, id: number): Promise<DocumentInfo | undefined> {
    return findDocumentInfo(ctx.db, id);
  }

  async content(ctx: RequestContext, id: number): Promise<Buffer | undefined> {
    return findDocumentContent(ctx.db, id);
  }
}
