import { forbidden, unauthenticated } from "../graphql/errors";

export type Role = "COORDINATOR" | "MEMBER" | "INVESTOR";

/** Who is making a request: the holder of a valid API token. Anonymous requests have none. */
export interface Viewer {
  tokenId: number;
  role: Role;
  /** The one company a MEMBER acts for; null for other roles. */
  companyId: number | null;
  /** The kind of that company (fixed at registration, so safe to carry for the request). */
  companyKind: "PRODUCT" | "CONTRACT" | null;
  holderName: string;
}

/** The viewer, or UNAUTHENTICATED when the request carries no token. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The viewer if it has one of `roles`, else UNAUTHENTICATED / FORBIDDEN. */
export function requireRole(viewer: Viewer | null, roles: readonly Role[], action: string): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) throw forbidden(`Only ${roles.join(" or ")} tokens may ${action}.`);
  return v;
}

export const isCoordinator = (viewer: Viewer | null): boolean => viewer?.role === "COORDINATOR";

/** May act for the company and see its internal data: the coordinator, or one of its members. */
export function actsFor(viewer: Viewer | null, companyId: number): boolean {
  return viewer !== null && (viewer.role === "COORDINATOR" || (viewer.role === "MEMBER" && viewer.companyId === companyId));
}
