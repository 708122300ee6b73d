import fs from "node:fs";
import path from "node:path";
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from "graphql";
import { buildMarketplaceSchema, printMarketplaceSchema } from "../../src/api/schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildMarketplaceSchema();
});

/**
 * Lists that are not collections to page through: `nodes(ids)` mirrors its argument; a user
 * error's `field` is a path; weekly series are bounded by the `weeks` argument (at most 104);
 * heat-map rows by the capability catalogue; instant quotes are a computed ranking, one per
 * contractor offering the capability; a plan's lines are one allocation, awarded whole (at most
 * one per contractor), and its picks at most three names.
 */
const BOUNDED_LISTS = new Set([
  "Query.nodes",
  // A user error's path inside the input, on each of its types.
  "InputError.field",
  "OutOfRangeError.field",
  "InsufficientCapacityError.field",
  "PriceAboveMaximumError.field",
  "LoadReport.weeks",
  "EngineerLoad.weeks",
  "CapabilityLoad.weeks",
  "CapabilityLoad.outlook",
  "CapacityHeatMap.capabilities",
  // One per capability offered in the park; weeks up to MAX_HORIZON_WEEKS (52) and MAX_HISTORY_WEEKS (260).
  "DemandForecast.capabilities",
  // At most six measures each (BENCHMARK_MEASURES).
  "RevenueReport.benchmarks",
  "LoadReport.benchmarks",
  "ClusterAnalytics.benchmarks",
  "ParkStanding.benchmarks",
  // One per measure (TARGET_MEASURES: two).
  "ClusterAnalytics.targets",
  // One per kind of the split (two), as ClusterAnalytics.investmentByKind.
  "ParkStanding.investmentByKind",
  "CapabilityDemandForecast.weeks",
  "CapabilityDemandForecast.history",
  "Order.instantQuotes",
  "MatchPlan.lines",
  "Query.scoreWeights",
  // At most MAX_SCORE_FACTORS (50).
  "Query.scoreFactors",
  "SetScoreWeightsPayload.weights",
  "Scorecard.components",
  "ScoreComponentPart.factors",
  "ClusterAnalytics.companies",
  "ClusterAnalytics.investmentByKind",
  "MatchPlan.picks",
  // A chain has at most 12 stages (MAX_STAGES).
  "Chain.stages",
  "ChainPlan.picks",
  "ChainPlan.criticalPath",
  "ChainPlan.stages",
  "Chain.outsideStages",
  // At most 50 per engineer (MAX_SKILLS).
  "Engineer.capabilities",
  // One per capability the company actively offers (as CapacityHeatMap.capabilities per capability of the park).
  "LoadReport.capabilities",
  // At most five kinds outside the technopark split.
  "ClusterAnalytics.otherParticipants",
  "OfferedCapabilityLoad.weeks",
]);

describe("the GraphQL schema", () => {
  it("matches schema/schema.graphql (run `npm run schema` and review the diff)", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "schema", "schema.graphql"), "utf8");
    expect(printMarketplaceSchema(schema)).toBe(committed);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives every mutation one input argument and a payload with userErrors", () => {
    const offenders = Object.values(schema.getMutationType()!.getFields()).filter((field) => {
      const payload = field.type.toString().replace(/!$/, "");
      const payloadType = schema.getType(payload);
      return (
        field.args.length !== 1 ||
        field.args[0].name !== "input" ||
        !isObjectType(payloadType) ||
        !payloadType.getFields().userErrors
      );
    });
    expect(offenders.map((f) => f.name)).toEqual([]);
  });

  it("exposes lists as Relay connections, not bare lists", () => {
    const bareLists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || /Connection$|Payload$/.test(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const allowed = BOUNDED_LISTS.has(`${type.name}.${field.name}`);
        if (field.type.toString().startsWith("[") && !allowed) bareLists.push(`${type.name}.${field.name}`);
      }
    }
    expect(bareLists).toEqual([]);
  });
});
