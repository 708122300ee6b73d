import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { companies } from "./companies";

/**
 * Bearer tokens. Only the SHA-256 hash of a token is stored; the token itself is shown
 * once, when it is issued. A MEMBER token acts for exactly one company.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    role: text("role", { enum: ["COORDINATOR", "MEMBER", "INVESTOR"] }).notNull(),
    companyId: integer("company_id").references(() => companies.id),
    holderName: text("holder_name").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_company_idx").on(t.companyId),
    check("api_tokens_role_check", sql`${t.role} in ('COORDINATOR', 'MEMBER', 'INVESTOR')`),
    check(
      "api_tokens_member_company_check",
      sql`(${t.role} = 'MEMBER') = (${t.companyId} is not null)`,
    ),
  ],
);
