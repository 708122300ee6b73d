import { insertCompany } from "../../src/companies/company.repository";
import { insertEngineer } from "../../src/engineers/engineer.repository";
import { insertOffer } from "../../src/offers/capability-offer.repository";
import { seedDemoData } from "../../src/seed/seed";
import { DEMO_PARKS } from "../../src/seed/demo-data";

const DEMO_COMPANIES = DEMO_PARKS.reduce((n, park) => n + park.companies.length, 0);
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let coordinator: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemoData(server.database.store);
  coordinator = await server.token("COORDINATOR");
  // 60 more contract companies, each with 4 engineers and 2 offers, so pages are full.
  const now = new Date();
  await server.database.store.write(async ({ db: tx }) => {
    for (let i = 0; i < 60; i++) {
      const company = await insertCompany(tx, { parkId: 1, name: `Fab ${i}`, nameKey: `fab ${i}`, kind: "CONTRACT", description: "", employeeCount: 50, createdAt: now });
      for (let e = 0; e < 4; e++) {
        await insertEngineer(tx, { companyId: company.id, name: `Engineer ${i}.${e}`, role: "ENGINEER", weeklyHours: 40, active: e !== 3, createdAt: now });
      }
      for (const capabilityId of [1 + (i % 12), 1 + ((i + 5) % 12)]) {
        await insertOffer(tx, {
          companyId: company.id,
          capabilityId,
          unitPriceMinor: 100_00 + i,
          currency: "RUB",
          centihoursPerUnit: 150,
          minLeadDays: 5,
          minLot: 1,
          maxLot: 100,
          active: true,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  });
});
afterAll(() => server.close());

const NESTED = `query($first: Int!) {
  companies(first: $first, filter: { kind: CONTRACT }) {
    nodes {
      name
      park { name }
      engineers(first: 3) { nodes { name company { name } } pageInfo { hasNextPage } }
      capabilityOffers { nodes { unitPrice { amount } capability { name } company { name } } }
    }
  }
}`;

async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ statements: number; data: any }> {
  const before = server.database.stats.statements;
  const res = await server.gql(query, variables, coordinator);
  expect(res.errors).toBeUndefined();
  return { statements: server.database.stats.statements - before, data: res.data };
}

describe("DataLoaders", () => {
  it("answer a nested list query in the same number of SQL statements whatever the page size", async () => {
    const small = await statementsFor(NESTED, { first: 5 });
    const large = await statementsFor(NESTED, { first: 60 });
    expect(small.data.companies.nodes).toHaveLength(5);
    expect(large.data.companies.nodes).toHaveLength(60);
    // token, companies, parks, engineers, offers, capabilities, companies-by-id
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(7);
  });

  it("return the right children for each parent", async () => {
    const { data } = await statementsFor(NESTED, { first: 60 });
    for (const company of data.companies.nodes) {
      for (const engineer of company.engineers.nodes) expect(engineer.company.name).toBe(company.name);
      for (const offer of company.capabilityOffers.nodes) expect(offer.company.name).toBe(company.name);
    }
    const fab = data.companies.nodes.find((c: any) => c.name === "Fab 7");
    // Fab 7 has three active engineers (the fourth is inactive), so the page of 3 is the last.
    expect(fab.engineers.nodes.map((e: any) => e.name)).toEqual(["Engineer 7.0", "Engineer 7.1", "Engineer 7.2"]);
    expect(fab.engineers.pageInfo.hasNextPage).toBe(false);
    expect(fab.capabilityOffers.nodes.map((o: any) => o.unitPrice.amount)).toEqual(["100.07", "100.07"]);
  });
});

describe("Relay pagination", () => {
  const PAGE = `query($first: Int, $after: String) {
    companies(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  }`;

  it("walks every company exactly once, page by page", async () => {
    const all = (await server.gql(PAGE, { first: 100 })).data.companies.edges.map((e: any) => e.node.id);
    expect(all).toHaveLength(DEMO_COMPANIES + 60);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res: { data: any } = await server.gql(PAGE, { first: 7, after });
      const { edges, pageInfo }: { edges: any[]; pageInfo: any } = res.data.companies;
      seen.push(...edges.map((e: any) => e.node.id));
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      expect(pageInfo.startCursor).toBe(edges[0].cursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it("defaults to 20 and allows an empty page", async () => {
    expect((await server.gql(PAGE, {})).data.companies.edges).toHaveLength(20);
    const empty = (await server.gql(PAGE, { first: 0 })).data.companies;
    expect(empty).toEqual({ edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it.each([
    [{ first: 101 }, "first"],
    [{ first: -1 }, "first"],
    [{ after: "not-a-cursor" }, "after"],
    [{ after: Buffer.from("cursor:-5").toString("base64url") }, "after"],
  ])("refuses %j with BAD_USER_INPUT", async (variables, argument) => {
    const res = await server.gql(PAGE, variables);
    expect(res.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument });
    expect(res.errors?.[0].message).toMatch(argument);
  });

  it("pages nested connections too", async () => {
    const query = `query($after: String) { node(id: "Q29tcGFueTox") { id } companies(first: 1, filter: { nameContains: "Fab 12" }) {
      nodes { engineers(first: 2, after: $after, includeInactive: true) { nodes { name } pageInfo { endCursor hasNextPage } } } } }`;
    const first = (await server.gql(query, {}, coordinator)).data.companies.nodes[0].engineers;
    expect(first.nodes.map((e: any) => e.name)).toEqual(["Engineer 12.0", "Engineer 12.1"]);
    const second = (await server.gql(query, { after: first.pageInfo.endCursor }, coordinator)).data.companies.nodes[0].engineers;
    expect(second).toEqual({ nodes: [{ name: "Engineer 12.2" }, { name: "Engineer 12.3" }], pageInfo: { endCursor: expect.any(String), hasNextPage: false } });
  });
});

describe("totalCount", () => {
  const COUNTS = `query($first: Int!) {
    companies(first: $first, filter: { kind: CONTRACT }) {
      totalCount
      nodes { name engineers(first: 1) { totalCount } all: engineers(first: 1, includeInactive: true) { totalCount } capabilityOffers(first: 1) { totalCount } }
    }
  }`;

  it("counts every page of a list, with its filters, for root and nested lists alike", async () => {
    const { data } = await statementsFor(COUNTS, { first: 100 });
    const contractCompanies = data.companies.nodes.length;
    expect(data.companies.totalCount).toBe(contractCompanies);
    const fab = data.companies.nodes.find((c: any) => c.name === "Fab 7");
    // Four engineers, one inactive; two offers.
    expect(fab).toEqual({ name: "Fab 7", engineers: { totalCount: 3 }, all: { totalCount: 4 }, capabilityOffers: { totalCount: 2 } });
    const small = await statementsFor(`{ companies(first: 1, filter: { kind: CONTRACT }) { totalCount pageInfo { hasNextPage } } }`, {});
    expect(small.data.companies).toEqual({ totalCount: contractCompanies, pageInfo: { hasNextPage: true } });
    const filtered = await statementsFor(`{ companies(filter: { kind: CONTRACT, nameContains: "fab 1" }) { totalCount nodes { name } } }`, {});
    // Fab 1 and Fab 10 to Fab 19.
    expect(filtered.data.companies.totalCount).toBe(11);
  });

  it("costs one statement per list however many parents it counts for", async () => {
    const few = await statementsFor(COUNTS, { first: 5 });
    const many = await statementsFor(COUNTS, { first: 60 });
    expect(many.statements).toBe(few.statements);
    const without = await statementsFor(COUNTS.replace(/totalCount/g, "__typename"), { first: 60 });
    // The root count, and one per nested list (engineers twice: two filters).
    expect(many.statements - without.statements).toBe(4);
  });
});
