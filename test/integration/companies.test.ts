import { REGISTER, buildWorld, dbIdOf, registerCompany, snapshot, type World } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { sql } from "drizzle-orm";
import { query } from "../support/sql";

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});
afterAll(() => server.close());

const UPDATE = `mutation($input: UpdateCompanyProfileInput!) {
  updateCompanyProfile(input: $input) { company { name description employeeCount kind } userErrors { code field message } }
}`;

describe("registerCompany", () => {
  it("creates the company with its kind and returns a working member token, stored only as a hash", async () => {
    const res = await server.gql(REGISTER, {
      input: { parkId: world.parkId, name: "  Graphene   Labs ", kind: "PRODUCT", employeeCount: 12, description: "Heat spreaders", representativeName: "Olga" },
    });
    const { company, token } = res.data.registerCompany;
    expect(company).toMatchObject({ name: "Graphene Labs", kind: "PRODUCT" });
    const viewer = await server.gql(`{ viewer { role holderName company { id name employeeCount park { id } } } }`, {}, token);
    expect(viewer.data.viewer).toEqual({
      role: "MEMBER",
      holderName: "Olga",
      company: { id: company.id, name: "Graphene Labs", employeeCount: 12, park: { id: world.parkId } },
    });
    const stored = JSON.stringify(await query(server.database, sql`select * from api_tokens`));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
  });

  it("keeps names unique within a park, ignoring case and spacing, but allows the same name in another park", async () => {
    const before = await snapshot(server);
    const dup = await server.gql(REGISTER, {
      input: { parkId: world.parkId, name: "precision  WORKS", kind: "CONTRACT", employeeCount: 5, representativeName: "X" },
    });
    expect(dup.data.registerCompany).toMatchObject({ company: null, token: null, userErrors: [{ code: "TAKEN", field: ["name"] }] });
    expect(await snapshot(server)).toEqual(before);
    await registerCompany(server, world.otherParkId, "Precision Works", "CONTRACT");
  });

  it("reports every invalid field at once and writes nothing", async () => {
    const before = await snapshot(server);
    const res = await server.gql(REGISTER, {
      input: { parkId: "bm90LWFuLWlk", name: "   ", kind: "CONTRACT", employeeCount: 0, description: "x".repeat(4001), representativeName: "y".repeat(121) },
    });
    const errors = res.data.registerCompany.userErrors;
    expect(errors.map((e: any) => [e.code, e.field.join(".")]).sort()).toEqual(
      [
        ["BLANK", "name"],
        ["NOT_FOUND", "parkId"],
        ["OUT_OF_RANGE", "employeeCount"],
        ["TOO_LONG", "description"],
        ["TOO_LONG", "representativeName"],
      ].sort(),
    );
    for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
    expect(await snapshot(server)).toEqual(before);
  });

  it("refuses a company's global id where a park's is expected", async () => {
    const res = await server.gql(REGISTER, {
      input: { parkId: world.startup.id, name: "Wrong Park", kind: "PRODUCT", employeeCount: 5, representativeName: "Z" },
    });
    expect(res.data.registerCompany.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["parkId"] })]);
  });

  it("rejects an unknown kind at the GraphQL layer with a 400", async () => {
    const res = await server.gql(REGISTER, {
      input: { parkId: world.parkId, name: "Hybrid", kind: "BOTH", employeeCount: 5, representativeName: "Z" },
    });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("updateCompanyProfile", () => {
  it("changes the profile of the member's own company by default", async () => {
    const res = await server.gql(UPDATE, { input: { description: "Startup for medical lasers", employeeCount: 40 } }, world.startup.token);
    expect(res.data.updateCompanyProfile).toEqual({
      company: { name: "Laser Startup", description: "Startup for medical lasers", employeeCount: 40, kind: "PRODUCT" },
      userErrors: [],
    });
  });

  it("cannot change the kind, whatever the client sends", async () => {
    const res = await server.gql(UPDATE, { input: { kind: "CONTRACT" } }, world.startup.token);
    expect(res.status).toBe(400);
    expect(await query(server.database, sql`select kind from companies where id = ${world.startup.dbId}`)).toEqual([{ kind: "PRODUCT" }]);
  });

  it("refuses a name taken in the park and a coordinator without a company", async () => {
    const taken = await server.gql(UPDATE, { input: { name: "RIVAL fab" } }, world.contractor.token);
    expect(taken.data.updateCompanyProfile.userErrors).toEqual([expect.objectContaining({ code: "TAKEN", field: ["name"] })]);
    const noCompany = await server.gql(UPDATE, { input: { description: "?" } }, world.coordinator);
    expect(noCompany.data.updateCompanyProfile.userErrors).toEqual([expect.objectContaining({ code: "COMPANY_REQUIRED", field: ["companyId"] })]);
  });

  it("lets a company keep its own name with different capitalisation", async () => {
    const res = await server.gql(UPDATE, { input: { name: "LASER STARTUP" } }, world.startup.token);
    expect(res.data.updateCompanyProfile.company.name).toBe("LASER STARTUP");
  });
});

describe("listing companies", () => {
  it("filters by park, kind, capability offered and name", async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await server.gql(`query($filter: CompanyFilter) { companies(filter: $filter, first: 100) { nodes { name } } }`, { filter })).data.companies.nodes.map(
        (n: any) => n.name,
      );
    expect(await list({ parkId: world.parkId, kind: "CONTRACT" })).toEqual(["Precision Works", "Rival Fab"]);
    expect(await list({ nameContains: "fab" })).toEqual(["Rival Fab"]);
    expect(await list({ nameContains: "%" })).toEqual([]);
    expect(await list({ capabilityId: world.capabilityId })).toEqual([]);
    expect(await list({ parkId: "garbage" })).toEqual([]);

    await server.gql(
      `mutation($input: DeclareCapabilityOfferInput!) { declareCapabilityOffer(input: $input) { userErrors { code } } }`,
      { input: { capabilityId: world.capabilityId, unitPrice: { amount: "10" }, engineerHoursPerUnit: 0.5, minLeadDays: 3, minLot: 1, maxLot: 5 } },
      world.rival.token,
    );
    expect(await list({ capabilityId: world.capabilityId })).toEqual(["Rival Fab"]);
  });

  it("lists a park's companies by kind through the park", async () => {
    const res = await server.gql(`query($id: ID!) { node(id: $id) { ... on Park { companies(kind: PRODUCT) { nodes { id } } } } }`, { id: world.parkId });
    const ids = res.data.node.companies.nodes.map((n: any) => dbIdOf(n.id));
    expect(ids).toContain(world.startup.dbId);
    expect(ids).not.toContain(world.contractor.dbId);
  });
});
