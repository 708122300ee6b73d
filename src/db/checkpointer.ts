import { Worker } from "node:worker_threads";

/**
 * Copies the write-ahead log back into the database file from a worker thread, so requests do
 * not wait for it. By default SQLite does this in whichever commit pushes the log past 1,000
 * pages, with an fsync of the database file: on this machine that made an average commit three
 * times slower (235 us against 78 us without; a committed transaction is in the log either way,
 * so durability does not change). The server's connection keeps a far threshold (openDatabase's
 * `backgroundCheckpoints`) as a safety net should this thread stop.
 *
 * The worker is plain JavaScript (eval) so it runs the same from src/ under jest and from dist/.
 */

/** A running checkpointer; `stop` closes its connection and ends the thread. */
export interface Checkpointer {
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Checkpoints `file` every `intervalMs` (PASSIVE: never waits for readers or writers); errors go to `onError`. */
export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = 1_000): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver: require.resolve("better-sqlite3") } });
  worker.on("message", (message: { error?: string }) => message.error && onError(message.error));
  worker.on("error", (error) => onError(String(error)));
  // The process may exit without waiting for it: SQLite checkpoints what is left on close.
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
