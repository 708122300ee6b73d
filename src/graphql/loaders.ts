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
): DataLoader<PageKey<F>, R[], string> {
  const cacheKey = (key: PageKey<F>) => JSON.stringify([key.parentId, key.page, key.filter]);
  return new DataLoader<PageKey<F>, R[], string>(
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
}
