import { Field, ObjectType } from "type-graphql";
import type { CapabilityRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({ implements: Node, description: "A production capability of the catalogue: casting, machining, assembly and testing, ..." })
export class Capability extends Node {
  dbId!: number;

  @Field(() => String, { description: "Stable machine name, e.g. MECHANICAL_MACHINING." })
  code!: string;

  @Field(() => String, { description: "Name for people." })
  name!: string;

  @Field(() => String, { description: "What the capability covers." })
  description!: string;

  @Field(() => Date, { description: "When the capability was added to the catalogue." })
  createdAt!: Date;
}

export function toCapability(row: CapabilityRow): Capability {
  return Object.assign(new Capability(), {
    id: toGlobalId("Capability", row.id),
    dbId: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
  });
}

export const CapabilityConnection = ConnectionType("Capability", Capability, "A page of the capability catalogue.");
