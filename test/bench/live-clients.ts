import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * The subscribers of `npm run bench:live`, in a process of their own (so that the server's
 * memory is the server's): one graphql-ws client, one socket and one subscription per token,
 * each noting when each new order's event arrived (on CLOCK_MONOTONIC, shared by every process of the machine).
 */
interface Start {
  url: string;
  tokens: string[];
  /** One document per token. */
  queries: string[];
}

/** CLOCK_MONOTONIC, in ms: one clock for every process on the machine (performance.timeOrigin drifts apart between processes started a minute apart). */
const clock = () => Number(process.hrtime.bigint()) / 1e6;
const receipts: [string, number][] = [];
const clients: Client[] = [];
let failures = 0;

process.on("message", (message: { start?: Start; report?: true; stop?: true }) => {
  if (message.start) {
    const { url, tokens, queries } = message.start;
    for (const [i, token] of tokens.entries()) {
      const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
      clients.push(client);
      client.subscribe<{ marketEvents: { order: { id: string } } }>(
        { query: queries[i] },
        {
          next: (result) => {
            const id = result.data?.marketEvents.order?.id;
            if (id) receipts.push([id, clock()]);
            else failures++;
          },
          error: () => void failures++,
          complete: () => undefined,
        },
      );
    }
    process.send!({ started: tokens.length });
  }
  if (message.report) {
    process.send!({ receipts: receipts.splice(0), failures });
  }
  if (message.stop) {
    for (const client of clients) void client.dispose();
    process.exit(0);
  }
});
