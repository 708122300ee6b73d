import DataLoader from "dataloader";
import { MAX_BATCH } from "../db/executor";
import type { PageRequest } from "../db/page";

/** Loads rows by database id, one statement per batch; missing ids load as undefined. */
export function byIdLoader<R extends { id: number }>(fetch: (ids: number[]) => Promise<R[]>): DataLoader<number, R | undefined> {
  return new DataLoader<number, R | undefined>(
    async (ids) => {
      const byId = new Map((await fetch([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    },
    { maxBatchSize: MAX_BATCH },
  );
}

export interface PageKey<F> {
  parentId: number;
  page: PageRequest;
  filter: F;
}

/**
 * Loads a page of children for many parents at once (engineers of 20 companies, say).
 * Keys asking for the same page size, cursor and filter share one statement, so the number
 * of statements does not grow with the number of parents.
 */
export function pageLoader<R extends { id: number }, F>(
  fetch: (parentIds: number[], page: PageRequest, filter: F) => Promise<R[]>,
  parentOf: (row: R) => number,
  count: (parentIds: number[], filter: F) => Promise<Map<number, number>>,
): PageLoader<R, F> {
  const cacheKey = (key: PageKey<F>) => JSON.stringify([key.parentId, key.page, key.filter]);
  const countKey = (key: { parentId: number; filter: F }) => JSON.stringify([key.parentId, key.filter]);
  const counts = new DataLoader<{ parentId: number; filter: F }, number, string>(
    async (keys) => {
      const byFilter = new Map<string, { filter: F; parentIds: number[] }>();
      for (const key of keys) {
        const group = JSON.stringify(key.filter);
        const members = byFilter.get(group) ?? byFilter.set(group, { filter: key.filter, parentIds: [] }).get(group)!;
        members.parentIds.push(key.parentId);
      }
      const results = new Map<string, number>();
      for (const { filter, parentIds } of byFilter.values()) {
        const found = await count([...new Set(parentIds)], filter);
        for (const parentId of parentIds) results.set(countKey({ parentId, filter }), found.get(parentId) ?? 0);
      }
      return keys.map((key) => results.get(countKey(key)) ?? 0);
    },
    { cacheKeyFn: countKey, maxBatchSize: MAX_BATCH },
  );
  const pages = new DataLoader<PageKey<F>, R[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey<F>[]>();
      for (const key of keys) {
        const group = JSON.stringify([key.page, key.filter]);
        const members = groups.get(group);
        if (members) members.push(key);
        else groups.set(group, [key]);
      }
      const results = new Map<string, R[]>();
      for (const group of groups.values()) {
        const { page, filter } = group[0];
        for (const row of await fetch([...new Set(group.map((key) => key.parentId))], page, filter)) {
          const key = cacheKey({ parentId: parentOf(row), page, filter });
          const rows = results.get(key);
          if (rows) rows.push(row);
          else results.set(key, [row]);
        }
      }
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: MAX_BATCH },
  );
  return Object.assign(pages, { countOf: (parentId: number, filter: F) => counts.load({ parentId, filter }) });
}

/** Pages of children per parent, and `countOf` for the size of a parent's whole list (batched too: 20 orders' bid counts are one statement). */
export type PageLoader<R, F> = DataLoader<PageKey<F>, R[], string> & { countOf(parentId: number, filter: F): Promise<number> };
