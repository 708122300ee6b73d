import { ADD_ENGINEER, DECLARE_OFFER, buildWorld, type World } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let world: World;
let engineerId: string;
let activeOfferId: string;
let withdrawnOfferId: string;
let tokenRecordId: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  engineerId = (await server.gql(ADD_ENGINEER, { input: { name: "Maria Kozlova", role: "SYSTEM_ENGINEER" } }, world.contractor.token)).data.addEngineer
    .engineer.id;
  const declare = async (name: string) => {
    const capability = await server.gql(`mutation($input: AddCapabilityInput!) { addCapability(input: $input) { capability { id } } }`, { input: { name } }, world.coordinator);
    const input = { capabilityId: capability.data.addCapability.capability.id, unitPrice: { amount: "500" }, engineerHoursPerUnit: 1.5, minLeadDays: 3, minLot: 1, maxLot: 9 };
    return (await server.gql(DECLARE_OFFER, { input }, world.contractor.token)).data.declareCapabilityOffer.capabilityOffer.id;
  };
  activeOfferId = await declare("Composites");
  withdrawnOfferId = await declare("Laser systems");
  await server.gql(
    `mutation($input: UpdateCapabilityOfferInput!) { updateCapabilityOffer(input: $input) { userErrors { code } } }`,
    { input: { capabilityOfferId: withdrawnOfferId, active: false } },
    world.contractor.token,
  );
  const issued = await server.gql(
    `mutation { issueApiToken(input: { role: MEMBER, holderName: "Second seat" }) { apiToken { id } } }`,
    {},
    world.contractor.token,
  );
  tokenRecordId = issued.data.issueApiToken.apiToken.id;
});
afterAll(() => server.close());

const COMPANY_VIEW = `query($id: ID!) {
  node(id: $id) {
    ... on Company {
      name employeeCount
      engineers { nodes { id name } }
      capabilityOffers(includeInactive: true) { nodes { id active engineerHoursPerUnit } }
    }
  }
}`;

describe("what each caller sees of a contract company", () => {
  it("its members and the coordinator see engineers, withdrawn offers and engineer-hours", async () => {
    for (const token of [world.contractor.token, world.coordinator]) {
      const { data } = await server.gql(COMPANY_VIEW, { id: world.contractor.id }, token);
      expect(data.node.employeeCount).toBe(120);
      expect(data.node.engineers.nodes).toEqual([{ id: engineerId, name: "Maria Kozlova" }]);
      expect(data.node.capabilityOffers.nodes).toEqual([
        { id: activeOfferId, active: true, engineerHoursPerUnit: 1.5 },
        { id: withdrawnOfferId, active: false, engineerHoursPerUnit: 1.5 },
      ]);
    }
  });

  it("other companies and investors see the public profile and employee count only", async () => {
    for (const token of [world.rival.token, world.startup.token, world.investor]) {
      const { data } = await server.gql(COMPANY_VIEW, { id: world.contractor.id }, token);
      expect(data.node).toEqual({
        name: "Precision Works",
        employeeCount: 120,
        engineers: null,
        capabilityOffers: { nodes: [{ id: activeOfferId, active: true, engineerHoursPerUnit: null }] },
      });
    }
  });

  it("anonymous callers do not see the employee count either", async () => {
    const { data } = await server.gql(COMPANY_VIEW, { id: world.contractor.id });
    expect(data.node.employeeCount).toBeNull();
    expect(data.node.engineers).toBeNull();
  });
});

describe("node(id) applies the same rules", () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

  it.each([
    { label: "an engineer", id: () => engineerId, allowed: ["contractor", "coordinator"] },
    { label: "a withdrawn offer", id: () => withdrawnOfferId, allowed: ["contractor", "coordinator"] },
    { label: "an API token record", id: () => tokenRecordId, allowed: ["contractor", "coordinator"] },
    { label: "an active offer", id: () => activeOfferId, allowed: ["contractor", "coordinator", "rival", "investor", "anonymous"] },
  ])("$label is visible only to $allowed", async ({ id, allowed }) => {
    const callers = { contractor: world.contractor.token, coordinator: world.coordinator, rival: world.rival.token, investor: world.investor, anonymous: undefined };
    for (const [caller, token] of Object.entries(callers)) {
      const { data, errors } = await server.gql(NODE, { id: id() }, token);
      expect(errors).toBeUndefined();
      expect([caller, data.node?.id ?? null]).toEqual([caller, allowed.includes(caller) ? id() : null]);
    }
  });

  it("hides engineers reached through nodes(ids) and through a company's engineers alike", async () => {
    const { data } = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [engineerId, world.contractor.id, "junk"] }, world.rival.token);
    expect(data.nodes).toEqual([null, { id: world.contractor.id }, null]);
  });

  it("treats malformed and unknown ids as not found", async () => {
    for (const id of ["", "!!!", "UGFyazo5OTk5OQ", Buffer.from("Park:abc").toString("base64url"), "x".repeat(500)]) {
      const { data, errors } = await server.gql(NODE, { id });
      expect(errors).toBeUndefined();
      expect(data.node).toBeNull();
    }
  });
});
