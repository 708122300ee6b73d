import { RoleEnum } from "../auth/role";
import { Field, ObjectType } from "type-graphql";
import type { ApiTokenRow } from "../db/schema";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";
import type { Role } from "../core/viewer";

@ObjectType({ implements: Node, description: "An API token's record. The token itself is shown once, when issued, and never stored." })
export class ApiToken extends Node {
  dbId!: number;
  companyDbId!: number | null;

  @Field(() => String, { description: "Who holds the token: a person or a system." })
  holderName!: string;

  @Field(() => RoleEnum, { description: "What the holder may do." })
  role!: Role;

  @Field(() => Date, { description: "When the token was issued." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the token was revoked; null while it is valid." })
  revokedAt!: Date | null;
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return Object.assign(new ApiToken(), {
    id: toGlobalId("ApiToken", row.id),
    dbId: row.id,
    companyDbId: row.companyId,
    holderName: row.holderName,
    role: row.role,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  });
}

@ObjectType("Viewer", { description: "The holder of the token that made this request." })
export class ViewerInfo {
  tokenDbId!: number;
  companyDbId!: number | null;

  @Field(() => RoleEnum, { description: "What the holder may do." })
  role!: Role;

  @Field(() => String, { description: "Who holds the token." })
  holderName!: string;
}
