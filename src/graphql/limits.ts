import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
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
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 50, maxDirectives: 50, maxCost: 50_000, maxTokens: 10_000 };

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/**
 * Measures an operation: its depth, aliases and directives, and its cost, where a field costs 1
 * times the number of items its enclosing lists may return: a Connection field multiplies what
 * is under it by its `first` (default 20), `nodes(ids)` by the number of ids. Introspection
 * fields (`__schema`, `__type`) are not counted: tools and the compliance audits need them.
 */
export function measureOperation(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const measure: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, depth: number, multiplier: number, seen: Set<string>) => {
    for (const selection of set.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, (type as GraphQLCompositeType) ?? parent, depth, multiplier, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, (type as GraphQLCompositeType) ?? parent, depth, multiplier, seen);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue;
      if (selection.alias) measure.aliases++;
      measure.depth = Math.max(measure.depth, depth);
      measure.cost += multiplier;
      if (!selection.selectionSet) continue;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) continue;
      const named = getNamedType(field.type);
      const argument = (argName: string) => {
        const node = selection.arguments?.find((a) => a.name.value === argName);
        return node ? valueFromASTUntyped(node.value, variables) : undefined;
      };
      let items = 1;
      if (named.name.endsWith("Connection")) {
        const first = argument("first");
        items = typeof first === "number" && first >= 0 ? first : DEFAULT_PAGE_SIZE;
      } else if (name === "nodes" && parent === schema.getQueryType()) {
        const ids = argument("ids");
        items = Array.isArray(ids) ? ids.length : 1;
      }
      walk(selection.selectionSet, named as GraphQLCompositeType, depth + 1, multiplier * Math.max(items, 1), seen);
    }
  };
  walk(selectionSet, rootType, 1, 1, new Set());
  return measure;
}

function tooMuch(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Refuses, with a 400 and a clear error, operations beyond the limits, before they run. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
          if (!root) return;
          const m = measureOperation(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw tooMuch("QUERY_TOO_DEEP", `The query nests ${m.depth} fields deep; at most ${limits.maxDepth} are allowed.`);
          if (m.aliases > limits.maxAliases) throw tooMuch("TOO_MANY_ALIASES", `The query uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
          if (m.directives > limits.maxDirectives) throw tooMuch("TOO_MANY_DIRECTIVES", `The query uses ${m.directives} directives; at most ${limits.maxDirectives} are allowed.`);
          if (m.cost > limits.maxCost) {
            throw tooMuch("QUERY_TOO_COSTLY", `The query could return about ${m.cost} fields (lists counted at their page size); at most ${limits.maxCost} are allowed. Ask for smaller pages.`);
          }
        },
      };
    },
  };
}
