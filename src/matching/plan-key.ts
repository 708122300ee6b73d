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

const linesText = (lines: readonly PlanKeyLine[]) => lines.map((l) => `${l.source}:${l.id}*${l.quantity}`).join(",");

function parseLines(text: string): PlanKeyLine[] | null {
  const lines: PlanKeyLine[] = [];
  for (const part of text.split(",")) {
    const line = LINE.exec(part);
    if (!line) return null;
    lines.push({ source: line[1] as PlanKeyLine["source"], id: Number(line[2]), quantity: Number(line[3]) });
  }
  return lines.every((l) => Number.isSafeInteger(l.id) && Number.isSafeInteger(l.quantity)) ? lines : null;
}

export function encodePlanKey(key: PlanKey): string {
  return Buffer.from(`p1~${key.orderId}~${key.totalCost}~${linesText(key.lines)}`, "utf8").toString("base64url");
}

/** The plan behind a key, or null for anything this API did not issue. */
export function decodePlanKey(text: string): PlanKey | null {
  if (text.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const match = KEY.exec(Buffer.from(text, "base64url").toString("utf8"));
  const lines = match && parseLines(match[3]);
  if (!match || !lines || !Number.isSafeInteger(Number(match[1])) || !Number.isSafeInteger(Number(match[2]))) return null;
  return { orderId: Number(match[1]), totalCost: Number(match[2]), lines };
}

/** A chain plan's key: what awardChain needs to award exactly the plan the customer read, every stage's lines. */
export interface ChainPlanKey {
  chainId: number;
  totalCost: number;
  stages: { orderId: number; lines: PlanKeyLine[] }[];
}

const CHAIN_KEY = /^c1~([1-9][0-9]{0,15})~([0-9]{1,16})~(.+)$/;
const STAGE = /^([1-9][0-9]{0,15})=(.+)$/;

export function encodeChainPlanKey(key: ChainPlanKey): string {
  const stages = key.stages.map((s) => `${s.orderId}=${linesText(s.lines)}`).join(";");
  return Buffer.from(`c1~${key.chainId}~${key.totalCost}~${stages}`, "utf8").toString("base64url");
}

/** The chain plan behind a key, or null for anything this API did not issue. */
export function decodeChainPlanKey(text: string): ChainPlanKey | null {
  if (text.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const match = CHAIN_KEY.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match || !Number.isSafeInteger(Number(match[1])) || !Number.isSafeInteger(Number(match[2]))) return null;
  const stages: ChainPlanKey["stages"] = [];
  for (const part of match[3].split(";")) {
    const stage = STAGE.exec(part);
    const lines = stage && parseLines(stage[2]);
    if (!stage || !lines || !Number.isSafeInteger(Number(stage[1]))) return null;
    stages.push({ orderId: Number(stage[1]), lines });
  }
  return { chainId: Number(match[1]), totalCost: Number(match[2]), stages };
}
