import type { PgColumn } from "drizzle-orm/pg-core";

/** What the data layer needs of a page of a list; the GraphQL layer turns first/after into these (src/graphql/connection.ts). */

/** A validated page request: keyset pagination on ascending database id. */
export interface PageRequest {
  limit: number;
  afterId: number | null;
}

export type SortValue = string | number;

/** A page request on a list sorted by some value, then by id: keyset on (value, id). */
export interface SortedPageRequest {
  limit: number;
  after: { value: SortValue; id: number } | null;
}

/** How a list is sorted by one of its fields: the column, a row's value (as cursors carry it), and that value back as the column's. */
export interface SortSpec<R> {
  column: PgColumn;
  valueOf: (row: R) => SortValue;
  fromCursor: (value: SortValue) => unknown;
  type: "string" | "number";
}

/** A list's sort as a repository takes it. */
export interface Sort<F extends string> {
  field: F;
  descending: boolean;
}

/** A page of a list, and how to count the whole list under the same criteria (run only if a client asks for totalCount). */
export interface Listed<R> {
  rows: R[];
  count: () => Promise<number>;
}
