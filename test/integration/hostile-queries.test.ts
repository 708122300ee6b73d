import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { snapshot } from "../support/fixtures";
import { buildMarket, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Property-based, driven by the schema: random and hostile arguments to every query field, and
 * to every field with arguments of the types a client reaches through node(id), from every kind
 * of caller. Whatever arrives, the server answers below 500, never INTERNAL_SERVER_ERROR, and
 * writes nothing. A field added to the schema is covered without a change here.
 */
jest.setTimeout(180_000);

let server: TestServer;
let market: Market;
// The emitted SDL (schema.test.ts keeps it equal to the code's schema), read at once: the cases are made from it.
const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, "../../schema/schema.graphql"), "utf8"));
let ids: string[];
let investor: string;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  investor = await server.token("INVESTOR");
  const orderId = await postOrder(server, market);
  const bidId = await submitBid(server, market.contractors[0].token, orderId, { minLot: 1, maxQuantity: 600 });
  const park = await server.gql(`{ parks(first: 1) { nodes { id } } }`);
  ids = [orderId, bidId, market.capabilityId, market.startup.id, market.contractors[0].id, park.data.parks.nodes[0].id];
});
afterAll(() => server.close());

const KNOWN_ERROR_CODES = new Set([
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "QUERY_TOO_COSTLY",
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "PLANNER_BUSY",
]);

const text = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom("", "   ", "x".repeat(50_000), "я".repeat(30_000), "%_\\", "'; drop table orders; --", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢") },
);
const int = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 100_000_000, 2 ** 31 - 1, -(2 ** 31)));
const safeInt = fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.constantFrom(0, -1, 100_000_000, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER));
const float = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 0.5, 1e300, 5e-324));
const date = () => fc.oneof(fc.constantFrom("0001-01-01", "2020-01-01", "9999-12-31", "2026-02-30", "not a date", "", "+275760-09-13"), fc.constant(dateIn(server, 30)));
const instant = fc.constantFrom("2020-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "garbage", "");
const id = () => fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 30 }), fc.base64String({ maxLength: 24 }));

/** Values of an input type, good and bad; null for optional inputs now and then. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  const nullable = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 1 ? 2 : 5 }));
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return nullable(fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(type)) {
    const scalar: Record<string, fc.Arbitrary<unknown>> = { ID: id(), String: text, Int: int, SafeInt: safeInt, Float: float, Boolean: fc.boolean(), LocalDate: date(), DateTimeISO: instant };
    return nullable(scalar[type.name] ?? text);
  }
  return fc.constant(null);
}

interface Target {
  label: string;
  field: GraphQLField<unknown, unknown>;
  /** The document around the field: `${inner}` is where the field goes. */
  wrap: (inner: string) => string;
  variables: string[];
}

function targets(): Target[] {
  const query = Object.values(schema.getQueryType()!.getFields()).map((field): Target => ({ label: `Query.${field.name}`, field, wrap: (inner) => inner, variables: [] }));
  const nested = ["Order", "Company", "Bid", "Contract", "Park", "Capability"].flatMap((typeName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [];
    return Object.values(type.getFields())
      .filter((field) => field.args.length > 0)
      .map((field): Target => ({ label: `${typeName}.${field.name}`, field, wrap: (inner) => `node(id: $nodeId) { ... on ${typeName} { ${inner} } }`, variables: ["$nodeId: ID!"] }));
  });
  return [...query, ...nested];
}

/** A selection that makes the field do its work: its leaves without arguments, and those of `nodes`. */
function selectionOf(field: GraphQLField<unknown, unknown>, depth = 0): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return isScalarType(named) || isEnumType(named) ? "" : "{ __typename }";
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))).map((f) => f.name);
  const nodes = depth === 0 ? fields.filter((f) => f.name === "nodes").map((f) => `nodes ${selectionOf(f, depth + 1)}`) : [];
  return `{ __typename ${[...leaves, ...nodes].join(" ")} }`;
}

const callers = () =>
  fc.constantFrom<() => string | undefined>(
    () => market.startup.token,
    () => market.contractors[0].token,
    () => market.coordinator,
    () => investor,
    () => undefined,
  );

describe("hostile arguments to every query field", () => {
  it.each(targets().map((t) => [t.label, t] as const))("%s: never a 5xx, never an internal error, nothing written", async (_label, target) => {
    const args = target.field.args as readonly GraphQLArgument[];
    const declarations = [...target.variables, ...args.map((a) => `$${a.name}: ${String(a.type)}`)];
    const call = args.length ? `${target.field.name}(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : target.field.name;
    const document = `query${declarations.length ? `(${declarations.join(", ")})` : ""} { ${target.wrap(`result: ${call} ${selectionOf(target.field)}`)} }`;
    const before = await snapshot(server);
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(args.map((a) => [a.name, valueOf(a.type)]))), fc.constantFrom(...ids), callers(), async (variables, nodeId, caller) => {
        const res = await server.gql(document, { ...variables, nodeId }, caller());
        expect(res.status).toBeLessThan(500);
        for (const e of res.errors ?? []) expect(KNOWN_ERROR_CODES).toContain(e.extensions?.code);
      }),
      { numRuns: 30, seed: 20261201 },
    );
    expect(await snapshot(server)).toEqual(before);
    expect(server.logs.join("\n")).not.toMatch(/unexpected error/);
  });
});
