import http from "node:http";
import request from "supertest";
import { startTestServer, type TestServer } from "../support/server";
import { sql } from "drizzle-orm";
import { runSql } from "../../src/db/executor";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 10_000 });
});
afterAll(() => server.close());

const post = (body: string | object, headers: Record<string, string> = {}) =>
  request(server.url).post("/graphql").set({ "content-type": "application/json", ...headers }).send(body);

describe("HTTP edge cases", () => {
  it("answers malformed GraphQL with a 400 and a parse error", async () => {
    const res = await post({ query: "{ parks { nodes { name }" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers unknown fields with a 400 and a validation error", async () => {
    const res = await post({ query: "{ parks { nodes { secret } } }" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers wrong variable types with a 400", async () => {
    const res = await post({ query: "query($n: Int) { parks(first: $n) { nodes { name } } }", variables: { n: "many" } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers malformed JSON with a 400 in GraphQL's error shape", async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("refuses a body above the configured limit with a 413", async () => {
    const res = await post({ query: `{ parks { nodes { name } } }`, variables: { padding: "x".repeat(20_000) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].message).toMatch(/larger than 10000 bytes/);
  });

  it("refuses an oversized body sent in chunks, without a Content-Length, with a 413", async () => {
    const target = new URL(server.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: target.hostname, port: target.port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < 30; i++) req.write(`${i === 0 ? '{"query": "{ parks { nodes { name } } }", "x": "' : ""}${"y".repeat(1000)}`);
      req.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].message).toMatch(/larger than 10000 bytes/);
  });

  it("answers paths other than /graphql and /health with a 404 in GraphQL's error shape", async () => {
    const res = await request(server.url).get("/graphiql");
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toEqual({ message: expect.stringMatching(/\/graphql/), extensions: { code: "NOT_FOUND" } });
  });

  it("refuses a malformed Authorization header with a 401", async () => {
    const res = await post({ query: "{ viewer { role } }" }, { authorization: "Basic abc" });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("answers GET queries only with a CSRF-safe header", async () => {
    const blocked = await request(server.url).get("/graphql").query({ query: "{ parks { nodes { name } } }" });
    expect(blocked.status).toBe(400);
    const allowed = await request(server.url).get("/graphql").set("apollo-require-preflight", "1").query({ query: "{ parks { nodes { name } } }" });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.parks.nodes).toEqual([]);
  });

  it("masks unexpected errors: no SQL, no stack, but a log line", async () => {
    await runSql(server.database.db, sql`alter table parks rename to parks_moved`);
    try {
      const res = await post({ query: "{ parks { nodes { name } } }" }, { "x-request-id": "req-masked-1" });
      expect(res.body.errors).toEqual([{ message: "Internal server error.", locations: expect.any(Array), path: ["parks"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
      expect(JSON.stringify(res.body)).not.toMatch(/sqlite|no such table|does not exist|select/i);
      // The full cause is logged. Under jest, better-sqlite3's native module is shared between
      // test files (vm realms), so its error may fail graphql-js's `instanceof Error` and be
      // logged by its code only; in a real process it is logged with SQLite's message.
      const line = server.logs.find((l) => l.includes('"unexpected error"') && /no such table: parks|SQLITE_ERROR|relation \\"parks\\" does not exist/.test(l));
      expect(line).toBeDefined();
      // Logged through the request's logger: the line names the request it belongs to.
      expect(JSON.parse(line!)).toMatchObject({ level: "error", requestId: "req-masked-1", message: "unexpected error", path: ["parks"] });
    } finally {
      await runSql(server.database.db, sql`alter table parks_moved rename to parks`);
    }
  });

  it("reports health and echoes a request id", async () => {
    const res = await request(server.url).get("/health").set("x-request-id", "abc-123");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: "up" });
    expect(res.headers["x-request-id"]).toBe("abc-123");
  });
});
