import { getIntrospectionQuery } from "graphql";
import request from "supertest";
import { seedDemoData } from "../../src/seed/seed";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = (await seedDemoData(server.database.store)).find((t) => t.label === "coordinator")!.token;
});
afterAll(() => server.close());

const refusedWith = async (query: string, code: string, variables?: Record<string, unknown>) => {
  const res = await server.gql(query, variables, coordinator);
  expect(res.status).toBe(400);
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(res.errors?.[0].message).toMatch(/at most/);
  return res;
};

describe("abuse limits", () => {
  it("refuses queries nested too deep", async () => {
    let nested = "name";
    for (let i = 0; i < 8; i++) nested = `park { companies(first: 1) { nodes { ${nested} } } }`;
    await refusedWith(`{ companies(first: 1) { nodes { ${nested} } } }`, "QUERY_TOO_DEEP");
  });

  it("refuses queries whose lists multiply beyond the cost limit, counting variables", async () => {
    const query = `query($n: Int) { companies(first: $n) { nodes { capabilityOffers(first: $n) { nodes { company { engineers(first: $n) { nodes { name } } } } } } } }`;
    await refusedWith(query, "QUERY_TOO_COSTLY", { n: 100 });
    // The same query with small pages is fine.
    const small = await server.gql(query, { n: 5 }, coordinator);
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();
  });

  it("refuses too many aliases and directives", async () => {
    await refusedWith(`{ ${Array.from({ length: 51 }, (_, i) => `a${i}: viewer { role }`).join(" ")} }`, "TOO_MANY_ALIASES");
    await refusedWith(`{ viewer { ${Array.from({ length: 51 }, () => "role @include(if: true)").join(" ")} } }`, "TOO_MANY_DIRECTIVES");
  });

  it("stops the parser on documents with too many tokens, with a 400 and not a 500", async () => {
    const res = await server.gql(`{ viewer { ${"role ".repeat(12_000)} } }`, undefined, coordinator);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(res.errors?.[0].message).toMatch(/tokens/);
  });

  it("refuses a document whose fragments double at every level, without walking it", async () => {
    // 824 bytes that once held the event loop for a second while the limit walked 2^20 leaves.
    let fragments = "fragment F20 on Query { __typename }";
    for (let i = 19; i >= 0; i--) fragments += ` fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`;
    await refusedWith(`{ ...F0 } ${fragments}`, "QUERY_TOO_COSTLY");
  });

  it("counts introspection under aliases like any other field", async () => {
    const selection = "__schema { types { description fields { description args { description } } } }";
    // 580 aliases returned 37 MB; measuring stops at whichever limit it passes first.
    const many = await server.gql(`{ ${Array.from({ length: 580 }, (_, i) => `s${i}: ${selection}`).join(" ")} }`, undefined, coordinator);
    expect(many.status).toBe(400);
    expect(["TOO_MANY_ALIASES", "QUERY_TOO_COSTLY"]).toContain(many.errors?.[0].extensions?.code);
    await refusedWith(`{ ${Array.from({ length: 51 }, (_, i) => `t${i}: __typename`).join(" ")} }`, "TOO_MANY_ALIASES");
    await refusedWith(`{ ${Array.from({ length: 40 }, (_, i) => `s${i}: ${selection}`).join(" ")} }`, "QUERY_TOO_COSTLY");
    const full = await server.gql(getIntrospectionQuery());
    expect(full.status).toBe(200);
    expect(full.data.__schema.types.length).toBeGreaterThan(50);
  });

  it("weighs reports by what they cost, so aliases cannot multiply them", async () => {
    const parkId = (await server.gql(`{ parks(first: 1) { nodes { id } } }`)).data.parks.nodes[0].id;
    const heatMap = (alias: string) => `${alias}: capacityHeatMap(parkId: "${parkId}") { capabilities { peakUtilisation } }`;
    const one = await server.gql(`{ ${heatMap("a")} }`, undefined, coordinator);
    expect(one.errors).toBeUndefined();
    await refusedWith(`{ ${Array.from({ length: 10 }, (_, i) => heatMap(`h${i}`)).join(" ")} }`, "QUERY_TOO_COSTLY");
    const from = "2026-01-01";
    const analytics = (alias: string) => `${alias}: clusterAnalytics(parkId: "${parkId}", from: "${from}", to: "2026-06-30") { capacityOutlook { asOf } }`;
    await refusedWith(`{ ${Array.from({ length: 4 }, (_, i) => analytics(`c${i}`)).join(" ")} }`, "QUERY_TOO_COSTLY");
  });

  it("answers a subscription document over HTTP with a clear 400, invalid ones as such (valid ones: subscriptions.test.ts)", async () => {
    const res = await server.gql(`subscription { viewer { role } }`, undefined, coordinator);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0].message).toMatch(/subscription/i);
    expect(server.logs.join("\n")).not.toMatch(/unexpected error/);
  });

  it.each([
    ["one field 2,000 times", `{ viewer { ${"role ".repeat(2000)} } }`, "TOO_MANY_REPEATED_FIELDS"],
    ["150 selections of 50 copies each", `{ ${Array.from({ length: 150 }, (_, i) => `v${i}: viewer { ${"role ".repeat(50)} }`).join(" ")} }`, "TOO_MANY_REPEATED_FIELDS"],
    ["one fragment spread 3,000 times", `{ viewer { ${"...F ".repeat(3000)} } } fragment F on Viewer { role }`, "TOO_MANY_REPEATED_FIELDS"],
    ["2,400 variables", `query(${Array.from({ length: 2400 }, (_, i) => `$v${i}: Int`).join(" ")}) { viewer { role } }`, "TOO_MANY_VARIABLES"],
    ["one argument 3,000 times", `{ parks(${"first: 1 ".repeat(3000)}) { nodes { name } } }`, "TOO_MANY_ARGUMENTS"],
    ["1,500 nested inline fragments", `{ viewer { ${"... on Viewer { ".repeat(1500)} role ${"} ".repeat(1500)} } }`, "QUERY_TOO_DEEP"],
  ])("refuses, before validation, a document graphql-js would validate in quadratic time: %s", async (_label, query, code) => {
    const res = await server.gql(query, undefined, coordinator);
    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.errors?.[0].message).toMatch(/at most|more than/);
  });

  it("lets a client ask for the same fields on each type of node(id), as generated clients do", async () => {
    const types = ["Park", "Company", "Engineer", "Capability", "CapabilityOffer", "Order", "Bid", "Contract", "Delivery"];
    const query = `query($id: ID!) { node(id: $id) { __typename id ${types.map((t) => `... on ${t} { __typename id }`).join(" ")} } }`;
    const parkId = (await server.gql(`{ parks(first: 1) { nodes { id } } }`)).data.parks.nodes[0].id;
    const res = await server.gql(query, { id: parkId }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toEqual({ __typename: "Park", id: parkId });
  });

  it("refuses batched operations", async () => {
    const res = await request(server.url)
      .post("/graphql")
      .set("content-type", "application/json")
      .send([{ query: "{ viewer { role } }" }, { query: "{ viewer { role } }" }]);
    expect(res.status).toBe(400);
  });

  it("lets ordinary client queries through, and introspection too", async () => {
    const everyday = await server.gql(
      `{ companies(first: 20) { nodes { name park { name } engineers(first: 20) { nodes { name } } capabilityOffers { nodes { capability { name } unitPrice { amount } } } } } }`,
      undefined,
      coordinator,
    );
    expect(everyday.errors).toBeUndefined();
    const introspection = await server.gql(`{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }`);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.types.length).toBeGreaterThan(50);
  });
});
