import { SortDirection } from "../orders/order.inputs";

/** A list's sort from its orderBy argument; without one, `field`, newest (largest) first unless `descending` says otherwise. */
export function sortOf<F extends string>(orderBy: { field: F; direction: SortDirection } | null, field: F, descending = true): { field: F; descending: boolean } {
  return orderBy ? { field: orderBy.field, descending: orderBy.direction === SortDirection.DESC } : { field, descending };
}
