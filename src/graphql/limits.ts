import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "./connection";

/** What one operation may ask for. README "Limits" explains each. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Fields counted with lists weighted by their page size (`first`, default 20). */
  maxCost: number;
  /** Lexical tokens in a document; Apollo's parser stops beyond it. */
  maxTokens: number;
  /** Pairs of same-named fields validation may have to compare, in the whole document (see checkDocumentShape). */
  maxFieldPairs: number;
  /** Variables one operation may declare. */
  maxVariables: number;
  /** Arguments one field or directive may have. */
  maxArguments: number;
  /** How deep selection sets may nest, inline fragments included (depth counts fields only). */
  maxNesting: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxAliases: 50,
  maxDirectives: 50,
  maxCost: 50_000,
  maxTokens: 10_000,
  maxFieldPairs: 2_000,
  maxVariables: 100,
  maxArguments: 50,
  maxNesting: 30,
};

export interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/**
 * What the fields that do more work than reading a row cost, in fields of data (1 each): about
 * their time on a park of 2,000 companies (npm run bench:reports) at ~4 us a field, so that
 * aliasing cannot multiply them past what one request may spend. A field declares its weight
 * with `@Extensions(fieldCost(REPORT_COST.x))`; README "Limits" lists them.
 */
export const REPORT_COST = {
  capacityHeatMap: 10_000,
  demandForecast: 10_000,
  forecastBacktest: 1_000,
  clusterAnalytics: 5_000,
  loadReport: 5_000,
  revenueReport: 2_000,
  chainPlans: 5_000,
  plans: 1_000,
  matchPreview: 1_000,
  instantQuotes: 200,
  scorecard: 50,
} as const;

/** The `extensions` of a field that costs `cost` per item instead of 1. */
export function fieldCost(cost: number): { cost: number } {
  return { cost };
}

/** An operation found beyond a limit while it was being measured. */
export class LimitExceeded extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

function tooMuch(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** How introspection is counted: its lists have no page size. */
interface IntrospectionSizes {
  /** Mean items of each introspection list field (`types`, `fields`, `args`, ...) in this schema. */
  lists: Record<string, number>;
  /** The most wrappers (lists, non-nulls) around any type of the schema: `ofType` below that is null. */
  maxWrapping: number;
}

function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  const types = Object.values(schema.getTypeMap());
  const mean = (lists: readonly unknown[][]) => (lists.length === 0 ? 1 : Math.max(1, lists.reduce((sum, l) => sum + l.length, 0) / lists.length));
  const objects = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fields = objects.flatMap((t) => Object.values(t.getFields()));
  const inputs = types.filter(isInputObjectType);
  const args = fields.flatMap((f) => f.args);
  const wrapping = (type: GraphQLType): number => ("ofType" in type && type.ofType ? 1 + wrapping(type.ofType as GraphQLType) : 0);
  const typed = [...fields, ...args, ...inputs.flatMap((t) => Object.values(t.getFields()))];
  return {
    lists: {
      types: types.length,
      directives: schema.getDirectives().length,
      fields: mean(objects.map((t) => Object.values(t.getFields()))),
      args: mean(fields.map((f) => [...f.args])),
      inputFields: mean(inputs.map((t) => Object.values(t.getFields()))),
      enumValues: mean(types.filter(isEnumType).map((t) => [...t.getValues()])),
      interfaces: mean(objects.map((t) => [...t.getInterfaces()])),
      possibleTypes: 1,
    },
    maxWrapping: Math.max(0, ...typed.map((f) => wrapping(f.type))),
  };
}

/**
 * What one introspection field costs: half a field of data, as it is answered from the schema in
 * memory. A full introspection (graphql-js's getIntrospectionQuery, as tools send it) of this
 * schema costs about 23,500, so one passes with room for the schema to grow, three are refused.
 */
export const INTROSPECTION_FIELD_COST = 0.5;

const sizeCache = new WeakMap<GraphQLSchema, IntrospectionSizes>();

