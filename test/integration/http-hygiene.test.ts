import net from "node:net";
import request from "supertest";
import { DEFAULT_TIMEOUTS } from "../../src/server";
import { startTestServer, type TestServer } from "../support/server";

/** Headers every answer carries, CORS by allow-list, oversized bodies and stalled clients cut off. */
let server: TestServer;
let quick: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 10_000, cors: { origins: ["https://dashboard.example.org"] } });
  // Short timeouts, checked often, so a stalled client is seen cut off within the test.
  quick = await startTestServer({ timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 50 } });
  token = await server.token("COORDINATOR");
});
afterAll(async () => {
  await server.close();
  await quick.close();
});

const QUERY = { query: "{ parks(first: 1) { nodes { name } } }" };

/** A raw connection: writes `head`, then `body` slowly, and reports what came back and when it closed. */
function raw(url: string, head: string, body = "", bodyBytes = 0) {
  const target = new URL(url);
  return new Promise<{ response: string; closedAfterMs: number; sentBytes: number }>((resolve) => {
    const started = performance.now();
    const socket = net.connect(Number(target.port), target.hostname);
    let response = "";
    let sent = 0;
    socket.on("data", (chunk) => (response += chunk.toString("utf8")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(pump);
      resolve({ response, closedAfterMs: performance.now() - started, sentBytes: sent });
    });
    socket.write(head);
    socket.write(body);
    sent += Buffer.byteLength(body);
    // Keep sending the declared body, 64 kB every 20 ms, until the server hangs up (or 3 s pass).
    const pump = setInterval(() => {
      if (performance.now() - started > 3000) return void socket.destroy();
      if (sent < bodyBytes && socket.writable) {
        socket.write(Buffer.alloc(65_536, 120));
        sent += 65_536;
      }
    }, 20);
  });
}

describe("headers on every answer", () => {
  it("sends nosniff everywhere, and no-store on answers to signed-in callers only", async () => {
    const health = await request(server.url).get("/health");
    const missing = await request(server.url).get("/nowhere");
    const anonymous = await request(server.url).post("/graphql").send(QUERY);
    const signedIn = await request(server.url).post("/graphql").set("authorization", `Bearer ${token}`).send(QUERY);
    for (const res of [health, missing, anonymous, signedIn]) expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    expect(anonymous.headers["cache-control"]).toBeUndefined();
  });
});

describe("CORS", () => {
  const ORIGIN = "https://dashboard.example.org";

  it("answers a preflight from an allowed origin, letting it send its token", async () => {
    const res = await request(server.url)
      .options("/graphql")
      .set({ origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(res.headers["access-control-allow-methods"]).toContain("POST");
    expect(res.headers["access-control-allow-headers"]).toContain("authorization");
    expect(res.headers.vary).toBe("Origin");
    const call = await request(server.url).post("/graphql").set({ origin: ORIGIN, authorization: `Bearer ${token}` }).send(QUERY);
    expect(call.status).toBe(200);
    expect(call.headers["access-control-allow-origin"]).toBe(ORIGIN);
  });

  it("gives other origins no CORS headers, and a server without an allow-list gives none at all", async () => {
    const other = await request(server.url).options("/graphql").set({ origin: "https://evil.example", "access-control-request-method": "POST" });
    expect(other.status).toBe(403);
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const call = await request(server.url).post("/graphql").set({ origin: "https://evil.example" }).send(QUERY);
    expect(call.headers["access-control-allow-origin"]).toBeUndefined();
    const none = await request(quick.url).options("/graphql").set({ origin: ORIGIN, "access-control-request-method": "POST" });
    expect(none.status).toBe(403);
    expect(none.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("cutting clients off", () => {
  it("answers a declared 50 MB body with 413 and closes the connection without reading it", async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n`;
    const result = await raw(server.url, head, '{"query": "', 50_000_000);
    expect(result.response).toMatch(/^HTTP\/1\.1 413/);
    expect(result.response.toLowerCase()).toContain("connection: close");
    expect(result.sentBytes).toBeLessThan(5_000_000);
    expect(result.closedAfterMs).toBeLessThan(2000);
  });

  it("closes a connection whose body passes the limit mid-way, without Content-Length", async () => {
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const result = await raw(server.url, head, chunk(`{"query": "${"y".repeat(20_000)}`));
    expect(result.response).toMatch(/^HTTP\/1\.1 413/);
    expect(result.closedAfterMs).toBeLessThan(2000);
  });

  it("closes a connection whose headers stall, at the headers timeout and not Node's 30 s check", async () => {
    const result = await raw(quick.url, `POST /graphql HTTP/1.1\r\nHost: x\r\n`);
    expect(result.closedAfterMs).toBeLessThan(2000);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(250);
  });

  it("uses 10 s for headers and 30 s for a whole request by default, checked every second", () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000 });
    expect(server.app.httpServer.headersTimeout).toBe(10_000);
    expect(server.app.httpServer.requestTimeout).toBe(30_000);
  });
});
