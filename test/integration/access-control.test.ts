import { startTestServer, type TestServer } from "../support/server";
import { ADD_CAPABILITY, ADD_ENGINEER, buildWorld, DECLARE_OFFER, snapshot, type World } from "../support/fixtures";

let server: TestServer;
let world: World;
let engineerId: string;
let offerId: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const engineer = await server.gql(ADD_ENGINEER, { input: { name: "Irina Volkova", role: "ENGINEER" } }, world.contractor.token);
  engineerId = engineer.data.addEngineer.engineer.id;
  const offer = await server.gql(
    DECLARE_OFFER,
    { input: { capabilityId: world.capabilityId, unitPrice: { amount: "100.00" }, engineerHoursPerUnit: 1, minLeadDays: 5, minLot: 1, maxLot: 10 } },
    world.contractor.token,
  );
  offerId = offer.data.declareCapabilityOffer.capabilityOffer.id;
});
afterAll(() => server.close());

type Caller = "anonymous" | "investor" | "startup" | "contractor" | "rival" | "coordinator";
type Expected = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "PRODUCT_COMPANY_CANNOT_PRODUCE" | "OK";

function tokenOf(caller: Caller): string | undefined {
  switch (caller) {
    case "anonymous":
      return undefined;
    case "investor":
      return world.investor;
    case "coordinator":
      return world.coordinator;
    default:
      return world[caller].token;
  }
}

/**
 * Every mutation against every kind of caller. Each case targets the contract company
 * "contractor" (or the catalogue/platform), so "rival" is a member of another company.
 * `input` is prepared before the data snapshot, so that it may create what it needs.
 */
interface MutationCase {
  name: string;
  document: string;
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}
const mutations: MutationCase[] = [];
const mutation = (name: string, document: string, input: MutationCase["input"], expect: Record<Caller, Expected>) =>
  mutations.push({ name, document, input, expect });

const roleOnly = (allowed: Caller[], rest: Expected = "FORBIDDEN"): Record<Caller, Expected> => ({
  anonymous: "UNAUTHENTICATED",
  investor: allowed.includes("investor") ? "OK" : rest,
  startup: allowed.includes("startup") ? "OK" : rest,
  contractor: allowed.includes("contractor") ? "OK" : rest,
  rival: allowed.includes("rival") ? "OK" : rest,
  coordinator: allowed.includes("coordinator") ? "OK" : rest,
});

/** Acting on the contractor's data: its members and the coordinator; another company's member sees NOT_FOUND. */
const contractorData: Record<Caller, Expected> = {
  anonymous: "UNAUTHENTICATED",
  investor: "FORBIDDEN",
  startup: "NOT_FOUND",
  contractor: "OK",
  rival: "NOT_FOUND",
  coordinator: "OK",
};

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

mutation(
  "createPark",
  `mutation($input: CreateParkInput!) { createPark(input: $input) { park { id } userErrors { code field message } } }`,
  () => ({ name: unique("Park"), kind: "CLUSTER", region: "Tula" }),
  roleOnly(["coordinator"]),
);
mutation(
  "addCapability",
  `mutation($input: AddCapabilityInput!) { addCapability(input: $input) { capability { id } userErrors { code field message } } }`,
  () => ({ name: unique("Capability") }),
  roleOnly(["coordinator"]),
);
mutation(
  "updateCompanyProfile",
  `mutation($input: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $input) { company { id } userErrors { code field message } } }`,
  () => ({ companyId: world.contractor.id, description: unique("Precision machining") }),
  contractorData,
);
mutation("addEngineer", ADD_ENGINEER, () => ({ companyId: world.contractor.id, name: unique("Engineer"), role: "ENGINEER" }), contractorData);
mutation(
  "updateEngineer",
  `mutation($input: UpdateEngineerInput!) { updateEngineer(input: $input) { engineer { id } userErrors { code field message } } }`,
  () => ({ engineerId, weeklyHours: 30 + (counter++ % 10) }),
  contractorData,
);
mutation(
  "declareCapabilityOffer",
  DECLARE_OFFER,
  async () => {
    const capability = await server.gql(ADD_CAPABILITY, { input: { name: unique("Offered capability") } }, world.coordinator);
    const capabilityId = capability.data.addCapability.capability.id;
    return { companyId: world.contractor.id, capabilityId, unitPrice: { amount: "1.00" }, engineerHoursPerUnit: 1, minLeadDays: 1, minLot: 1, maxLot: 1 };
  },
  contractorData,
);
mutation(
  "updateCapabilityOffer",
  `mutation($input: UpdateCapabilityOfferInput!) { updateCapabilityOffer(input: $input) { capabilityOffer { id } userErrors { code field message } } }`,
  () => ({ capabilityOfferId: offerId, minLeadDays: 5 + (counter++ % 10) }),
  contractorData,
);
mutation(
  "issueApiToken",
  `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token userErrors { code field message } } }`,
  () => ({ role: "MEMBER", companyId: world.contractor.id, holderName: unique("Colleague") }),
  contractorData,
);

