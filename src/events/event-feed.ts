import type { Executor } from "../db/executor";
import type { EventRow } from "../db/schema";
import type { Watcher } from "../db/watch";
import { eventsAfter, findEventsByIds, lastEventId } from "./event.repository";

/** What the feed hands on: the events that committed, in commit order, each once. */
export type EventBatchListener = (rows: EventRow[]) => Promise<void> | void;

/**
 * The event log as it grows, for every API process on the database: whoever listens is handed
 * each event committed after it started listening, by this process or another, in commit order,
 * once. On SQLite it reads "every event after the last one seen" whenever the database changed;
 * on PostgreSQL it reads the events each NOTIFY names (their ids may commit out of order).
 * While no one listens it watches nothing and reads nothing.
 */
export class EventFeed {
  private readonly listeners = new Set<EventBatchListener>();
  private stopWatching: (() => void) | undefined;
  private starting: Promise<void> | undefined;
  /** The newest event id handed on; reads of "what is new" start after it. */
  private cursor = 0;
  /** Ids handed on lately (a NOTIFY and a catch-up read may both name one). */
  private readonly seen = new Set<number>();
  private readonly named = new Set<number>();
  private scan = false;
  private pumping: Promise<void> | undefined;

  constructor(
    private readonly reader: Executor,
    private readonly watcher: Watcher,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts handing events to `listener`; resolves once events committed from now on will reach it. The answer stops it. */
  async listen(listener: EventBatchListener): Promise<() => void> {
    this.listeners.add(listener);
    this.starting ??= this.start();
    await this.starting;
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Waits until what was announced so far has been handed on (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async start(): Promise<void> {
    // Watch first, then read where the log ends: a commit in between is then read, not lost.
    this.stopWatching = await this.watcher.watch("market_events", (id) => this.announced(id));
    this.cursor = await lastEventId(this.reader);
  }

  private stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.starting = undefined;
    this.named.clear();
    this.scan = false;
  }

  private announced(id: number | null): void {
    if (id === null) this.scan = true;
    else if (!this.seen.has(id)) this.named.add(id);
    this.pumping ??= this.pump().finally(() => (this.pumping = undefined));
  }

  private async pump(): Promise<void> {
    await this.starting;
    while (this.stopWatching && (this.scan || this.named.size > 0)) {
      try {
        const rows = this.scan ? await this.readNew() : await this.readNamed();
        const fresh = rows.filter((row) => !this.seen.has(row.id));
        for (const row of fresh) this.remember(row.id);
        if (fresh.length > 0) for (const listener of [...this.listeners]) await listener(fresh);
      } catch (error) {
        // Read again from the cursor at the next announcement (on PostgreSQL what was named and
        // committed out of order meanwhile is then missed: logged).
        this.scan = true;
        this.onError(error);
        return;
      }
    }
  }

  /** Everything after the cursor: SQLite after any commit, PostgreSQL after reconnecting. */
  private async readNew(): Promise<EventRow[]> {
    this.scan = false;
    const rows: EventRow[] = [];
    for (let after = this.cursor; ; ) {
      const page = await eventsAfter(this.reader, after, 500);
      rows.push(...page);
      if (page.length < 500) return rows;
      after = page[page.length - 1].id;
    }
  }

  /** The events NOTIFY named since the last read, in id order (one transaction's events are announced together). */
  private async readNamed(): Promise<EventRow[]> {
    const ids = [...this.named];
    this.named.clear();
    const rows = await findEventsByIds(this.reader, ids);
    return rows.sort((a, b) => a.id - b.id);
  }

  private remember(id: number): void {
    this.cursor = Math.max(this.cursor, id);
    this.seen.add(id);
    // A Set iterates in insertion order: the oldest go first.
    if (this.seen.size > 10_000) this.seen.delete(this.seen.values().next().value!);
  }
}
