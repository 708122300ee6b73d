import { ADD_ENGINEER, DECLARE_OFFER, buildWorld, refusedWith, type World } from "../support/fixtures";
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

const UPDATE_ENGINEER = `mutation($input: UpdateEngineerInput!) {
  updateEngineer(input: $input) { engineer { name role weeklyHours active } userErrors { code field message } }
}`;
const UPDATE_OFFER = `mutation($input: UpdateCapabilityOfferInput!) {
  updateCapabilityOffer(input: $input) { capabilityOffer { unitPrice { amount } minLot maxLot active } userErrors { code field message } }
}`;

const offerInput = (overrides: Record<string, unknown> = {}) => ({
  capabilityId: world.capabilityId,
  unitPrice: { amount: "7200.50", currency: "RUB" },
  engineerHoursPerUnit: 2.25,
  minLeadDays: 12,
  minLot: 20,
  maxLot: 30000,
  ...overrides,
});

const refused = (document: string, input: Record<string, unknown>, token: string) => refusedWith(server, document, input, token);

describe("the technopark split: only contract companies produce", () => {
  it("refuses engineers for a product company, by its member or the coordinator", async () => {
    const input = { name: "Pavel Orlov", role: "ENGINEER" };
    expect(await refused(ADD_ENGINEER, input, world.startup.token)).toEqual([["PRODUCT_COMPANY_CANNOT_PRODUCE", "companyId"]]);
    expect(await refused(ADD_ENGINEER, { ...input, companyId: world.startup.id }, world.coordinator)).toEqual([
      ["PRODUCT_COMPANY_CANNOT_PRODUCE", "companyId"],
    ]);
  });

  it("refuses capability offers for a product company", async () => {
    expect(await refused(DECLARE_OFFER, offerInput(), world.startup.token)).toEqual([["PRODUCT_COMPANY_CANNOT_PRODUCE", "companyId"]]);
  });
});

describe("engineers", () => {
  it("adds an engineer with 40 weekly hours by default, and changes them", async () => {
    const added = await server.gql(ADD_ENGINEER, { input: { name: "Anna Sokolova", role: "SYSTEM_ENGINEER" } }, world.contractor.token);
    const engineer = added.data.addEngineer.engineer;
    expect(engineer).toMatchObject({ name: "Anna Sokolova", role: "SYSTEM_ENGINEER", weeklyHours: 40, active: true, company: { id: world.contractor.id } });
    const changed = await server.gql(UPDATE_ENGINEER, { input: { engineerId: engineer.id, weeklyHours: 168, active: false } }, world.contractor.token);
    expect(changed.data.updateEngineer).toEqual({
      engineer: { name: "Anna Sokolova", role: "SYSTEM_ENGINEER", weeklyHours: 168, active: false },
      userErrors: [],
    });
  });

  it.each([
    [{ weeklyHours: 0 }, [["OUT_OF_RANGE", "weeklyHours"]]],
    [{ weeklyHours: 169 }, [["OUT_OF_RANGE", "weeklyHours"]]],
    [{ weeklyHours: -40 }, [["OUT_OF_RANGE", "weeklyHours"]]],
    [{ name: "" }, [["BLANK", "name"]]],
    [{ name: "n".repeat(121) }, [["TOO_LONG", "name"]]],
    [{ companyId: "Q29tcGFueTo5OTk5" }, [["NOT_FOUND", "companyId"]]],
  ])("refuses %j", async (overrides, expected) => {
    const input = { name: "Kirill Lebedev", role: "ENGINEER", ...overrides };
    expect(await refused(ADD_ENGINEER, input, world.contractor.token)).toEqual(expected);
  });

  it("refuses bad changes and unknown engineers", async () => {
    const added = await server.gql(ADD_ENGINEER, { input: { name: "Egor Novikov", role: "ENGINEER" } }, world.contractor.token);
    const engineerId = added.data.addEngineer.engineer.id;
    expect(await refused(UPDATE_ENGINEER, { engineerId, weeklyHours: 200, name: " " }, world.contractor.token)).toEqual([
      ["BLANK", "name"],
      ["OUT_OF_RANGE", "weeklyHours"],
    ]);
    expect(await refused(UPDATE_ENGINEER, { engineerId: world.contractor.id, weeklyHours: 20 }, world.contractor.token)).toEqual([
      ["NOT_FOUND", "engineerId"],
    ]);
  });
});

