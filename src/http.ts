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
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType);
}

/**
 * The request body, at most `limit` bytes: a larger one is refused with 413 as soon as its
 * Content-Length or its bytes say so, without reading the rest into memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
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
