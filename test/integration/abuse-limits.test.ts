import request from "supertest";
import { seedDemoData } from "../../src/seed/seed";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = seedDemoData(server.database.db).find((t) => t.label === "coordinator")!.token;
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
