import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { measureOperation } from "../../src/graphql/limits";
import { buildMarketplaceSchema } from "../../src/schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildMarketplaceSchema();
});

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return measureOperation(schema, operation.selectionSet, schema.getQueryType()!, fragments, variables);
}

describe("measureOperation", () => {
  it("weights fields under a connection by its page size", () => {
    // companies 1; nodes, name, engineers 10 each; nodes and name under engineers 10 x 5 each.
    expect(measure(`{ companies(first: 10) { nodes { name engineers(first: 5) { nodes { name } } } } }`)).toEqual({ depth: 5, aliases: 0, directives: 0, cost: 131 });
  });

  it("uses variables, the default page size, fragments and node lists", () => {
    const query = `query($n: Int) { parks(first: $n) { nodes { ...P } } a: nodes(ids: ["x", "y", "z"]) { id } }
      fragment P on Park { companies { nodes { name @include(if: true) } } }`;
    // parks 1 + nodes 4 + companies 4 + (nodes + name) 4 x 20 x 2; nodes(ids) 1 + id 3.
    expect(measure(query, { n: 4 })).toEqual({ depth: 5, aliases: 1, directives: 1, cost: 1 + 4 + 4 + 160 + 1 + 3 });
  });

  it("leaves introspection out", () => {
    expect(measure(`{ __schema { types { name } } viewer { role } }`)).toEqual({ depth: 2, aliases: 0, directives: 0, cost: 2 });
  });
});
