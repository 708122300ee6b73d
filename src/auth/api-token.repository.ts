import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../db/executor";
import { first, idList, inIdList, only, param, prepared, rowsByIds } from "../db/prepared";
import { apiTokens, companies, type ApiTokenRow } from "../db/schema";
import type { Role } from "../core/viewer";
import type { CompanyKindValue } from "../db/schema";

/** The token with its company's kind, in one read: every authenticated request does this. */
const tokenByHash = prepared((db) =>
  db
    .select({ token: apiTokens, companyKind: companies.kind })
    .from(apiTokens)
    .leftJoin(companies, eq(companies.id, apiTokens.companyId))
    .where(eq(apiTokens.tokenHash, param(apiTokens.tokenHash, "tokenHash"))),
);

export async function findTokenByHash(db: Executor, tokenHash: string): Promise<(ApiTokenRow & { companyKind: CompanyKindValue | null }) | undefined> {
  const row = await first(tokenByHash(db).execute({ tokenHash }));
  return row && { ...row.token, companyKind: row.companyKind };
}

export async function findTokenById(db: Executor, id: number): Promise<ApiTokenRow | undefined> {
  return first(db.select().from(apiTokens).where(eq(apiTokens.id, id)));
}

export async function insertToken(
  db: Executor,
  values: { tokenHash: string; role: Role; companyId: number | null; holderName: string; createdAt: Date },
): Promise<ApiTokenRow> {
  return only(db.insert(apiTokens).values(values).returning());
}

export async function revokeToken(db: Executor, id: number, at: Date): Promise<ApiTokenRow> {
  return only(db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning());
}

export const findTokensByIds = rowsByIds(apiTokens);

const revokedOf = prepared((db) =>
  db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(inIdList(apiTokens.id, "ids"), isNotNull(apiTokens.revokedAt))),
);

/** Which of these tokens are revoked (live subscriptions end when theirs is). */
export async function revokedAmong(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (await revokedOf(db).execute({ ids: idList(ids) })).map((row) => row.id);
}
