import fc from "fast-check";
import { UserErrorCode } from "../../src/graphql/errors";
import { refusedWith, snapshot } from "../support/fixtures";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { AWARD, RECORD_DELIVERY, START, buildMarket, dateIn, instantIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Property-based: random and hostile input to every mutation, from every kind of caller.
 * Whatever arrives, the server answers below 500 with a known code, and a refused request
 * changes no row.
 */
jest.setTimeout(120_000);

let server: TestServer;
let market: Market;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  const [alpha, beta] = market.contractors;
  const orderId = await postOrder(server, market);
  const alphaBid = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600 });
  const betaBid = await submitBid(server, beta.token, orderId, { minLot: 1, maxQuantity: 600 });
  const awarded = await postOrder(server, market, { sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
  const awardedBid = await submitBid(server, alpha.token, awarded, { minLot: 1, maxQuantity: 1000 });
  const award = await server.gql(AWARD, { input: { orderId: awarded, allocations: [{ bidId: awardedBid, quantity: 1000 }] } }, market.startup.token);
  const contractId = award.data.awardOrder.contracts[0].id;
  await server.gql(START, { input: { contractId } }, alpha.token);
  const delivered = await server.gql(RECORD_DELIVERY, { input: { contractId, quantity: 100 } }, alpha.token);
  const engineers = await server.gql(`{ viewer { company { engineers { nodes { id } } capabilityOffers { nodes { id } } } } }`, {}, alpha.token);
  ids = {
    orderId,
    awarded,
    alphaBid,
    betaBid,
    contractId,
    deliveryId: delivered.data.recordDelivery.delivery.id,
    engineerId: engineers.data.viewer.company.engineers.nodes[0].id,
    offerId: engineers.data.viewer.company.capabilityOffers.nodes[0].id,
    capabilityId: market.capabilityId,
    startup: market.startup.id,
    alpha: alpha.id,
  };
});
afterAll(() => server.close());

