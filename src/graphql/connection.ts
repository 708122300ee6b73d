import type { PageRequest, SortedPageRequest, SortValue } from "../db/page";
import { GraphQLSafeInt } from "graphql-scalars";
import { ArgsType, Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from "type-graphql";
import { badUserInput } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page (true when `after` was given)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item; pass it as `after` for the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return: 0 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an `endCursor`)." })
  after?: string | null;
}

/** Validates `first`/`after`; a bad value is a BAD_USER_INPUT error naming the argument. */
export function pageRequest(args: PageArgs): PageRequest {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}.`, "first");
  }
  const afterId = args.after == null ? null : decodeCursor(args.after);
  return { limit, afterId };
}

export function encodeCursor(id: number): string {
  return Buffer.from(`cursor:${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const match = cursor.length <= 64 ? /^cursor:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8")) : null;
  const id = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(id)) throw badUserInput("after is not a cursor this API returned.", "after");
  return id;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** How many items the whole list has (every page), counted only when `totalCount` is asked for. */
  count: Count;
}

/** A list's size, read when asked for (a count statement, or a loader's batched one). */
export type Count = () => Promise<number>;

/**
 * Builds a connection from up to `limit + 1` rows fetched in id order: the extra row only
 * tells that a next page exists.
 */
export function toConnection<R extends { id: number }, T>(rows: R[], page: PageRequest, map: (row: R) => T, count: Count): Connection<T> {
  return connectionOf(rows, page.limit, page.afterId !== null, (row) => encodeCursor(row.id), map, count);
}

/**
 * A page of a list computed in memory (e.g. the matching engine's plans): the cursor is the
 * item's position, so it is valid only against the same list.
 */
export function toListConnection<T>(items: readonly T[], page: PageRequest): Connection<T> {
  const start = page.afterId ?? 0;
  const rows = items.slice(start, start + page.limit + 1).map((item, i) => ({ id: start + i + 1, item }));
  return connectionOf(rows, page.limit, page.afterId !== null, (row) => encodeCursor(row.id), (row) => row.item, async () => items.length);
}

function connectionOf<R, T>(rows: R[], limit: number, hasPrevious: boolean, cursorOf: (row: R) => string, map: (row: R) => T, count: Count): Connection<T> {
  const edges = rows.slice(0, limit).map((row) => ({ cursor: cursorOf(row), node: map(row) }));
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = rows.length > limit;
  pageInfo.hasPreviousPage = hasPrevious;
  pageInfo.startCursor = edges[0]?.cursor ?? null;
  pageInfo.endCursor = edges[edges.length - 1]?.cursor ?? null;
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo, count };
}

/** The resolvers of every connection type's `totalCount`; the schema is built with them (src/api/schema.ts). */
export const CONNECTION_RESOLVERS: ClassType[] = [];

/** Declares the `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a ${name}Connection, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after`." })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: "The items of this page with their cursors." })
    edges!: EdgeType[];

    @Field(() => [node], { description: "The items of this page, without cursors." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Whether more items follow, and the cursors to fetch them." })
    pageInfo!: PageInfo;

    count!: Count;
  }

  @Resolver(() => ConnectionClass)
  class TotalCountResolver {
    @FieldResolver(() => GraphQLSafeInt, { description: "How many items the whole list has, every page together, with the same filters." })
    totalCount(@Root() connection: ConnectionClass): Promise<number> {
      return connection.count();
    }
  }
  CONNECTION_RESOLVERS.push(TotalCountResolver);

  return ConnectionClass;
}

export function encodeSortedCursor(value: SortValue, id: number): string {
  return Buffer.from(JSON.stringify(["sorted", value, id]), "utf8").toString("base64url");
}

/** Validates `first`/`after` for a sorted list; the cursor must come from the same sort. */
export function sortedPageRequest(args: PageArgs, valueType: "string" | "number"): SortedPageRequest {
  const { limit } = pageRequest({ first: args.first });
  if (args.after == null) return { limit, after: null };
  let parsed: unknown;
  try {
    parsed = args.after.length <= 400 ? JSON.parse(Buffer.from(args.after, "base64url").toString("utf8")) : null;
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== "sorted" ||
    typeof parsed[1] !== valueType ||
    !Number.isSafeInteger(parsed[2]) ||
    parsed[2] < 1
  ) {
    throw badUserInput("after is not a cursor of this list in this order.", "after");
  }
  return { limit, after: { value: parsed[1] as SortValue, id: parsed[2] as number } };
}

/** Like toConnection, for a list sorted by `valueOf(row)` then id. */
export function toSortedConnection<R extends { id: number }, T>(
  rows: R[],
  page: SortedPageRequest,
  valueOf: (row: R) => SortValue,
  map: (row: R) => T,
  count: Count,
): Connection<T> {
  return connectionOf(rows, page.limit, page.after !== null, (row) => encodeSortedCursor(valueOf(row), row.id), map, count);
}
