import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { unwrapResolverError } from "@apollo/server/errors";
import { sql } from "drizzle-orm";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { authenticate } from "./auth/api-token.service";
import { createContext, type Context } from "./api/context";
import type { DatabaseHandle } from "./db/client";
import { PUBLIC_ERROR_CODES } from "./graphql/errors";
import { DEFAULT_LIMITS, queryLimitsPlugin, refuseBeforeValidation } from "./graphql/limits";
import type { Logger } from "./core/logger";
import { applyCors, HttpError, isJson, parseJson, readBody, sendError, sendJson, type CorsPolicy } from "./http";
import { workerMatcher } from "./matching/matcher";
import { createServices, type Services } from "./api/services";
import { systemClock, type Clock } from "./shared/time";
import { sqlRows } from "./db/executor";
import { LiveEvents } from "./api/live";
import { EventFeed } from "./events/event-feed";
import { attachLiveServer, type LiveServer } from "./websocket";
import { downloadDocument, uploadDocument } from "./uploads";
import { DEFAULT_DOCUMENT_MAX_BYTES } from "./documents/document.service";

export interface AppOptions {
  database: DatabaseHandle;
  schema: GraphQLSchema;
  logger: Logger;
  maxBodyBytes: number;
  /** Where "now" comes from; tests move it to see bidding close and orders expire. */
  clock?: Clock;
  /** Origins whose web pages may call the API (README, CORS_ORIGINS); none by default. */
  cors?: CorsPolicy;
  /** How long a request may take to arrive; DEFAULT_TIMEOUTS unless a test shortens them. */
  timeouts?: Timeouts;
  /** The largest document an upload may carry (DOCUMENT_MAX_BYTES). */
  maxDocumentBytes?: number;
}

/** A request's headers must arrive within `headersMs`, the whole request within `requestMs`. */
export interface Timeouts {
  headersMs: number;
  requestMs: number;
  /** How often Node checks connections against both: its default of 30 s let a stalled client hold a socket for up to 60 s. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000 };

export interface App {
  httpServer: http.Server;
  services: Services;
  /** Live events: subscriptions over WebSocket (src/websocket.ts), fed from the event log. */
  live: LiveEvents;
  liveServer: LiveServer;
  /** Stops taking requests, lets in-flight ones finish, then resolves. */
  stop(): Promise<void>;
}

/** Whether an error's code is one this API raises on purpose (and may show). */
function isPublic(code: unknown): boolean {
  return typeof code === "string" && PUBLIC_ERROR_CODES.has(code);
}

/**
 * Logs each unexpected error of a request (a bug, an SQLite message) in full through the
 * request's logger, so the line carries its request id; formatError then masks it.
 */
function logUnexpectedErrors(logged: WeakSet<object>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isPublic(error.extensions?.code)) continue;
            contextValue.logger.error("unexpected error", { path: error.path, error: describeError(unwrapResolverError(error)) });
            logged.add(error);
          }
        },
      };
    },
  };
}

/**
 * Errors this API raises on purpose pass through; every other error is answered with a generic
 * message, no stack, no SQL (and logged: by logUnexpectedErrors within a request, here otherwise).
 */
