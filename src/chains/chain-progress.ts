import { expectedCompletion, latest } from "../contracts/stage-schedule";
import type { ChainRow, ContractRow, OrderRow } from "../db/schema";
import { effectiveStatus } from "../orders/order-state";
import { localDate } from "../shared/time";
import { stageFacts } from "./chain.service";

/**
 * Where an awarded chain stands, stage by stage (pure): when each stage starts, when it is
 * expected to complete or did, whether that is after the date the chain needs it by, and the
 * chain's own status and completion.
 */
export type ChainStatusValue = "OPEN" | "AWARDED" | "IN_PRODUCTION" | "COMPLETED" | "CANCELLED";

export interface StageProgress {
  /** The earliest start of its contracts: when its inputs arrive. Null before the award. */
  startDate: string | null;
  /** Its last contract's completion: delivered or accepted, else promised (today when overdue). Null before the award. */
  expectedCompletion: string | null;
  /** The day its last units were accepted; null until then. */
  completedOn: string | null;
  /** Expected or completed after the latest the chain allows it. */
  late: boolean;
}

export interface ChainProgress {
  status: ChainStatusValue;
  /** The final stage's expected completion (or completion); null before the award. */
  expectedCompletion: string | null;
  completedOn: string | null;
  /** Per stage order id. */
  stages: Map<number, StageProgress>;
}

/** A chain's stages and their contracts, as one load reads them. */
export interface ChainRows {
  stages: OrderRow[];
  contracts: ContractRow[];
}

export function chainStatus(stages: readonly OrderRow[], now: Date): ChainStatusValue {
  const statuses = stages.map((s) => effectiveStatus(s, now));
  const final = stages.findIndex((s) => s.feedsOrderId === null);
  if (statuses[final] === "COMPLETED") return "COMPLETED";
  if (statuses.some((s) => s === "CANCELLED" || s === "EXPIRED")) return "CANCELLED";
  if (statuses.every((s) => s === "OPEN")) return "OPEN";
  return statuses.some((s) => s === "IN_PRODUCTION" || s === "COMPLETED") ? "IN_PRODUCTION" : "AWARDED";
}

export function chainProgress(chain: ChainRow, rows: ChainRows, now: Date): ChainProgress {
  const today = localDate(now);
  const stages = new Map<number, StageProgress>();
  for (const fact of stageFacts(chain, rows.stages)) {
    const contracts = rows.contracts.filter((c) => c.orderId === fact.order.id && c.status !== "CANCELLED");
    // An ACCEPTED contract's completion (expectedCompletion) is the day its last units were accepted.
    const expected = latest(contracts.map((c) => expectedCompletion(c, today, new Map())));
    const completedOn = contracts.length > 0 && contracts.every((c) => c.status === "ACCEPTED") ? expected : null;
    stages.set(fact.order.id, {
      startDate: contracts.length === 0 ? null : contracts.map((c) => c.startDate).reduce((a, b) => (a < b ? a : b)),
      expectedCompletion: expected,
      completedOn,
      late: expected !== null && expected > fact.latestCompletion,
    });
  }
  const final = stages.get(rows.stages.find((s) => s.feedsOrderId === null)!.id)!;
  return { status: chainStatus(rows.stages, now), expectedCompletion: final.expectedCompletion, completedOn: final.completedOn, stages };
}
