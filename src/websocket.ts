import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { CloseCode, type SubscribePayload } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { createContext, type Context } from "./api/context";
import type { LiveEvents } from "./api/live";
import { createLoaders } from "./api/loaders";
import type { Services } from "./api/services";
import { revokedAmong } from "./auth/api-token.repository";
import { authenticate } from "./auth/api-token.service";
import type { Logger } from "./core/logger";
import type { Viewer } from "./core/viewer";
import type { DatabaseHandle } from "./db/client";
import { checkOperation, DEFAULT_LIMITS, refuseBeforeValidation } from "./graphql/limits";
import type { CorsPolicy } from "./http";
import type { Clock } from "./shared/time";

/** Subscriptions one connection may hold at once; a dashboard needs a handful. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** Open WebSocket connections one process accepts; beyond it, an upgrade is answered 503. */
export const MAX_CONNECTIONS = 10_000;

export interface LiveServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  database: DatabaseHandle;
  services: Services;
  live: LiveEvents;
  logger: Logger;
  clock: Clock;
  cors: CorsPolicy;
  maxPayloadBytes: number;
  /** How errors are shown: those this API raises on purpose as they are, any other masked (src/server.ts). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** What a connection carries once its connection_init is accepted. */
interface Connection {
  id: string;
  viewer: Viewer | null;
}

type ConnectionExtra = Extra & { connection?: Connection };

/** How one event is read for its subscribers: one "now", one set of loaders, one result per group of alike subscriptions. */
interface Reading extends Pick<Context, "now" | "loaders"> {
  results: Map<string, Promise<ExecutionResult>>;
}

export interface LiveServer {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Closes every connection (1001, going away) and stops listening for revoked tokens. */
  close(): Promise<void>;
}

const badRequest = (message: string, code = "BAD_REQUEST") => new GraphQLError(message, { extensions: { code } });

/** The same error with a code a client can switch on (graphql-js's parse and validate set none). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * Subscriptions over WebSocket with the graphql-ws protocol (graphql-transport-ws), on the HTTP
 * server's port and path (/graphql). The API token goes in connection_init's payload as
 * `authorization` ("Bearer ..."); an unknown or revoked one is refused with close code 4401, and a
 * token revoked while connected (in any process) closes its connections with 4401. Documents pass
 * the same limits as over HTTP; only subscription operations are taken (queries and mutations go
 * over HTTP). Each event is executed with a fresh context: its loaders, and so what the viewer
 * sees of the event's order or bid, are as of that event.
 */
