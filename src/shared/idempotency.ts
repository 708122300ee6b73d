import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Viewer } from "../core/viewer";
import type { Executor } from "../db/executor";
import { first, param, prepared } from "../db/prepared";
import { idempotencyKeys } from "../db/schema";
import { ok, refused, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";

/** The description of every mutation input's idempotencyKey field. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  "A key you choose (1-100 of A-Z a-z 0-9 _ . : -) to make retries safe: a repeat with the same key and input returns the first result and writes nothing.";

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A stable hash of an input: keys sorted at every level, dates as ISO strings. */
export function hashInput(input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value)
          .filter((k) => k !== "idempotencyKey" && (value as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash("sha256").update(JSON.stringify(canonical(input))).digest("hex");
}

const keyUsed = prepared((db) =>
  db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, param(idempotencyKeys.scope, "scope")), eq(idempotencyKeys.operation, param(idempotencyKeys.operation, "operation")), eq(idempotencyKeys.key, param(idempotencyKeys.key, "key")))),
);

const keyStored = prepared((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder("scope"),
      operation: sql.placeholder("operation"),
      key: sql.placeholder("key"),
      requestHash: sql.placeholder("requestHash"),
      resultId: sql.placeholder("resultId"),
      createdAt: sql.placeholder("createdAt"),
    }),
);

/**
 * Runs `write` at most once per (caller, operation, key), inside the caller's transaction.
 * Without a key it just runs. With a key already used for the same input, it writes nothing
 * and returns what the first request created (`load`); with other input it is refused.
 * Refused writes store no key, so a corrected retry may use the same key.
 */
export async function idempotent<T>(
  db: Executor,
  viewer: Viewer,
  operation: string,
  key: string | null | undefined,
  input: unknown,
  write: () => Promise<Outcome<T>>,
  idOf: (value: T) => number,
  load: (id: number) => Promise<T>,
  now: Date,
): Promise<Outcome<T>> {
  if (key == null) return write();
  if (!KEY_PATTERN.test(key)) {
    return refused(new UserErrors().add("idempotencyKey", UserErrorCode.INVALID_FORMAT, "An idempotency key is 1 to 100 of A-Z, a-z, 0-9 and _ . : -"));
  }
  const scope = viewer.companyId !== null ? `company:${viewer.companyId}` : `token:${viewer.tokenId}`;
  const requestHash = hashInput(input);
  const previous = await first(keyUsed(db).execute({ scope, operation, key }));
  if (previous) {
    if (previous.requestHash !== requestHash) {
      return refused(
        new UserErrors().add("idempotencyKey", UserErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was already used with different input; use a new key for a new request."),
      );
    }
    return ok(await load(previous.resultId));
  }
  const outcome = await write();
  if (outcome.ok) {
    await keyStored(db).execute({ scope, operation, key, requestHash, resultId: idOf(outcome.value), createdAt: now });
  }
  return outcome;
}
