import type { IncomingMessage, ServerResponse } from "node:http";

/** An HTTP error answered in GraphQL's error shape, `{ errors: [{ message, extensions: { code } }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  if (error instanceof ClosingHttpError) {
    // Answer, then drop the connection: the rest of the body is never read.
    res.setHeader("connection", "close");
    res.on("finish", () => res.socket?.destroySoon());
  }
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}

/** Who may call the API from a web page, and how (README "Configuration", CORS_ORIGINS). */
export interface CorsPolicy {
  /** Exact origins ("https://dashboard.example.org") allowed; empty: no cross-origin calls. */
  origins: readonly string[];
}

const CORS_HEADERS = "authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id";

/**
 * CORS by allow-list: an allowed Origin is echoed (with Vary: Origin) and may send the
 * Authorization header; others get no CORS headers, so browsers keep their pages out. Answers a
 * preflight (OPTIONS) itself and returns true; other requests go on.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === "string" && policy.origins.includes(origin);
  if (policy.origins.length > 0) res.setHeader("vary", "Origin");
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", "x-request-id");
  }
  if (req.method !== "OPTIONS") return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("access-control-allow-headers", CORS_HEADERS);
    res.setHeader("access-control-max-age", "600");
  }
  if (allowed) {
    res.writeHead(204);
    res.end();
  } else {
    sendError(res, new HttpError(403, "FORBIDDEN", "This origin may not call the API."));
  }
  return true;
}

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType);
}

/** An error after which the connection is closed instead of reading the rest of the request. */
export class ClosingHttpError extends HttpError {}

/**
 * The request body, at most `limit` bytes: a larger one is refused with 413 as soon as its
 * Content-Length or its bytes say so, and nothing more of it is read (the answer closes the
 * connection: a client declaring 50 MB does not get to send them).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBytes(req, limit)).toString("utf8");
}

/** The request body as bytes, at most `limit` (as readBody: 413 as soon as it is larger). */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new ClosingHttpError(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        reject(tooLarge());
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    // A client gone mid-body: settle, so nothing waits on it (the answer goes nowhere).
    req.on("close", () => req.complete || reject(new HttpError(400, "BAD_REQUEST", "The request body ended early.")));
    req.on("error", reject);
  });
}

/** A JSON request body as a value; malformed JSON is a 400. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
}
