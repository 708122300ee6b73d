import { createClient, type Client, type ExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "./server";

/** One subscription as a client sees it: what it received, and how it ended. */
export interface LiveSubscription {
  /** `next` payloads, in order. */
  results: ExecutionResult<Record<string, any>>[];
  /** The `error` message's errors, or the close event that ended the connection. */
  error: unknown;
  completed: boolean;
  /** Waits for the `n`-th result (1-based); fails after `timeoutMs`. */
  nth(n: number, timeoutMs?: number): Promise<ExecutionResult<Record<string, any>>>;
  /** Waits until the subscription errored or completed. */
  ended(timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

export interface LiveClient {
  client: Client;
  subscribe(query: string, variables?: Record<string, unknown>): Promise<LiveSubscription>;
  close(): Promise<void>;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A real graphql-ws client (the protocol Apollo Client, urql and Relay speak) on the test
 * server's /graphql, with `token` in connection_init. `subscribe` resolves once the server holds
 * the subscription (events committed from then on reach it) or has already answered it.
 */
export function liveClient(server: Pick<TestServer, "url" | "app">, token?: string, options: { origin?: string } = {}): LiveClient {
  const client = createClient({
    url: server.url.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, options.origin ? { headers: { origin: options.origin } } : {});
      }
    },
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    lazyCloseTimeout: 60_000,
  });
  return {
    client,
    async subscribe(query, variables) {
      const before = server.app.live.size;
      const sub: LiveSubscription = {
        results: [],
        error: undefined,
        completed: false,
        async nth(n, timeoutMs = 5_000) {
          await until(() => sub.results.length >= n || sub.error !== undefined || sub.completed, timeoutMs, `result ${n} of ${query}`);
          if (sub.results.length < n) throw new Error(`The subscription ended after ${sub.results.length} results: ${JSON.stringify(sub.error)}`);
          return sub.results[n - 1];
        },
        async ended(timeoutMs = 5_000) {
          await until(() => sub.error !== undefined || sub.completed, timeoutMs, `the end of ${query}`);
        },
        unsubscribe: () => undefined,
      };
      sub.unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (result) => void sub.results.push(result as ExecutionResult<Record<string, any>>),
          error: (error) => void (sub.error = error ?? "error"),
          complete: () => void (sub.completed = true),
        },
      );
      await until(() => server.app.live.size > before || sub.results.length > 0 || sub.error !== undefined || sub.completed, 5_000, `the server to hold ${query}`);
      return sub;
    },
    close: () => client.dispose() as Promise<void>,
  };
}
