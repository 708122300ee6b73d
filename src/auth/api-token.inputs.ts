import { Field, ID, InputType } from "type-graphql";
import { RoleEnum } from "./role";
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

@InputType({ description: "A token to revoke." })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: "The token's record id (ApiToken.id), not the token itself." })
  apiTokenId!: string;
}

