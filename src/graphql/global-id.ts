/**
 * Global object IDs: opaque base64url strings of "<Type>:<database id>", resolved by `node(id)`.
 * Clients must not parse them.
 */
export type NodeTypeName = "Park" | "Company" | "Engineer" | "Capability" | "CapabilityOffer" | "ApiToken" | "Order" | "Bid" | "Contract" | "Delivery" | "Investment" | "Notification" | "Question" | "Document" | "Chain";

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>([
  "Park",
  "Company",
  "Engineer",
  "Capability",
  "CapabilityOffer",
  "ApiToken",
  "Order",
  "Bid",
  "Contract",
  "Delivery",
  "Investment",
  "Notification",
  "Question",
  "Chain",
  "Document",
]);

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export interface DecodedId {
  type: NodeTypeName;
  id: number;
}

/** Decodes a global ID; null for anything that is not one this API issued. */
export function fromGlobalId(globalId: string): DecodedId | null {
  if (globalId.length > 100 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(Buffer.from(globalId, "base64url").toString("utf8"));
  if (!match || !NODE_TYPES.has(match[1])) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1] as NodeTypeName, id } : null;
}

/** The database id behind a global ID of the expected type, or null. */
export function idOf(globalId: string, type: NodeTypeName): number | null {
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.type === type ? decoded.id : null;
}