describe("access control: every mutation against every caller", () => {
  for (const m of mutations) {
    for (const caller of Object.keys(m.expect) as Caller[]) {
      const expected = m.expect[caller];
      it(`${m.name} by ${caller}: ${expected}`, async () => {
        const input = await m.input();
        const before = await snapshot(server);
        const res = await server.gql(m.document, { input }, tokenOf(caller));
        const payload: any = res.errors ? null : Object.values(res.data ?? {})[0];
        const userErrors: { code: string }[] = payload?.userErrors ?? [];
        if (expected === "UNAUTHENTICATED" || expected === "FORBIDDEN") {
          expect(res.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
        } else if (expected === "OK") {
          expect(res.errors).toBeUndefined();
          expect(userErrors).toEqual([]);
          expect(await snapshot(server)).not.toEqual(before);
          return;
        } else {
          expect(res.errors).toBeUndefined();
          expect(userErrors.map((e) => e.code)).toContain(expected);
        }
        expect(await snapshot(server)).toEqual(before);
      });
    }
  }
});

describe("registerCompany is self-service", () => {
  it.each(["anonymous", "investor", "startup", "coordinator"] as Caller[])("works for %s", async (caller) => {
    const res = await server.gql(
      `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { company { kind } token userErrors { code } } }`,
      { input: { parkId: world.parkId, name: unique("Newcomer"), kind: "PRODUCT", employeeCount: 3, representativeName: "Founder" } },
      tokenOf(caller),
    );
    expect(res.data.registerCompany.userErrors).toEqual([]);
    expect(res.data.registerCompany.token).toMatch(/^tpm_/);
  });
});

describe("revokeApiToken", () => {
  const REVOKE = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { revokedAt } userErrors { code field } } }`;
  const ISSUE = `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { id role company { id } } userErrors { code field } } }`;

  it("lets a member revoke its own company's tokens, and a revoked token stops working at once", async () => {
    const issued = await server.gql(ISSUE, { input: { role: "MEMBER", holderName: "Temp" } }, world.contractor.token);
    const { token, apiToken } = issued.data.issueApiToken;
    expect(apiToken.company.id).toBe(world.contractor.id);
    expect((await server.gql(`{ viewer { holderName } }`, {}, token)).data.viewer.holderName).toBe("Temp");

    const rival = await server.gql(REVOKE, { input: { apiTokenId: apiToken.id } }, world.rival.token);
    expect(rival.data.revokeApiToken.userErrors).toEqual([{ code: "NOT_FOUND", field: ["apiTokenId"] }]);

    const revoked = await server.gql(REVOKE, { input: { apiTokenId: apiToken.id } }, world.contractor.token);
    expect(revoked.data.revokeApiToken.apiToken.revokedAt).toEqual(expect.any(String));
    const again = await server.gql(REVOKE, { input: { apiTokenId: apiToken.id } }, world.coordinator);
    expect(again.data.revokeApiToken.userErrors).toEqual([{ code: "ALREADY_REVOKED", field: ["apiTokenId"] }]);

    const after = await server.gql(`{ viewer { holderName } }`, {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses members issuing coordinator or investor tokens, and checks company rules by role", async () => {
    const escalate = await server.gql(ISSUE, { input: { role: "COORDINATOR", holderName: "Me" } }, world.startup.token);
    expect(escalate.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const investorWithCompany = await server.gql(
      ISSUE,
      { input: { role: "INVESTOR", companyId: world.startup.id, holderName: "Fund" } },
      world.coordinator,
    );
    expect(investorWithCompany.data.issueApiToken.userErrors).toEqual([{ code: "COMPANY_NOT_ALLOWED", field: ["companyId"] }]);
    const memberWithout = await server.gql(ISSUE, { input: { role: "MEMBER", holderName: "Someone" } }, world.coordinator);
    expect(memberWithout.data.issueApiToken.userErrors).toEqual([{ code: "COMPANY_REQUIRED", field: ["companyId"] }]);
    const investor = await server.gql(ISSUE, { input: { role: "INVESTOR", holderName: "Troitsk Venture Fund" } }, world.coordinator);
    const viewer = await server.gql(`{ viewer { role company { id } } }`, {}, investor.data.issueApiToken.token);
    expect(viewer.data.viewer).toEqual({ role: "INVESTOR", company: null });
  });
});

describe("partial answers", () => {
  it("answers null with FORBIDDEN for a root field the viewer may not read, and the rest of the response stands", async () => {
    const res = await server.gql(
      `query($parkId: ID!) { myOrders(first: 5) { nodes { id } } capacityHeatMap(parkId: $parkId, weeks: 4) { capabilities { peakUtilisation } } parks { nodes { name } } }`,
      { parkId: world.parkId },
      world.startup.token,
    );
    expect(res.status).toBe(200);
    expect(res.data.myOrders).toEqual({ nodes: [] });
    expect(res.data.capacityHeatMap).toBeNull();
    expect(res.data.parks.nodes.length).toBeGreaterThan(0);
    expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["FORBIDDEN", ["capacityHeatMap"]]]);
  });

  it("keeps an investor's cluster analytics when its revenueReport in the same request is refused", async () => {
    const res = await server.gql(
      `query($parkId: ID!) { revenueReport(from: "2026-01-01", to: "2026-01-31") { inPeriod { revenue { amount } } } clusterAnalytics(parkId: $parkId, from: "2026-01-01", to: "2026-01-31") { companies { sharePercent } } }`,
      { parkId: world.parkId },
      world.investor,
    );
    expect(res.data.revenueReport).toBeNull();
    expect(res.data.clusterAnalytics.companies.length).toBeGreaterThan(0);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].path).toEqual(["revenueReport"]);
  });
});
