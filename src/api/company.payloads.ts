import { Field, ObjectType } from "type-graphql";
import { ApiToken } from "./api-token.type";
import { UserError } from "../graphql/errors";
import { Company } from "./company.type";

@ObjectType({ description: "Result of registerCompany." })
export class RegisterCompanyPayload {
  @Field(() => Company, { nullable: true, description: "The new company; null when the input was refused." })
  company!: Company | null;

  @Field(() => String, {
    nullable: true,
    description: "The company's first API token (a MEMBER token). Shown this once: only its hash is stored.",
  })
  token!: string | null;

  @Field(() => ApiToken, { nullable: true, description: "The record of that token." })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of updateCompanyProfile." })
export class UpdateCompanyProfilePayload {
  @Field(() => Company, { nullable: true, description: "The company as changed; null when the input was refused." })
  company!: Company | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
