import type { AddressInfo } from "node:net";
import request from "supertest";
import type { GraphQLSchema } from "graphql";
import { createToken } from "../../src/auth/api-token.service";
import type { Role } from "../../src/core/viewer";
import type { DatabaseHandle } from "../../src/db/client";
import { createLogger } from "../../src/core/logger";
import { buildMarketplaceSchema } from "../../src/api/schema";
import type { CorsPolicy } from "../../src/http";
import { createApp, type App, type Timeouts } from "../../src/server";
import { createTestDatabase, type TestDatabase } from "./database";

let schemaPromise: Promise<GraphQLSchema> | undefined;

/** The response of one GraphQL request over HTTP. */
export interface GqlResponse<D = Record<string, any>> {
  status: number;
  data: D;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
  body: any;
}

export interface TestServer {
  url: string;
  database: DatabaseHandle;
  /** Logged lines, to assert that unexpected errors are logged (and not sent). */
  logs: string[];
  gql<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<D>>;
  /** A token made directly in the database (the first coordinator token has to come from somewhere). */
  token(role: Role, companyId?: number | null, holderName?: string): Promise<string>;
  /** Moves the server's clock (real time plus an offset) forward. */
  advance(ms: number): void;
  /** The server's "now". */
  now(): Date;
  app: App;
  close(): Promise<void>;
}

/**
 * A real server on a loopback port, over a fresh database built by the real migrations (a
 * SQLite file, or a PostgreSQL database when the run has DATABASE_URL). Each test file gets its
 * own; `database` is one the caller made and keeps (it is not dropped on close).
 */
export async function startTestServer(options: { maxBodyBytes?: number; maxDocumentBytes?: number; database?: TestDatabase; cors?: CorsPolicy; timeouts?: Timeouts } = {}): Promise<TestServer> {
  const location = options.database ?? (await createTestDatabase());
  const database = await location.open();
  const logs: string[] = [];
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  schemaPromise ??= buildMarketplaceSchema();
  const app: App = await createApp({
    database,
    schema: await schemaPromise,
    logger: createLogger("warn", (line) => logs.push(line)),
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    clock,
    cors: options.cors,
    timeouts: options.timeouts,
    maxDocumentBytes: options.maxDocumentBytes,
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;

  return {
    url,
    database,
    logs,
    app,
    advance: (ms) => void (offsetMs += ms),
    now: clock,
    async gql(query, variables, token) {
      const req = request(url).post("/graphql").set("content-type", "application/json");
      if (token) req.set("authorization", `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data, errors: res.body?.errors, body: res.body };
    },
    async token(role, companyId = null, holderName = `${role.toLowerCase()} holder`) {
      return (await createToken(database.db, { role, companyId, holderName })).token;
    },
    async close() {
      await app.stop();
      await database.close();
      if (!options.database) await location.drop();
    },
  };
}
