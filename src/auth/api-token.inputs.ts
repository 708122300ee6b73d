import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { ApiToken, RoleEnum } from "./api-token.type";
import type { Role } from "../core/viewer";

@InputType({ description: "A new API token." })
export class IssueApiTokenInput {
  @Field(() => RoleEnum, { description: "What the holder may do. Members may issue only MEMBER tokens." })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: "For a MEMBER token, the company it acts for (a member's own company by default); omit for other roles.",
  })
  companyId?: string | null;

  @Field(() => String, { description: "Who will hold the token, at most 120 characters." })
  holderName!: string;
}

@ObjectType({ description: "Result of issueApiToken." })
export class IssueApiTokenPayload {
  @Field(() => String, { nullable: true, description: "The token. Shown this once: only its hash is stored." })
  token!: string | null;

  @Field(() => ApiToken, { nullable: true, description: "The record of the token." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "A token to revoke." })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: "The token's record id (ApiToken.id), not the token itself." })
  apiTokenId!: string;
}

@ObjectType({ description: "Result of revokeApiToken." })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The revoked token's record." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
