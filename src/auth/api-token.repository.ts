import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { apiTokens, type ApiTokenRow } from "../db/schema";
import type { Role } from "./viewer";

export function findTokenByHash(db: Executor, tokenHash: string): ApiTokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
}

export function findTokenById(db: Executor, id: number): ApiTokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function insertToken(
  db: Executor,
  values: { tokenHash: string; role: Role; companyId: number | null; holderName: string; createdAt: Date },
): ApiTokenRow {
  return db.insert(apiTokens).values(values).returning().get();
}

export function revokeToken(db: Executor, id: number, at: Date): ApiTokenRow {
  return db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning().get();
}

export function findTokensByIds(db: Executor, ids: number[]): ApiTokenRow[] {
  return db.select().from(apiTokens).where(inArray(apiTokens.id, ids)).all();
}