export function attachLiveServer(options: LiveServerOptions): LiveServer {
  const { httpServer, schema, database, services, live, logger, clock, cors, formatError } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const byToken = new Map<number, Set<WebSocket>>();
  let stopWatchingTokens: Promise<() => void> | undefined;

  const format = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = formatError(error.toJSON(), error);
    // HTTP status hints mean nothing on a socket.
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };

  const closeRevoked = (tokenId: number) => {
    for (const socket of byToken.get(tokenId) ?? []) socket.close(CloseCode.Unauthorized, "The API token was revoked.");
  };
  const watchTokens = () => {
    stopWatchingTokens ??= database.watcher
      .watch("market_tokens", (id) => {
        if (id !== null) return closeRevoked(id);
        // SQLite: something committed; was it a revocation?
        if (byToken.size === 0) return;
        revokedAmong(database.store.reader, [...byToken.keys()]).then(
          (ids) => ids.forEach(closeRevoked),
          (error: unknown) => logger.error("could not check revoked tokens", { error: String(error) }),
        );
      })
      .catch((error: unknown) => {
        // Tried again by the next connection.
        logger.error("could not watch for revoked tokens", { error: String(error) });
        stopWatchingTokens = undefined;
        return () => undefined;
      });
  };
  const track = (tokenId: number, socket: WebSocket) => {
    let sockets = byToken.get(tokenId);
    if (!sockets) byToken.set(tokenId, (sockets = new Set()));
    sockets.add(socket);
    watchTokens();
  };
  const untrack = (tokenId: number, socket: WebSocket) => {
    const sockets = byToken.get(tokenId);
    sockets?.delete(socket);
    if (sockets?.size === 0) byToken.delete(tokenId);
    if (byToken.size === 0 && stopWatchingTokens) {
      const stopping = stopWatchingTokens;
      stopWatchingTokens = undefined;
      void stopping.then((stop) => stop());
    }
  };

  const contextOf = (connection: Connection, operationId: string): Context =>
    createContext({ requestId: `${connection.id}:${operationId}`, viewer: connection.viewer, database, services, live, logger: logger.child({ requestId: connection.id }), now: clock() });

  /**
   * The loaders and "now" an event is read with, one set per event for all its subscribers:
   * loaders hold rows, whoever asks (what each viewer may see of them is decided by the field
   * resolvers, per viewer), so the 1,000 subscribers of one event read its order once, not
   * 1,000 times. Kept as long as the event (the same row object reaches every subscription).
   */
  const readings = new WeakMap<object, Reading>();
  const readingOf = (event: object, base: Context): Reading => {
    let reading = readings.get(event);
    if (!reading) {
      const now = clock();
      readings.set(event, (reading = { now, loaders: createLoaders(base.db, now), results: new Map() }));
    }
    return reading;
  };
  /**
   * Subscriptions whose results for one event are the same: the same document and variables,
   * for viewers the access policy cannot tell apart (role, company, kind of company: all that
   * relationOf reads; a token's own id and holder appear in Query.viewer only, which no
   * subscription reaches). Each event is executed once per such group, not per subscriber: the
   * members of one company watching the same feed cost one execution.
   */
  const shareKeys = new WeakMap<Context, string>();

  /** graphql-js's subscribe, but each event executed with its own context (fresh loaders, its own now). */
  const subscribe = async (args: ExecutionArgs) => {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
    const source = stream as AsyncGenerator<unknown>;
    const base = args.contextValue as Context;
    const key = shareKeys.get(base);
    const run = (payload: unknown) => {
      const reading = readingOf(payload as object, base);
      let result = key === undefined ? undefined : reading.results.get(key);
      if (!result) {
        result = Promise.resolve(execute({ ...args, rootValue: payload, contextValue: { ...base, now: reading.now, loaders: reading.loaders } }));
        if (key !== undefined) reading.results.set(key, result);
      }
      return result;
    };
    const iterator: AsyncGenerator<ExecutionResult> = {
      next: async () => {
        const result = await source.next();
        return result.done ? { value: undefined, done: true } : { value: await run(result.value), done: false };
      },
      return: async () => {
        await source.return(undefined);
        return { value: undefined, done: true };
      },
      throw: async (error) => {
        await source.return(undefined);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      [Symbol.asyncDispose]: async () => void (await source.return(undefined)),
    };
    return iterator;
  };

  const server = useServer<Record<string, unknown> | undefined, { connection?: Connection }>(
    {
      schema,
      onConnect: async (ctx) => {
        const extra = ctx.extra as ConnectionExtra;
        const authorization = ctx.connectionParams?.authorization;
        if (authorization !== undefined && typeof authorization !== "string") {
          extra.socket.close(CloseCode.BadRequest, "connection_init's authorization must be a string: \"Bearer <token>\".");
          return false;
        }
        let viewer: Viewer | null;
        try {
          viewer = await authenticate(database.store.reader, authorization);
        } catch (error) {
          if (!(error instanceof GraphQLError)) {
            logger.error("WebSocket authentication failed", { error: String(error) });
            extra.socket.close(CloseCode.InternalServerError, "Internal server error.");
            return false;
          }
          extra.socket.close(CloseCode.Unauthorized, error.message);
          return false;
        }
        extra.connection = { id: randomUUID(), viewer };
        if (viewer) {
          track(viewer.tokenId, extra.socket);
          extra.socket.once("close", () => untrack(viewer.tokenId, extra.socket));
        }
        return true;
      },
      onSubscribe: (ctx, id, payload: SubscribePayload) => {
        const connection = (ctx.extra as ConnectionExtra).connection!;
        if (typeof payload.query !== "string") return [badRequest("A subscribe message needs a query.")];
        const refusal = refuseBeforeValidation(payload.query, DEFAULT_LIMITS);
        if (refusal) return [refusal];
        let document;
        try {
          document = parse(payload.query, { maxTokens: DEFAULT_LIMITS.maxTokens });
        } catch (error) {
          return [withCode(error as GraphQLError, "GRAPHQL_PARSE_FAILED")];
        }
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) return [badRequest("The document has no operation of that name (or several operations and no operationName).", "OPERATION_RESOLUTION_FAILURE")];
        if (operation.operation !== "subscription") return [badRequest("Over WebSocket this API takes subscriptions only; send queries and mutations to POST /graphql.")];
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
        const variables = payload.variables ?? {};
        const tooMuch = checkOperation(schema, document, operation, variables, DEFAULT_LIMITS);
        if (tooMuch) return [tooMuch];
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [badRequest(`A connection may hold at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions at once; complete one first.`, "TOO_MANY_SUBSCRIPTIONS")];
        }
        const contextValue = contextOf(connection, id);
        const { viewer } = connection;
        shareKeys.set(contextValue, JSON.stringify([payload.query, payload.operationName ?? null, variables, viewer?.role ?? null, viewer?.companyId ?? null, viewer?.companyKind ?? null]));
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
      },
      subscribe,
      onNext: (_ctx, _id, _payload, _args, result): FormattedExecutionResult => ({ ...result, errors: result.errors?.map(format) }),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
  );

  httpServer.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/graphql") return refuse("404 Not Found");
    // Tokens travel in connection_init, never in cookies, so another site's page gains nothing by
    // connecting; browsers' pages are held to the same allow-list as over HTTP all the same.
    const origin = req.headers.origin;
    if (origin !== undefined && !cors.origins.includes(origin)) return refuse("403 Forbidden");
    if (wss.clients.size >= MAX_CONNECTIONS) return refuse("503 Service Unavailable");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  return {
    get connections() {
      return wss.clients.size;
    },
    async close() {
      await server.dispose();
      await live.close();
      if (stopWatchingTokens) (await stopWatchingTokens)();
      stopWatchingTokens = undefined;
    },
  };
}
