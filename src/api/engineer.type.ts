import { GraphQLSafeInt } from "graphql-scalars";
import { EngineerRole } from "../engineers/engineer-role";
import { Field, ObjectType } from "type-graphql";
import type { EngineerRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({ implements: Node, description: "An engineer of a contract company; their weekly hours are the company's capacity." })
export class Engineer extends Node {
  dbId!: number;
  companyDbId!: number;

  @Field(() => String, { description: "Full name." })
  name!: string;

  @Field(() => EngineerRole, { description: "Role." })
  role!: EngineerRole;

  @Field(() => GraphQLSafeInt, { description: "Hours a week the engineer is available for contract work, 1 to 168." })
  weeklyHours!: number;

  @Field(() => Boolean, { description: "Whether the engineer takes work; inactive engineers get no new bookings." })
  active!: boolean;

  @Field(() => Date, { description: "When the engineer was added." })
  createdAt!: Date;
}

export function toEngineer(row: EngineerRow): Engineer {
  return Object.assign(new Engineer(), {
    id: toGlobalId("Engineer", row.id),
    dbId: row.id,
    companyDbId: row.companyId,
    name: row.name,
    role: row.role as EngineerRole,
    weeklyHours: row.weeklyHours,
    active: row.active,
    createdAt: row.createdAt,
  });
}

export const EngineerConnection = ConnectionType("Engineer", Engineer, "A page of engineers.");