export function maskUnexpectedErrors(logger: Logger, logged: WeakSet<object> = new WeakSet()) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isPublic(formatted.extensions?.code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (!(typeof error === "object" && error !== null && logged.has(error))) {
      logger.error("unexpected error", { path: formatted.path, error: describeError(unwrapResolverError(error)) });
    }
    return { message: "Internal server error.", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

/** Message, stack and cause chain: a wrapped error keeps the one that caused it as `cause`. */
function describeError(error: unknown): Record<string, unknown> | string {
  if (!(error instanceof Error)) return String(error);
  return { message: error.message, stack: error.stack, ...(error.cause !== undefined ? { cause: describeError(error.cause) } : {}) };
}

/** Builds the HTTP server: POST/GET /graphql, subscriptions over WebSocket at /graphql, GET /health. Does not listen. */
export async function createApp({
  database,
  schema,
  logger,
  maxBodyBytes,
  clock = systemClock,
  cors = { origins: [] },
  timeouts = DEFAULT_TIMEOUTS,
  maxDocumentBytes = DEFAULT_DOCUMENT_MAX_BYTES,
}: AppOptions): Promise<App> {
  // A request must arrive whole within these, so slow or stalled clients cannot hold sockets.
  const httpServer = http.createServer({ headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkEveryMs });
  const matcher = workerMatcher();
  const services = createServices(matcher);
  const feed = new EventFeed(database.store.reader, database.watcher, (error) => logger.error("reading live events failed", { error: String(error) }));
  const live = new LiveEvents(feed, database.store.reader, logger);
  const documentRoutes = { database, services, live, clock, maxDocumentBytes };

  const logRequests: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors }) {
          contextValue.logger.info("graphql request", {
            operation: request.operationName ?? null,
            ms: Math.round((performance.now() - started) * 10) / 10,
            errors: errors?.length ?? 0,
          });
        },
      };
    },
  };

  const logged = new WeakSet<object>();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: maskUnexpectedErrors(logger, logged),
    includeStacktraceInErrorResponses: false,
    // Introspection stays on: the API is documented by its schema, and clients and audits use it.
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // On by default, it wraps every field resolver to compute cache hints nobody reads here.
      ApolloServerPluginCacheControlDisabled(),
      logRequests,
      logUnexpectedErrors(logged),
      queryLimitsPlugin(DEFAULT_LIMITS),
    ],
    // The parser stops on very long documents before they cost anything (GRAPHQL_PARSE_FAILED, 400).
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
  });
  await apollo.start();

  const health = async (res: ServerResponse, log: Logger) => {
    try {
      await sqlRows(database.store.reader, sql`select 1`);
      sendJson(res, 200, { status: "ok", database: "up" });
    } catch (error) {
      log.error("health check failed", { error: String(error) });
      sendJson(res, 503, { status: "unavailable", database: "down" });
    }
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, search: string, requestId: string, log: Logger) => {
    // Apollo answers a POST whose body is not a JSON object with a 400 of its own.
    const body = req.method === "POST" && isJson(req.headers["content-type"]) ? parseJson(await readBody(req, maxBodyBytes)) : undefined;
    // Apollo parses and validates before any plugin can refuse: shapes that make validation slow are refused here.
    const source = req.method === "GET" ? new URLSearchParams(search).get("query") : (body as { query?: unknown } | undefined)?.query;
    const refusal = typeof source === "string" ? refuseBeforeValidation(source, DEFAULT_LIMITS) : null;
    if (refusal) throw new HttpError(400, String(refusal.extensions.code), refusal.message);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
      context: async () => createContext({ requestId, viewer: await authenticate(database.store.reader, req.headers.authorization), database, services, live, logger: log, now: clock() }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  // Plain node:http, not Express: two routes need no framework, and Express's routing and
  // body parsing took ~40 % of a small request's time (a trivial authenticated query: 1,900
  // req/s through Express, 3,300 without; figures in README, Benchmarks).
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    // Every line logged for this request carries its id.
    const log = logger.child({ requestId });
    res.setHeader("x-content-type-options", "nosniff");
    // An answer to a signed-in caller is theirs alone: no cache, shared or private, keeps it.
    if (req.headers.authorization !== undefined) res.setHeader("cache-control", "no-store");
    if (applyCors(req, res, cors)) return;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    const handle = async () => {
      if (path === "/health" && (req.method === "GET" || req.method === "HEAD")) return health(res, log);
      if (path === "/graphql") return graphql(req, res, query === -1 ? "" : url.slice(query), requestId, log);
      if (path === "/documents" && req.method === "POST") return uploadDocument(req, res, new URLSearchParams(query === -1 ? "" : url.slice(query)), requestId, log, documentRoutes);
      if (path.startsWith("/documents/") && (req.method === "GET" || req.method === "HEAD")) return downloadDocument(req, res, path.slice("/documents/".length), requestId, log, documentRoutes);
      throw new HttpError(404, "NOT_FOUND", "Nothing here: the GraphQL API is at /graphql, documents at /documents, its health at /health.");
    };
    handle().catch((error: unknown) => {
      if (!(error instanceof HttpError)) log.error("unexpected HTTP error", { error: describeError(error) });
      if (res.headersSent) return void res.destroy();
      sendError(res, error instanceof HttpError ? error : new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error."));
    });
  });

  const liveServer = attachLiveServer({ httpServer, schema, database, services, live, logger, clock, cors, maxPayloadBytes: maxBodyBytes, formatError: maskUnexpectedErrors(logger) });

  return {
    httpServer,
    services,
    live,
    liveServer,
    stop: async () => {
      // Upgraded sockets are no longer the HTTP server's: close them first, or it waits for them.
      await liveServer.close();
      await apollo.stop();
      await matcher.close();
    },
  };
}
