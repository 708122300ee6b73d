import { getIntrospectionQuery, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { checkOperation, DEFAULT_LIMITS, fragmentsOf, INTROSPECTION_FIELD_COST, measureOperation } from "../../src/graphql/limits";
import { buildMarketplaceSchema } from "../../src/api/schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildMarketplaceSchema();
});

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, operation.selectionSet, schema.getQueryType()!, fragmentsOf(document), variables);
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

  it("counts introspection and __typename, introspection lists at the schema's size", () => {
    const types = Object.keys(schema.getTypeMap()).length;
    // viewer, role; __schema, types, and types x name at half a field each; __typename at half.
    expect(measure(`{ __schema { types { name } } viewer { role __typename } }`)).toEqual({
      depth: 3,
      aliases: 0,
      directives: 0,
      cost: 2 + INTROSPECTION_FIELD_COST * (2 + types + 1),
    });
  });

  it("stops ofType chains where the schema's types stop wrapping", () => {
    const chain = (levels: number): string => (levels === 0 ? "name" : `name ofType { ${chain(levels - 1)} }`);
    // No type of this schema is wrapped more than three deep ([X!]!): levels past that are null.
    expect(measure(`{ __type(name: "Order") { ${chain(8)} } }`).cost).toBe(measure(`{ __type(name: "Order") { ${chain(4)} } }`).cost);
    expect(measure(`{ __type(name: "Order") { ${chain(3)} } }`).cost).toBeLessThan(measure(`{ __type(name: "Order") { ${chain(4)} } }`).cost);
  });

  it("measures each fragment once, however often it is spread", () => {
    // Each fragment spreads the next twice: 2^40 __typename leaves, measured in 80 spreads of work.
    let fragments = "fragment F40 on Query { __typename }";
    for (let i = 39; i >= 0; i--) fragments += ` fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`;
    expect(measure(`{ ...F0 } ${fragments}`)).toEqual({ depth: 1, aliases: 0, directives: 0, cost: INTROSPECTION_FIELD_COST * 2 ** 40 });
  });

  it("counts aliases and directives inside fragments at every spread", () => {
    const query = `{ ...A ...A } fragment A on Query { a: viewer { role @include(if: true) } }`;
    expect(measure(query)).toMatchObject({ aliases: 2, directives: 2 });
  });

  it("lets one full introspection through, as tools send it, and refuses three", () => {
    const full = parse(getIntrospectionQuery());
    const operation = full.definitions[0] as OperationDefinitionNode;
    expect(checkOperation(schema, full, operation, {}, DEFAULT_LIMITS)).toBeNull();
    // The same __schema selection three times, under aliases, with the same fragments.
    const [head, ...fragments] = getIntrospectionQuery().split(/(?=fragment )/);
    const selection = head.slice(head.indexOf("__schema") + "__schema".length, head.lastIndexOf("}"));
    const three = parse(`{ a: __schema ${selection} b: __schema ${selection} c: __schema ${selection} } ${fragments.join("")}`);
    expect(checkOperation(schema, three, three.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS)?.extensions.code).toBe("QUERY_TOO_COSTLY");
  });
});
