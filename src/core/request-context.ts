import type { Executor } from "../db/executor";
import type { Store, Transaction } from "../db/store";
import { refused, RefusedError, type Outcome } from "../graphql/errors";
import type { Logger } from "./logger";
import type { Viewer } from "./viewer";

/**
 * What every service method gets first: who asks, the request's one "now", where to read and
 * write, and where to log. The GraphQL context extends it (src/context.ts) with the loaders and
 * services resolvers use; a script or the expiry sweep makes one with `systemContext`.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly viewer: Viewer | null;
  /** One instant for every read and write of the request (from the app's clock). */
  readonly now: Date;
  /** The reading connection outside a transaction; the transaction's connection inside one. */
  readonly db: Executor;
  /** The open write transaction, or null. */
  readonly tx: Transaction | null;
  readonly store: Store;
  readonly logger: Logger;
}

/** A context for work the platform does itself (the expiry sweep, seeding): no viewer. */
export function systemContext(store: Store, logger: Logger, now: Date, requestId = "system"): RequestContext {
  return { requestId, viewer: null, now, db: store.reader, tx: null, store, logger };
}

/** A context inside a write transaction: `db` is the transaction's connection. */
export type TransactionContext = RequestContext & { readonly tx: Transaction };

/**
 * Runs `work` in a write transaction: a new one, or a savepoint of the caller's when it already
 * has one (a use case inside another). `work`'s context reads and writes inside it.
 */
export function inTransaction<T>(ctx: RequestContext, work: (ctx: TransactionContext) => Promise<T>): Promise<T> {
  const within = (tx: Transaction) => work({ ...ctx, db: tx.db, tx });
  return ctx.tx ? ctx.tx.savepoint(within) : ctx.store.write(within);
}

/**
 * A use case that answers with an outcome, in one write transaction: committed when it succeeds,
 * rolled back when it is refused (returned or thrown as RefusedError), so a refused request
 * writes nothing.
 */
export async function transact<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await inTransaction(ctx, async (inner) => {
      const outcome = await work(inner);
      if (!outcome.ok) throw new RefusedError(outcome.userErrors);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RefusedError) return refused(error.userErrors);
    throw error;
  }
}
