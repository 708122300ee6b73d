import type { Viewer } from "../core/viewer";
import type { BidRow, ContractRow, OrderRow } from "../db/schema";
import { effectiveStatus } from "./order-state";

/** A member of the company that posted the order. */
export function ownsOrder(viewer: Viewer | null, order: Pick<OrderRow, "companyId">): boolean {
  return viewer?.role === "MEMBER" && viewer.companyId === order.companyId;
}

/**
 * Who sees an order: its owner, the coordinator, and contract companies while it is open
 * (to bid on it) or once they have bid on it. A product plan is no business of other startups.
 */
export function canSeeOrder(viewer: Viewer | null, order: OrderRow, now: Date, viewerHasBid: boolean): boolean {
  if (!viewer) return false;
  if (viewer.role === "COORDINATOR" || ownsOrder(viewer, order)) return true;
  return viewer.companyKind === "CONTRACT" && (viewerHasBid || effectiveStatus(order, now) === "OPEN");
}

/**
 * Sealed bids: a bid is seen by the contractor that made it, the order's owner and the
 * coordinator; never by a competitor.
 */
export function canSeeBid(viewer: Viewer | null, bid: Pick<BidRow, "companyId">, orderCompanyId: number): boolean {
  if (!viewer) return false;
  if (viewer.role === "COORDINATOR") return true;
  return viewer.role === "MEMBER" && (viewer.companyId === bid.companyId || viewer.companyId === orderCompanyId);
}

/** A contract is seen by its contractor, its customer and the coordinator. */
export function canSeeContract(viewer: Viewer | null, contract: Pick<ContractRow, "companyId" | "customerCompanyId">): boolean {
  if (!viewer) return false;
  if (viewer.role === "COORDINATOR") return true;
  return viewer.role === "MEMBER" && (viewer.companyId === contract.companyId || viewer.companyId === contract.customerCompanyId);
}