const KNOWN_ERROR_CODES = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"]);
const USER_ERROR_CODES = new Set(Object.values(UserErrorCode));

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom("", "   ", "x".repeat(5000), "'; drop table orders; --", "\u0000\u0007", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓", "Robert'); --", "<script>alert(1)</script>"),
);
const int = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 1e15), fc.double());
const safeInt = fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 2 ** 53, 5_000_000_000));
const float = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 0.001, 0.5, 1.25, 1e300));
const money = fc.record({
  amount: fc.oneof(fc.constantFrom("0", "-1", "1e5", "1.001", "99999999999999999999", "12.50", "1200", "NaN", "", "1,5"), fc.string({ maxLength: 12 })),
  currency: fc.constantFrom("RUB"),
});
const boolean = fc.boolean();
const date = () => fc.oneof(fc.constantFrom("2020-01-01", "2999-12-31", "2026-02-30", "not a date", "", dateIn(server, 30), dateIn(server, 120)));
const instant = () => fc.oneof(fc.constantFrom("2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "garbage", instantIn(server, 3 * 86_400_000)));
const id = (...names: string[]) => fc.oneof(fc.constantFrom(...names.map((n) => ids[n]), ...Object.values(ids)), fc.string({ maxLength: 30 }), fc.base64String({ maxLength: 24 }));

interface Case {
  mutation: string;
  inputType: string;
  input: () => fc.Arbitrary<Record<string, unknown>>;
}

const cases: Case[] = [
  { mutation: "createPark", inputType: "CreateParkInput", input: () => fc.record({ name: text, kind: fc.constantFrom("TECHNOPARK", "CLUSTER", "MOON"), region: text, description: text }) },
  { mutation: "addCapability", inputType: "AddCapabilityInput", input: () => fc.record({ name: text, code: text, description: text }) },
  { mutation: "registerCompany", inputType: "RegisterCompanyInput", input: () => fc.record({ parkId: id(), name: text, kind: fc.constantFrom("PRODUCT", "CONTRACT"), employeeCount: int, representativeName: text }) },
  { mutation: "updateCompanyProfile", inputType: "UpdateCompanyProfileInput", input: () => fc.record({ companyId: id("startup", "alpha"), name: text, employeeCount: int }) },
  { mutation: "addEngineer", inputType: "AddEngineerInput", input: () => fc.record({ companyId: id("alpha", "startup"), name: text, role: fc.constantFrom("ENGINEER", "SYSTEM_ENGINEER"), weeklyHours: int }) },
  { mutation: "updateEngineer", inputType: "UpdateEngineerInput", input: () => fc.record({ engineerId: id("engineerId"), weeklyHours: int, active: boolean }) },
  {
    mutation: "declareCapabilityOffer",
    inputType: "DeclareCapabilityOfferInput",
    input: () => fc.record({ capabilityId: id("capabilityId"), unitPrice: money, engineerHoursPerUnit: float, minLeadDays: int, minLot: safeInt, maxLot: safeInt }),
  },
  { mutation: "updateCapabilityOffer", inputType: "UpdateCapabilityOfferInput", input: () => fc.record({ capabilityOfferId: id("offerId"), unitPrice: money, minLot: safeInt, active: boolean }) },
  { mutation: "issueApiToken", inputType: "IssueApiTokenInput", input: () => fc.record({ role: fc.constantFrom("MEMBER", "INVESTOR", "COORDINATOR"), companyId: id("startup"), holderName: text }) },
  {
    mutation: "postOrder",
    inputType: "PostOrderInput",
    input: () =>
      fc.record({
        title: text,
        capabilityId: id("capabilityId"),
        quantity: safeInt,
        neededBy: date(),
        maxUnitPrice: money,
        biddingClosesAt: instant(),
        sourcingPolicy: fc.record({ maxSharePercent: int, minContractors: int }),
        idempotencyKey: fc.oneof(fc.constant(null), text),
      }),
  },
  { mutation: "cancelOrder", inputType: "CancelOrderInput", input: () => fc.record({ orderId: id("orderId", "awarded"), reason: text }) },
  {
    mutation: "submitBid",
    inputType: "SubmitBidInput",
    input: () => fc.record({ orderId: id("orderId"), unitPrice: money, minLot: safeInt, maxQuantity: safeInt, leadTimeDays: int, validUntil: instant() }),
  },
  { mutation: "reviseBid", inputType: "ReviseBidInput", input: () => fc.record({ bidId: id("alphaBid", "betaBid"), unitPrice: money, leadTimeDays: int }) },
  { mutation: "withdrawBid", inputType: "WithdrawBidInput", input: () => fc.record({ bidId: id("alphaBid", "betaBid") }) },
  {
    mutation: "awardOrder",
    inputType: "AwardOrderInput",
    input: () =>
      fc.record({
        orderId: id("orderId", "awarded"),
        allocations: fc.array(fc.record({ bidId: id("alphaBid", "betaBid"), quantity: safeInt }), { maxLength: 4 }),
        // Garbage, and keys forged in the plan-key format (orders, bids, offers, quantities and totals made up).
        planKey: fc.option(
          fc.oneof(
            text,
            fc
              .tuple(fc.integer({ min: 1, max: 50 }), safeInt, fc.array(fc.tuple(fc.constantFrom("bid", "offer"), fc.integer({ min: 1, max: 50 }), safeInt), { minLength: 1, maxLength: 4 }))
              .map(([order, total, lines]) => Buffer.from(`p1~${order}~${Math.abs(total)}~${lines.map(([s, i, q]) => `${s}:${i}*${q}`).join(",")}`).toString("base64url")),
          ),
          { nil: undefined },
        ),
      }),
  },
  { mutation: "startContractProduction", inputType: "StartContractProductionInput", input: () => fc.record({ contractId: id("contractId") }) },
  { mutation: "cancelContract", inputType: "CancelContractInput", input: () => fc.record({ contractId: id("contractId"), reason: text }) },
  {
    mutation: "reassignWork",
    inputType: "ReassignWorkInput",
    input: () => fc.record({ contractId: id("contractId"), fromEngineerId: id("engineerId"), toEngineerId: id("engineerId"), weekOf: date(), hours: float }),
  },
  { mutation: "recordDelivery", inputType: "RecordDeliveryInput", input: () => fc.record({ contractId: id("contractId"), quantity: safeInt, note: text, idempotencyKey: fc.option(text, { nil: undefined }) }) },
  { mutation: "acceptDelivery", inputType: "AcceptDeliveryInput", input: () => fc.record({ deliveryId: id("deliveryId"), idempotencyKey: fc.option(text, { nil: undefined }) }) },
  { mutation: "rejectDelivery", inputType: "RejectDeliveryInput", input: () => fc.record({ deliveryId: id("deliveryId"), reason: text }) },
  {
    mutation: "recordInvestment",
    inputType: "RecordInvestmentInput",
    input: () => fc.record({ companyId: id("alpha", "startup"), investorName: text, amount: money, investedOn: date(), note: text }),
  },
  {
    mutation: "setScoreWeights",
    inputType: "SetScoreWeightsInput",
    input: () => fc.record({ weights: fc.array(fc.record({ factor: fc.constantFrom("ON_TIME_DELIVERY", "LOAD", "GROWTH", "WIN_RATE", "PRICE_LEVEL"), weight: int }), { maxLength: 9 }) }),
  },
  { mutation: "bidFromInstantQuote", inputType: "BidFromInstantQuoteInput", input: () => fc.record({ orderId: id("orderId"), quantity: safeInt }) },
];

const callers = () => fc.constantFrom<() => string | undefined>(
  () => market.startup.token,
  () => market.contractors[0].token,
  () => market.contractors[1].token,
  () => market.coordinator,
  () => undefined,
);

describe("hostile input to every mutation", () => {
  it.each(cases.map((c) => [c.mutation, c] as const))("%s: never a 5xx, always a known code, nothing written when refused", async (_name, c) => {
    const document = `mutation($input: ${c.inputType}!) { result: ${c.mutation}(input: $input) { userErrors { code field message } } }`;
    await fc.assert(
      fc.asyncProperty(c.input(), callers(), async (input, caller) => {
        const before = await snapshot(server);
        const res = await server.gql(document, { input }, caller());
        expect(res.status).toBeLessThan(500);
        if (res.errors) {
          for (const e of res.errors) expect(KNOWN_ERROR_CODES).toContain(e.extensions?.code);
          expect(await snapshot(server)).toEqual(before);
          return;
        }
        const { userErrors } = res.data.result;
        if (userErrors.length > 0) {
          for (const e of userErrors) {
            expect(USER_ERROR_CODES).toContain(e.code);
            expect(e.message.length).toBeGreaterThan(5);
          }
          expect(await snapshot(server)).toEqual(before);
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
  });
});

describe("control characters in text", () => {
  // Found by the property above on PostgreSQL, whose text cannot hold U+0000 (SQLite stored it):
  // refused on both stores alike, with the field and the character named.
  it("refuses a NUL or a bell in a name or a description as INVALID_FORMAT, and writes nothing", async () => {
    const CREATE_PARK = `mutation($input: CreateParkInput!) { createPark(input: $input) { park { id } userErrors { code field message } } }`;
    expect(await refusedWith(server, CREATE_PARK, { name: "Park", kind: "TECHNOPARK", region: "Tomsk", description: "a\u0000b" }, market.coordinator)).toEqual([["INVALID_FORMAT", "description"]]);
    expect(await refusedWith(server, CREATE_PARK, { name: "Pa\u0007rk", kind: "TECHNOPARK", region: "Tomsk" }, market.coordinator)).toEqual([["INVALID_FORMAT", "name"]]);
    const res = await server.gql(CREATE_PARK, { input: { name: "Park\tof two lines", kind: "TECHNOPARK", region: "Tomsk", description: "Line one\nline two\ttabbed" } }, market.coordinator);
    expect(res.data.createPark.userErrors).toEqual([]);
  });

  it("refuses a control character in a company-name search as BAD_USER_INPUT", async () => {
    const res = await server.gql(`query($filter: CompanyFilter) { companies(first: 5, filter: $filter) { nodes { id } } }`, { filter: { nameContains: "a\u0000" } });
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["BAD_USER_INPUT", "nameContains must not contain control characters."]]);
  });
});

describe("lead times past the calendar", () => {
  it.each([100_000_000, 2 ** 31 - 1])("submitBid and reviseBid with leadTimeDays %d: OUT_OF_RANGE on the field, nothing written", async (leadTimeDays) => {
    const fresh = await postOrder(server, market);
    const before = await snapshot(server);
    const submit = await server.gql(
      `mutation($input: SubmitBidInput!) { submitBid(input: $input) { bid { id } userErrors { code field } } }`,
      { input: { orderId: fresh, unitPrice: { amount: "1000.00", currency: "RUB" }, minLot: 1, maxQuantity: 10, leadTimeDays, validUntil: instantIn(server, 3 * 86_400_000) } },
      market.contractors[1].token,
    );
    expect(submit.errors).toBeUndefined();
    expect(submit.data.submitBid.userErrors).toContainEqual({ code: "OUT_OF_RANGE", field: ["leadTimeDays"] });
    const revise = await server.gql(
      `mutation($input: ReviseBidInput!) { reviseBid(input: $input) { bid { id } userErrors { code field } } }`,
      { input: { bidId: ids.alphaBid, leadTimeDays } },
      market.contractors[0].token,
    );
    expect(revise.errors).toBeUndefined();
    expect(revise.data.reviseBid.userErrors).toContainEqual({ code: "OUT_OF_RANGE", field: ["leadTimeDays"] });
    expect(await snapshot(server)).toEqual(before);
  });
});
