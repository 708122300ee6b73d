import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadCompany } from "./company-field";
import { Company } from "./company.type";
import type { Context } from "./context";
import { payloadOf } from "../graphql/errors";
import { IssueApiTokenInput, RevokeApiTokenInput } from "../auth/api-token.inputs";
import { IssueApiTokenPayload, RevokeApiTokenPayload } from "./api-token.payloads";
import { ApiToken, toApiToken, ViewerInfo } from "./api-token.type";

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => Company, { nullable: true, description: "The company a MEMBER token acts for; null for other roles." })
  company(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<Company> | null {
    return token.companyDbId === null ? null : loadCompany(ctx, token.companyDbId);
  }

  @Mutation(() => IssueApiTokenPayload, {
    description: "Issues an API token. The coordinator issues any role; a member issues MEMBER tokens for its own company.",
  })
  issueApiToken(@Arg("input", () => IssueApiTokenInput, { description: "The mutation's input; its type describes each field." }) input: IssueApiTokenInput, @Ctx() ctx: Context): Promise<IssueApiTokenPayload> {
    return payloadOf(ctx.services.apiTokens.issue(ctx, input), ({ row, token }) => ({ token, apiToken: toApiToken(row) }), {
      token: null,
      apiToken: null,
    });
  }

  @Mutation(() => RevokeApiTokenPayload, { description: "Revokes an API token at once. The coordinator any; a member its own company's." })
  revokeApiToken(@Arg("input", () => RevokeApiTokenInput, { description: "The mutation's input; its type describes each field." }) input: RevokeApiTokenInput, @Ctx() ctx: Context): Promise<RevokeApiTokenPayload> {
    return payloadOf(ctx.services.apiTokens.revoke(ctx, input), (row) => ({ apiToken: toApiToken(row) }), { apiToken: null });
  }
}

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { nullable: true, description: "Who you are, by the token you sent; null without a token." })
  viewer(@Ctx() ctx: Context): ViewerInfo | null {
    if (!ctx.viewer) return null;
    return Object.assign(new ViewerInfo(), {
      tokenDbId: ctx.viewer.tokenId,
      companyDbId: ctx.viewer.companyId,
      role: ctx.viewer.role,
      holderName: ctx.viewer.holderName,
    });
  }

  @FieldResolver(() => Company, { nullable: true, description: "The company you act for; null unless you are a MEMBER." })
  company(@Root() viewer: ViewerInfo, @Ctx() ctx: Context): Promise<Company> | null {
    return viewer.companyDbId === null ? null : loadCompany(ctx, viewer.companyDbId);
  }
}
