import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { createContext } from "./api/context";
import type { LiveEvents } from "./api/live";
import { loadNode } from "./api/node.resolver";
import type { Services } from "./api/services";
import { authenticate } from "./auth/api-token.service";
import type { Logger } from "./core/logger";
import type { DatabaseHandle } from "./db/client";
import { toDocument, type Document } from "./api/document.type";
import { gate } from "./access/policy";
import { fromGlobalId } from "./graphql/global-id";
import { HttpError, readBytes, sendJson } from "./http";
import type { Clock } from "./shared/time";

export interface DocumentRoutes {
  database: DatabaseHandle;
  services: Services;
  live: LiveEvents;
  clock: Clock;
  maxDocumentBytes: number;
}

/** The request's context, as a GraphQL request would have it: the same token rules, the same services. */
async function contextOf(req: IncomingMessage, requestId: string, log: Logger, routes: DocumentRoutes) {
  const viewer = await authenticate(routes.database.store.reader, req.headers.authorization).catch((error: unknown) => {
    // A refused token is the caller's to fix; anything else (the database down) stays a server error.
    if (error instanceof GraphQLError) throw new HttpError(401, "UNAUTHENTICATED", error.message);
    throw error;
  });
  return createContext({ requestId, viewer, database: routes.database, services: routes.services, live: routes.live, logger: log, now: routes.clock() });
}

/**
 * POST /documents?orderId=...&name=drawing.pdf (or bidId, questionId): the request body is the
 * file itself, at most `maxDocumentBytes`; its type is told from its content. Answers 201 with
 * `{ document }`, 400 with `{ document: null, userErrors }` (the shape of a mutation's payload),
 * 401 without a valid token, 403 for a role that may not, 413 when too large.
 */
export async function uploadDocument(req: IncomingMessage, res: ServerResponse, search: URLSearchParams, requestId: string, log: Logger, routes: DocumentRoutes): Promise<void> {
  const ctx = await contextOf(req, requestId, log, routes);
  // The policy's gate, before the body is read: a caller who may not upload sends no 20 MiB.
  try {
    gate(ctx.viewer, "uploadDocument");
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") throw new HttpError(code === "UNAUTHENTICATED" ? 401 : 403, code, (error as GraphQLError).message);
    throw error;
  }
  const content = await readBytes(req, routes.maxDocumentBytes);
  const target = { orderId: search.get("orderId"), bidId: search.get("bidId"), questionId: search.get("questionId") };
  const outcome = await routes.services.documents.upload(ctx, target, search.get("name") ?? "", content);
  if (outcome.ok) sendJson(res, 201, { document: toDocument(outcome.value) });
  else sendJson(res, 400, { document: null, userErrors: outcome.userErrors.map(({ code, field, message }) => ({ code, field, message })) });
}

/**
 * GET /documents/<Document id>: the file, to whoever may see what it is attached to (the
 * same visibility as `node`); anyone else gets 404, as for a document that does not exist.
 */
export async function downloadDocument(req: IncomingMessage, res: ServerResponse, globalId: string, requestId: string, log: Logger, routes: DocumentRoutes): Promise<void> {
  const ctx = await contextOf(req, requestId, log, routes);
  // Global ids are base64url: nothing in them is percent-encoded.
  const decoded = fromGlobalId(globalId);
  // node(id) reads the record and asks who may see what it is attached to; only then the bytes.
  const info = decoded?.type === "Document" ? ((await loadNode(ctx, globalId)) as Document | null) : null;
  const content = info && decoded ? await routes.services.documents.content(ctx, decoded.id) : undefined;
  if (!content || !info) throw new HttpError(404, "NOT_FOUND", "No document with this id that you may download.");
  res.writeHead(200, {
    "content-type": info.contentType,
    "content-length": content.length,
    // Always a download, never shown in the API's origin (a PDF or an image opened inline could script).
    "content-disposition": `attachment; filename="${info.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(info.fileName)}`,
    "cache-control": "private, no-store",
    "content-security-policy": "sandbox",
    etag: `"${info.sha256}"`,
  });
  res.end(content);
}
