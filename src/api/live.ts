import { hearsOf } from "../access/policy";
import { biddersOf } from "../bids/bid.repository";
import type { Logger } from "../core/logger";
import type { Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import type { EventRow, EventTypeValue } from "../db/schema";
import type { EventFeed } from "../events/event-feed";
import { activeOffersOfCapability } from "../offers/capability-offer.repository";
import { findOrderById } from "../orders/order.repository";

/** What one subscription asks for, beyond what its viewer may hear of. */
export interface LiveFilter {
  /** Only these kinds of event; null: every kind. */
  types: ReadonlySet<EventTypeValue> | null;
  /** Only this order's events; null: every order. */
  orderId: number | null;
}

/**
 * Events a subscription has not been sent yet, at most this many: a client that reads slower
 * than the market changes is ended (its subscription completes) rather than held in memory.
 */
export const MAX_PENDING_EVENTS = 1_000;

/** One subscription's events, as the async iterator graphql-js reads a subscription from. */
class LiveSubscription implements AsyncIterableIterator<EventRow> {
  private readonly pending: EventRow[] = [];
  private waiting: ((result: IteratorResult<EventRow>) => void) | undefined;
  private ended = false;

  constructor(
    readonly viewer: Viewer,
    readonly filter: LiveFilter,
    private readonly onEnd: (subscription: LiveSubscription) => void,
  ) {}

  wants(row: EventRow): boolean {
    return (this.filter.types === null || this.filter.types.has(row.type)) && (this.filter.orderId === null || this.filter.orderId === row.orderId);
  }

  push(row: EventRow): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: row, done: false });
    } else if (this.pending.length >= MAX_PENDING_EVENTS) {
      void this.return();
    } else {
      this.pending.push(row);
    }
  }

  next(): Promise<IteratorResult<EventRow>> {
    const row = this.pending.shift();
    if (row) return Promise.resolve({ value: row, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The client completed it, its socket closed, or it fell too far behind. */
  return(): Promise<IteratorResult<EventRow>> {
    if (!this.ended) {
      this.ended = true;
      this.pending.length = 0;
      this.onEnd(this);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<EventRow> {
    return this;
  }
}

/**
 * Live events: each subscription is handed the events of the log (src/events/event-feed.ts, so
 * from every API process) that its viewer may hear of by the access policy (`hearsOf`) and its
 * filter asks for, in commit order. What the policy needs from the database (who bid on an
 * order, who offers a posted order's capability) is read once per event, only when a
 * subscriber's answer depends on it.
 */
export class LiveEvents {
  private readonly subscriptions = new Set<LiveSubscription>();
  private stopFeed: Promise<() => void> | undefined;

  constructor(
    private readonly feed: EventFeed,
    private readonly reader: Executor,
    private readonly logger: Logger,
  ) {}

  /** Open subscriptions, in this process. */
  get size(): number {
    return this.subscriptions.size;
  }

  /** A subscription to the events `viewer` may hear of; resolves once events committed from now on will reach it. */
  async subscribe(viewer: Viewer, filter: LiveFilter): Promise<AsyncIterableIterator<EventRow>> {
    const subscription = new LiveSubscription(viewer, filter, (ended) => this.ended(ended));
    // A feed that could not start (PostgreSQL's LISTEN connection refused) is tried again by the next subscription.
    this.stopFeed ??= this.feed.listen((rows) => this.dispatch(rows)).catch((error: unknown) => {
      this.stopFeed = undefined;
      throw error;
    });
    await this.stopFeed;
    // Counted from here: what commits from now on reaches it.
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every subscription (the server stops). */
  async close(): Promise<void> {
    for (const subscription of [...this.subscriptions]) await subscription.return();
  }

  private ended(subscription: LiveSubscription): void {
    this.subscriptions.delete(subscription);
    if (this.subscriptions.size === 0 && this.stopFeed) {
      const stopping = this.stopFeed;
      this.stopFeed = undefined;
      void stopping.then((stop) => stop());
    }
  }

  private async dispatch(rows: EventRow[]): Promise<void> {
    for (const row of rows) {
      const facts = this.factsOf(row);
      for (const subscription of [...this.subscriptions]) {
        if (!subscription.wants(row)) continue;
        try {
          if (await hearsOf(subscription.viewer, row, facts)) subscription.push(row);
        } catch (error) {
          this.logger.error("live event not delivered", { eventId: row.id, error: String(error) });
        }
      }
    }
  }

  /** The answers `hearsOf` may need about one event, each read at most once. */
  private factsOf(row: EventRow) {
    let bidders: Promise<Set<number>> | undefined;
    let offering: Promise<Set<number>> | undefined;
    const orderId = row.orderId;
    return {
      bidOnOrder: async (companyId: number) => orderId !== null && (await (bidders ??= biddersOf(this.reader, orderId))).has(companyId),
      offersCapability: async (companyId: number) => {
        offering ??= (async () => {
          const order = orderId === null ? undefined : await findOrderById(this.reader, orderId);
          const offers = order ? await activeOffersOfCapability(this.reader, order.capabilityId) : [];
          return new Set(offers.map((offer) => offer.companyId));
        })();
        return (await offering).has(companyId);
      },
    };
  }
}