/**
 * Measures an operation: its depth, aliases and directives, and its cost, where a field costs
 * its weight (1, or what `fieldCost` declares) times the number of items its enclosing lists may
 * return: a Connection field multiplies what is under it by its `first` (default 20),
 * `nodes(ids)` by the number of ids, an introspection list by the schema's mean list length.
 * Introspection and `__typename` count like any other field.
 *
 * Time is linear in the document's size: each fragment is measured once and its figures reused
 * at every spread (a fragment spreading the next twice, twenty deep, is 2^20 fields of cost but
 * forty spreads of work). With `limits`, measuring stops, throwing `LimitExceeded`, as soon as
 * a figure passes its limit: every partial figure only grows as the walk goes on.
 */
export function measureOperation(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits?: QueryLimits,
): Measure {
  let sizes = sizeCache.get(schema);
  if (!sizes) sizeCache.set(schema, (sizes = introspectionSizes(schema)));
  const introspection = sizes;
  const queryType = schema.getQueryType();
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const check = (m: Measure) => {
    if (!limits) return;
    if (m.depth > limits.maxDepth) throw new LimitExceeded(tooMuch("QUERY_TOO_DEEP", `The query nests more than ${limits.maxDepth} fields deep; at most ${limits.maxDepth} are allowed.`));
    if (m.aliases > limits.maxAliases) throw new LimitExceeded(tooMuch("TOO_MANY_ALIASES", `The query uses more than ${limits.maxAliases} aliases; at most ${limits.maxAliases} are allowed.`));
    if (m.directives > limits.maxDirectives) {
      throw new LimitExceeded(tooMuch("TOO_MANY_DIRECTIVES", `The query uses more than ${limits.maxDirectives} directives; at most ${limits.maxDirectives} are allowed.`));
    }
    if (m.cost > limits.maxCost) {
      throw new LimitExceeded(
        tooMuch("QUERY_TOO_COSTLY", `The query could cost more than ${limits.maxCost} (fields counted with lists at their page size, reports at their weight); at most ${limits.maxCost} are allowed. Ask for smaller pages or fewer reports.`),
      );
    }
  };

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === "__typename") return TypeNameMetaFieldDef;
    if (parent === queryType && name === "__schema") return SchemaMetaFieldDef;
    if (parent === queryType && name === "__type") return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const add = (into: Measure, part: Measure, depthOffset: number, multiplier: number) => {
    into.aliases += part.aliases;
    into.directives += part.directives;
    into.cost += multiplier * part.cost;
    into.depth = Math.max(into.depth, part.depth + depthOffset);
  };

  /**
   * The figures of a selection set, its depth counted from 1 for its own fields. `wraps` counts
   * the `ofType` steps that led to an introspected `__Type`: past the schema's deepest wrapping
   * `ofType` is null, and what is under it costs nothing.
   */
  const measureSet = (set: SelectionSetNode, parent: GraphQLCompositeType, wraps: number): Measure => {
    const m: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    for (const selection of set.selections) {
      m.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const spread = measureFragment(selection.name.value, wraps);
        if (spread) add(m, spread, 0, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(m, measureSet(selection.selectionSet, (type as GraphQLCompositeType) ?? parent, wraps), 0, 1);
      } else {
        const name = selection.name.value;
        if (selection.alias) m.aliases++;
        const field = fieldOf(parent, name);
        const weight = typeof field?.extensions?.cost === "number" ? field.extensions.cost : name.startsWith("__") || parent.name.startsWith("__") ? INTROSPECTION_FIELD_COST : 1;
        m.cost += weight;
        m.depth = Math.max(m.depth, 1);
        const ofType = parent.name === "__Type" && name === "ofType";
        if (selection.selectionSet && field && !(ofType && wraps >= introspection.maxWrapping)) {
          const named = getNamedType(field.type);
          const argument = (argName: string) => {
            const node = selection.arguments?.find((a) => a.name.value === argName);
            return node ? valueFromASTUntyped(node.value, variables) : undefined;
          };
          let items = 1;
          if (named.name.endsWith("Connection")) {
            const first = argument("first");
            items = typeof first === "number" && first >= 0 ? first : DEFAULT_PAGE_SIZE;
          } else if (name === "nodes" && parent === queryType) {
            const ids = argument("ids");
            items = Array.isArray(ids) ? ids.length : 1;
          } else if (parent.name.startsWith("__") || name === "__schema") {
            items = introspection.lists[name] ?? 1;
          }
          add(m, measureSet(selection.selectionSet, named as GraphQLCompositeType, ofType ? wraps + 1 : 0), 1, Math.max(items, 1));
        }
      }
      check(m);
    }
    return m;
  };

  /** A fragment's figures, measured once per `wraps` (one value outside introspection). */
  const measureFragment = (name: string, wraps: number): Measure | undefined => {
    const key = `${name}|${wraps}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments[name];
    // Validation refuses unknown and cyclic fragments before this runs; stay safe regardless.
    if (!fragment || inProgress.has(key)) return undefined;
    inProgress.add(key);
    const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
    const m = type ? measureSet(fragment.selectionSet, type, wraps) : { depth: 0, aliases: 0, directives: 0, cost: 0 };
    inProgress.delete(key);
    memo.set(key, m);
    return m;
  };

  const measure = measureSet(selectionSet, rootType, 0);
  check(measure);
  return measure;
}

/** A document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

/** The root type of an operation, or null when the schema has none for its kind. */
function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
}

/**
 * Checks one operation of a document against the limits; the error to answer with, or null. An
 * operation of a kind the schema has no root type for is refused here: graphql-js's validation
 * lets it through and its execution fails with an internal error.
 */
export function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits): GraphQLError | null {
  const root = rootTypeOf(schema, operation);
  if (!root) {
    return tooMuch("GRAPHQL_VALIDATION_FAILED", `This API has no ${operation.operation} operations; send a query or a mutation.`);
  }
  try {
    measureOperation(schema, operation.selectionSet, root, fragmentsOf(document), variables, limits);
    return null;
  } catch (error) {
    if (error instanceof LimitExceeded) return error.error;
    throw error;
  }
}

/**
 * The shape checks that run before validation, linear in the document: graphql-js validates
 * some shapes in quadratic time before any other limit is looked at (measured on this machine:
 * 2,000 copies of one field 270 ms, 150 aliased fields holding 50 copies each 184 ms, 2,400
 * variables 100-260 ms, 3,000 copies of an argument 75 ms, 1,500 nested inline fragments 66 ms).
 * The error to answer with, or null:
 * - fields that graphql-js must compare pairwise to prove they merge (the same response name in
 *   one selection set, its inline fragments and the fragments it spreads included) adding up to
 *   more than `maxFieldPairs` pairs in the document (about 1 us each);
 * - more than `maxVariables` variables in an operation, or `maxArguments` arguments on a field
 *   or directive;
 * - selection sets nested more than `maxNesting` deep, inline fragments included.
 */
export function checkDocumentShape(document: DocumentNode, limits: QueryLimits): GraphQLError | null {
  const fragments = fragmentsOf(document);
  /** Response names of a set's fields, through its inline fragments; spreads are listed, not opened. */
  const namesIn = (set: SelectionSetNode, counts: Map<string, number>, spreads: string[]) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) namesIn(selection.selectionSet, counts, spreads);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) spreads.push(selection.name.value);
      else {
        const name = selection.alias?.value ?? selection.name.value;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  };
  const fragmentNames = new Map<string, Map<string, number>>();
  /** A fragment's own response names (its spreads not opened: validation compares fragments pair by pair, once). */
  const namesOfFragment = (name: string): Map<string, number> => {
    let counts = fragmentNames.get(name);
    if (!counts) {
      counts = new Map();
      const fragment = fragments[name];
      if (fragment) namesIn(fragment.selectionSet, counts, []);
      fragmentNames.set(name, counts);
    }
    return counts;
  };
  let pairs = 0;
  /** Adds the pairs graphql-js compares in one field's selection set; false once past the limit. */
  const countPairs = (set: SelectionSetNode): boolean => {
    const counts = new Map<string, number>();
    const spreads: string[] = [];
    namesIn(set, counts, spreads);
    for (const spread of spreads) for (const [name, n] of namesOfFragment(spread)) counts.set(name, (counts.get(name) ?? 0) + n);
    for (const n of counts.values()) pairs += (n * (n - 1)) / 2;
    return pairs <= limits.maxFieldPairs;
  };
  const tooManyArguments = (node: { arguments?: readonly unknown[]; directives?: readonly { arguments?: readonly unknown[] }[] }) =>
    (node.arguments?.length ?? 0) > limits.maxArguments || (node.directives ?? []).some((d) => (d.arguments?.length ?? 0) > limits.maxArguments);
  const visit = (set: SelectionSetNode, nesting: number, isFieldSet: boolean): GraphQLError | null => {
    if (nesting > limits.maxNesting) return tooMuch("QUERY_TOO_DEEP", `The query nests selections (fields and inline fragments) more than ${limits.maxNesting} deep; at most ${limits.maxNesting} are allowed.`);
    if (isFieldSet && !countPairs(set)) {
      return tooMuch(
        "TOO_MANY_REPEATED_FIELDS",
        `The query repeats fields (the same name in one selection, fragments included) more than validation can check quickly: over ${limits.maxFieldPairs} pairs. Ask for each field once per selection.`,
      );
    }
    for (const selection of set.selections) {
      if (tooManyArguments(selection as Parameters<typeof tooManyArguments>[0])) {
        return tooMuch("TOO_MANY_ARGUMENTS", `A field or directive of the query has more than ${limits.maxArguments} arguments; at most ${limits.maxArguments} are allowed.`);
      }
      const inner = selection.kind === Kind.FIELD ? selection.selectionSet : selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : undefined;
      if (inner) {
        // An inline fragment's fields were counted with its enclosing set's.
        const refusal = visit(inner, nesting + 1, selection.kind === Kind.FIELD);
        if (refusal) return refusal;
      }
    }
    return null;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && (definition.variableDefinitions?.length ?? 0) > limits.maxVariables) {
      return tooMuch("TOO_MANY_VARIABLES", `The operation declares more than ${limits.maxVariables} variables; at most ${limits.maxVariables} are allowed.`);
    }
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      const refusal = visit(definition.selectionSet, 1, true);
      if (refusal) return refusal;
    }
  }
  return null;
}

/**
 * What the server checks before handing a document to Apollo, whose validation would otherwise
 * spend quadratic time on it: the error to answer with (400), or null. A document that does
 * not parse is left to Apollo, which reports it the same way.
 */
export function refuseBeforeValidation(source: string, limits: QueryLimits = DEFAULT_LIMITS): GraphQLError | null {
  // Clients send the same few documents again and again: those that passed are not parsed twice.
  if (limits === DEFAULT_LIMITS && passed.has(source)) return null;
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens });
  } catch {
    return null;
  }
  const refusal = checkDocumentShape(document, limits);
  if (!refusal && limits === DEFAULT_LIMITS && source.length <= MAX_REMEMBERED_LENGTH) {
    if (passed.size >= MAX_REMEMBERED) passed.delete(passed.values().next().value!);
    passed.add(source);
  }
  return refusal;
}

/** Documents that passed refuseBeforeValidation lately (oldest first), as Apollo's document cache keeps them validated. */
const passed = new Set<string>();
const MAX_REMEMBERED = 500;
const MAX_REMEMBERED_LENGTH = 20_000;

/** Refuses, with a 400 and a clear error, operations beyond the limits, before they run. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          if (operation.operation === "subscription") {
            throw tooMuch("BAD_REQUEST", "Subscriptions go over WebSocket: connect to this same /graphql with a graphql-ws client (README, Live events).");
          }
          const refusal = checkOperation(schema, document, operation, request.variables ?? {}, limits);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
