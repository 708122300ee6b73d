import { ParkKind } from "../parks/park-kind";
import { Field, ObjectType } from "type-graphql";
import type { ParkRow } from "../db/schema";
import { ConnectionType } from "../graphql/connection";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";

@ObjectType({ implements: Node, description: "A technopark or industrial cluster whose companies trade on the marketplace." })
export class Park extends Node {
  dbId!: number;

  @Field(() => String, { description: "Name of the park, unique across the platform." })
  name!: string;

  @Field(() => ParkKind, { description: "Technopark or cluster." })
  kind!: ParkKind;

  @Field(() => String, { description: "Region the park is in." })
  region!: string;

  @Field(() => String, { description: "What the park is about." })
  description!: string;

  @Field(() => Date, { description: "When the park joined the platform." })
  createdAt!: Date;
}

export function toPark(row: ParkRow): Park {
  return Object.assign(new Park(), {
    id: toGlobalId("Park", row.id),
    dbId: row.id,
    name: row.name,
    kind: row.kind as ParkKind,
    region: row.region,
    description: row.description,
    createdAt: row.createdAt,
  });
}

export const ParkConnection = ConnectionType("Park", Park, "A page of parks.");
