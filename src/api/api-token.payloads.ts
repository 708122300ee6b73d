import { Field, ObjectType } from "type-graphql";
import { UserError } from "../graphql/errors";
import { ApiToken } from "./api-token.type";

@ObjectType({ description: "Result of issueApiToken." })
export class IssueApiTokenPayload {
  @Field(() => String, { nullable: true, description: "The token. Shown this once: only its hash is stored." })
  token!: string | null;

  @Field(() => ApiToken, { nullable: true, description: "The record of the token." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of revokeApiToken." })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: "The revoked token's record." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
