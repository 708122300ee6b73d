import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Sends requests from `concurrency` loops over keep-alive connections for `durationMs`;
 * `next(i)` gives the i-th request's JSON body and token. A response that is not 200 or holds
 * GraphQL errors or userErrors counts as an error.
 */
export async function load(url: string, concurrency: number, durationMs: number, next: (i: number) => { body: unknown; token?: string }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + durationMs;
  const one = (payload: string, token?: string) =>
    new Promise<boolean>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          let data = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => (data += chunk));
          res.on("end", () => resolve(res.statusCode === 200 && !data.includes('"errors"') && !/"userErrors":\[\{/.test(data)));
        },
      );
      req.on("error", () => resolve(false));
      req.end(payload);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const { body, token } = next(counter++);
        const t0 = performance.now();
        const ok = await one(JSON.stringify(body), token);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}
