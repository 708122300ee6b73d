/**
 * A plan's key: what awardOrder needs to award exactly the plan the owner read. It names the
 * order, each line's bid or offer and quantity, and the total cost read, so that an award after
 * a price change is refused instead of charging a different sum. Opaque to clients (base64url).
 */
export interface PlanKeyLine {
  source: "bid" | "offer";
  id: number;
  quantity: number;
}

export interface PlanKey {
  orderId: number;
  totalCost: number;
  lines: PlanKeyLine[];
}

const MAX_KEY_LENGTH = 8000;
const LINE = /^(bid|offer):([1-9][0-9]{0,15})\*([1-9][0-9]{0,15})$/;
const KEY = /^p1~([1-9][0-9]{0,15})~([0-9]{1,16})~(.+)$/;

export function encodePlanKey(key: PlanKey): string {
  const lines = key.lines.map((l) => `${l.source}:${l.id}*${l.quantity}`).join(",");
  return Buffer.from(`p1~${key.orderId}~${key.totalCost}~${lines}`, "utf8").toString("base64url");
}

/** The plan behind a key, or null for anything this API did not issue. */
export function decodePlanKey(text: string): PlanKey | null {
  if (text.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const match = KEY.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match) return null;
  const lines: PlanKeyLine[] = [];
  for (const part of match[3].split(",")) {
    const line = LINE.exec(part);
    if (!line) return null;
    lines.push({ source: line[1] as PlanKeyLine["source"], id: Number(line[2]), quantity: Number(line[3]) });
  }
  const numbers = [Number(match[1]), Number(match[2]), ...lines.flatMap((l) => [l.id, l.quantity])];
  if (!numbers.every(Number.isSafeInteger)) return null;
  return { orderId: Number(match[1]), totalCost: Number(match[2]), lines };
}