describe("capability offers", () => {
  it("declares an offer with an exact price and hours, then changes and withdraws it", async () => {
    const res = await server.gql(DECLARE_OFFER, { input: offerInput() }, world.contractor.token);
    const offer = res.data.declareCapabilityOffer.capabilityOffer;
    expect(offer).toMatchObject({
      unitPrice: { amount: "7200.50", currency: "RUB", minorUnits: "720050" },
      engineerHoursPerUnit: 2.25,
      minLeadDays: 12,
      minLot: 20,
      maxLot: 30000,
      active: true,
    });
    expect(await refused(DECLARE_OFFER, offerInput(), world.contractor.token)).toEqual([["OFFER_ALREADY_EXISTS", "capabilityId"]]);

    expect(await refused(UPDATE_OFFER, { capabilityOfferId: offer.id, minLot: 40000 }, world.contractor.token)).toEqual([
      ["MIN_LOT_ABOVE_MAX_LOT", "minLot"],
    ]);
    const changed = await server.gql(
      UPDATE_OFFER,
      { input: { capabilityOfferId: offer.id, unitPrice: { amount: "27000000000.00" }, maxLot: 9007199254740991, active: false } },
      world.contractor.token,
    );
    expect(changed.data.updateCapabilityOffer).toEqual({
      capabilityOffer: { unitPrice: { amount: "27000000000.00" }, minLot: 20, maxLot: 9007199254740991, active: false },
      userErrors: [],
    });
    const [stored] = await query(server.database, sql`select unit_price_minor from capability_offers where not active`);
    expect(Number(stored.unit_price_minor)).toBe(2_700_000_000_000);
  });

  it.each([
    [{ unitPrice: { amount: "0" } }, [["OUT_OF_RANGE", "unitPrice.amount"]]],
    [{ unitPrice: { amount: "-5.00" } }, [["OUT_OF_RANGE", "unitPrice.amount"]]],
    [{ unitPrice: { amount: "5,00" } }, [["INVALID_FORMAT", "unitPrice.amount"]]],
    [{ unitPrice: { amount: "12.345" } }, [["INVALID_FORMAT", "unitPrice.amount"]]],
    [{ unitPrice: { amount: "1e6" } }, [["INVALID_FORMAT", "unitPrice.amount"]]],
    [{ unitPrice: { amount: "99999999999999999999" } }, [["OUT_OF_RANGE", "unitPrice.amount"]]],
    [{ engineerHoursPerUnit: 0 }, [["OUT_OF_RANGE", "engineerHoursPerUnit"]]],
    [{ engineerHoursPerUnit: -1 }, [["OUT_OF_RANGE", "engineerHoursPerUnit"]]],
    [{ engineerHoursPerUnit: 0.125 }, [["INVALID_FORMAT", "engineerHoursPerUnit"]]],
    [{ minLeadDays: 0 }, [["OUT_OF_RANGE", "minLeadDays"]]],
    [{ minLot: 0 }, [["OUT_OF_RANGE", "minLot"]]],
    [{ minLot: 50, maxLot: 10 }, [["MIN_LOT_ABOVE_MAX_LOT", "minLot"]]],
    [{ capabilityId: "Q2FwYWJpbGl0eTo5OTk=" }, [["NOT_FOUND", "capabilityId"]]],
  ])("refuses %j", async (overrides, expected) => {
    expect(await refused(DECLARE_OFFER, offerInput(overrides), world.rival.token)).toEqual(expected);
  });

  it("rejects quantities beyond 2^53 at the GraphQL layer", async () => {
    const res = await server.gql(DECLARE_OFFER, { input: offerInput({ maxLot: 2 ** 60 }) }, world.rival.token);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
