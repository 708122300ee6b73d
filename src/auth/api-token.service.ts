import { gate, sees } from "../access/policy";
import { transact, type RequestContext } from "../core/request-context";
import type { Executor } from "../db/executor";
import type { ApiTokenRow } from "../db/schema";
import { companyActedOn } from "../companies/company-access";
import { forbidden, ok, refused, unauthenticated, UserErrorCode, UserErrors, type Outcome } from "../graphql/errors";
import { idOf } from "../graphql/global-id";
import { requiredName } from "../shared/validate";
import { findTokenByHash, findTokenById, insertToken, revokeToken } from "./api-token.repository";
import type { IssueApiTokenInput, RevokeApiTokenInput } from "./api-token.inputs";
import { generateToken, hashToken } from "./token";
import { type Role, type Viewer } from "../core/viewer";

export interface IssuedToken {
  row: ApiTokenRow;
  /** The plain token: returned to the caller once, never stored. */
  token: string;
}

/** Creates a token inside the caller's transaction. */
export async function createToken(db: Executor, values: { role: Role; companyId: number | null; holderName: string }, now = new Date()): Promise<IssuedToken> {
  const token = generateToken();
  const row = await insertToken(db, { ...values, tokenHash: hashToken(token), createdAt: now });
  return { row, token };
}

/**
 * The viewer behind an Authorization header, read through `db` before the request's context
 * exists. No header: anonymous (null). A header that is not `Bearer <token>`, or an unknown or
 * revoked token: UNAUTHENTICATED.
 */
export async function authenticate(db: Executor, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization === "") return null;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const row = await findTokenByHash(db, hashToken(match[1]));
  if (!row || row.revokedAt !== null) throw unauthenticated("The API token is unknown or revoked.");
  return { tokenId: row.id, role: row.role, companyId: row.companyId, companyKind: row.companyKind, holderName: row.holderName };
}

/** Use cases of API tokens: issuing and revoking them. */
export class ApiTokenService {
  /**
   * Issues a token. The coordinator issues any role; a member issues MEMBER tokens for its own
   * company only (a colleague's token); investors issue none.
   */
  async issue(ctx: RequestContext, input: IssueApiTokenInput): Promise<Outcome<IssuedToken>> {
    const v = gate(ctx.viewer, "issueApiToken");
    if (v.role === "MEMBER" && input.role !== "MEMBER") throw forbidden("Members may issue only MEMBER tokens for their own company.");
    const errors = new UserErrors();
    const holderName = requiredName(errors, "holderName", input.holderName, "Holder name");
    return transact(ctx, async ({ db: tx }) => {
      let companyId: number | null = null;
      if (input.role === "MEMBER") {
        companyId = (await companyActedOn(tx, v, input.companyId, errors))?.id ?? null;
      } else if (input.companyId != null) {
        errors.add("companyId", UserErrorCode.COMPANY_NOT_ALLOWED, `A ${input.role} token does not act for a company.`);
      }
      if (errors.any) return refused(errors);
      return ok(await createToken(tx, { role: input.role, companyId, holderName }, ctx.now));
    });
  }

  /** Revokes a token: the coordinator any, a member those of its own company. */
  async revoke(ctx: RequestContext, input: RevokeApiTokenInput): Promise<Outcome<ApiTokenRow>> {
    const v = gate(ctx.viewer, "revokeApiToken");
    const errors = new UserErrors();
    return transact(ctx, async ({ db: tx }) => {
      const id = idOf(input.apiTokenId, "ApiToken");
      const row = id === null ? undefined : await findTokenById(tx, id);
      const visible = row && sees(v, "ApiToken", { owner: row.companyId });
      if (!row || !visible) return refused(errors.add("apiTokenId", UserErrorCode.NOT_FOUND, "No API token with this id that you may revoke."));
      if (row.revokedAt !== null) return refused(errors.add("apiTokenId", UserErrorCode.ALREADY_REVOKED, "This API token was already revoked."));
      return ok(await revokeToken(tx, row.id, ctx.now));
    });
  }
}
