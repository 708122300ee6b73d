import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: every object with a global ID can be fetched again with `node(id)`. */
@InterfaceType({
  description: "An object with a global ID, refetchable with `node(id)`.",
  // Every node type is a class named as its GraphQL type, and resolvers return instances of it.
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: "Global, opaque ID of this object." })
  id!: string;
}
