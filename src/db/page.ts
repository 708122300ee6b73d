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

/** A page of a list, and how to count the whole list under the same criteria (run only if a client asks for totalCount). */
export interface Listed<R> {
  rows: R[];
  count: () => Promise<number>;
}
