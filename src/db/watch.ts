import type Database from "better-sqlite3";
import pg from "pg";

/**
 * What the API processes are told of as it commits, in any process on the database: new events
 * of the log, and API tokens revoked. PostgreSQL announces each with NOTIFY from a trigger
 * (migrations/pg/0001_live_event_notifications.sql); SQLite has no such thing, and is watched.
 */
export type Channel = "market_events" | "market_tokens";

/**
 * Called with the id of what committed (an event's, a token's), or with null for "something may
 * have committed that you were not told of one by one: look again" (SQLite, after any commit; a
 * PostgreSQL listener that reconnected).
 */
export type ChannelListener = (id: number | null) => void;

export interface Watcher {
  /** Starts calling `listener` for commits on `channel`; resolves once it is listening. The answer stops it. */
  watch(channel: Channel, listener: ChannelListener): Promise<() => void>;
  /** Tells the watcher that this process committed (SQLite: look at once instead of at the next poll). */
  committed(): void;
  close(): Promise<void>;
}

/** Listeners per channel, and whether any are left. */
class Listeners {
  private readonly byChannel = new Map<Channel, Set<ChannelListener>>();

  add(channel: Channel, listener: ChannelListener): () => boolean {
    let set = this.byChannel.get(channel);
    if (!set) this.byChannel.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      return this.size() > 0;
    };
  }

  size(): number {
    let n = 0;
    for (const set of this.byChannel.values()) n += set.size;
    return n;
  }

  channels(): Channel[] {
    return [...this.byChannel.keys()];
  }

  call(channel: Channel, id: number | null): void {
    for (const listener of this.byChannel.get(channel) ?? []) listener(id);
  }

  callAll(id: null): void {
    for (const channel of this.byChannel.keys()) this.call(channel, id);
  }
}

/**
 * SQLite: `PRAGMA data_version` on the reading connection changes whenever another connection
 * (this process's writer, or another process) commits; it is read every `pollMs` while anyone
 * watches (about a microsecond each), and at once after this process's own commits. Every
 * channel is told null: look again. SQLite commits one write transaction at a time, so a
 * listener that reads "every id after the last one seen" misses nothing.
 */
export function sqliteWatcher(reader: Database.Database, pollMs = 50): Watcher {
  const listeners = new Listeners();
  let version = -1;
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  const look = (force: boolean) => {
    scheduled = false;
    if (!reader.open || listeners.size() === 0) return;
    const now = reader.pragma("data_version", { simple: true }) as number;
    if (now === version && !force) return;
    version = now;
    listeners.callAll(null);
  };
  return {
    async watch(channel, listener) {
      const remove = listeners.add(channel, listener);
      if (!timer) {
        version = reader.pragma("data_version", { simple: true }) as number;
        timer = setInterval(() => look(false), pollMs);
        timer.unref();
      }
      return () => {
        if (!remove() && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    committed() {
      if (scheduled || listeners.size() === 0) return;
      scheduled = true;
      // After the committing request's own work: the event reaches subscribers right after its answer is on its way.
      // With a single connection (an in-memory database) data_version does not move for its own commits: force.
      setImmediate(() => look(true));
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * PostgreSQL: one connection of its own LISTENs on every watched channel; NOTIFY's payload is
 * the id. If that connection drops, it reconnects (every second until it can) and tells each
 * channel null, since what committed meanwhile was announced to no one.
 */
export function postgresWatcher(url: string, onError: (error: Error) => void = () => undefined): Watcher {
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (message) => {
      const id = Number(message.payload);
      listeners.call(message.channel as Channel, Number.isSafeInteger(id) ? id : null);
    });
    c.on("error", (error) => {
      onError(error);
      lost(c);
    });
    c.on("end", () => lost(c));
    await c.connect();
    for (const channel of listeners.channels()) await c.query(`listen ${channel}`);
    return c;
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    connecting = undefined;
    c.end().catch(() => undefined);
    if (closed || listeners.size() === 0 || retry) return;
    const again = () => {
      retry = undefined;
      if (closed) return;
      ensure().then(
        () => listeners.callAll(null),
        (error: Error) => {
          onError(error);
          retry = setTimeout(again, 1_000);
          retry.unref();
        },
      );
    };
    retry = setTimeout(again, 100);
    retry.unref();
  };
  const ensure = (): Promise<pg.Client> => {
    connecting ??= connect().then(
      (c) => (client = c),
      (error: unknown) => {
        connecting = undefined;
        throw error;
      },
    );
    return connecting;
  };

  return {
    async watch(channel, listener) {
      const known = listeners.channels().includes(channel);
      const remove = listeners.add(channel, listener);
      const c = await ensure();
      if (!known) await c.query(`listen ${channel}`);
      return () => void remove();
    },
    committed: () => undefined,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
