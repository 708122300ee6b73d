/** A list filter's states: its `statuses`, and the deprecated single `status` among them. */
export function statusesOf<S>(filter: { status?: S | null; statuses?: readonly S[] | null } | null | undefined): S[] {
  return [...(filter?.statuses ?? []), ...(filter?.status ? [filter.status] : [])];
}
