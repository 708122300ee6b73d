import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { unwrapResolverError } from "@apollo/server/errors";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler } from "express";
import { sql } from "drizzle-orm";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { createContext, type Context } from "./context";
import type { DatabaseHandle } from "./db/client";
import { PUBLIC_ERROR_CODES } from "./graphql/errors";
import { DEFAULT_LIMITS, queryLimitsPlugin } from "./graphql/limits";
import type { Logger } from "./logger";
import { createServices, type Services } from "./services";
import { systemClock, type Clock } from "./shared/time";

export interface AppOptions {
  database: DatabaseHandle;
  schema: GraphQLSchema;
  logger: Logger;
  maxBodyBytes: number;
  /** Where "now" comes from; tests move it to see bidding close and orders expire. */
  clock?: Clock;
}

export interface App {
  httpServer: http.Server;
  services: Services;
  /** Stops taking requests, lets in-flight ones finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Errors this API raises on purpose pass through; every other error (a bug, an SQLite
 * message) is logged in full and answered with a generic message, no stack, no SQL.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PUBLIC_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    logger.error("unexpected error", { path: formatted.path, error: describeError(original) });
    return { message: "Internal server error.", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

/** Message, stack and cause chain: a wrapped error keeps the one that caused it as `cause`. */
function describeError(error: unknown): Record<string, unknown> | string {
  if (!(error instanceof Error)) return String(error);
  return { message: error.message, stack: error.stack, ...(error.cause !== undefined ? { cause: describeError(error.cause) } : {}) };
}

/** Builds the HTTP server: POST/GET /graphql, GET /health. Does not listen. */
export async function createApp({ database, schema, logger, maxBodyBytes, clock = systemClock }: AppOptions): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  // A request must arrive whole within these, so slow or stalled clients cannot hold sockets.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  const services = createServices(database.db, clock);

  const logRequests: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors }) {
          logger.info("graphql request", {
            requestId: contextValue.requestId,
            operation: request.operationName ?? null,
            ms: Math.round((performance.now() - started) * 10) / 10,
            errors: errors?.length ?? 0,
          });
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: maskUnexpectedErrors(logger),
    includeStacktraceInErrorResponses: false,
    // Introspection stays on: the API is documented by its schema, and clients and audits use it.
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // On by default, it wraps every field resolver to compute cache hints nobody reads here.
      ApolloServerPluginCacheControlDisabled(),
      logRequests,
      queryLimitsPlugin(DEFAULT_LIMITS),
    ],
    // The parser stops on very long documents before they cost anything (GRAPHQL_PARSE_FAILED, 400).
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
  });
  await apollo.start();

  app.use((req, res, next) => {
    const incoming = req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    next();
  });

  app.get("/health", (_req, res) => {
    try {
      database.db.get(sql`select 1`);
      res.json({ status: "ok", database: "up" });
    } catch (error) {
      logger.error("health check failed", { error: String(error) });
      res.status(503).json({ status: "unavailable", database: "down" });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext({
          requestId: String(res.locals.requestId),
          viewer: services.apiTokens.authenticate(req.headers.authorization),
          db: database.db,
          services,
          logger,
          now: clock(),
        }),
    }),
  );

  // Body-parser failures (malformed JSON, too large a body) as GraphQL-shaped JSON, not HTML.
  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error("unexpected HTTP error", { error: describeError(error) });
    const message =
      status === 413 ? `The request body is larger than ${maxBodyBytes} bytes.` : status === 500 ? "Internal server error." : "The request body is not valid JSON.";
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  };
  app.use(onError);

  return { httpServer, services, stop: () => apollo.stop() };
}
