import { createPark, refusedWith } from "../support/fixtures";
import { addContractor, buildMarket, postOrder, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The capability model in full over HTTP: the coordinator adds two entered sub-factors to the
 * contractor score (certifications, equipment age), enters values for Alpha, gives one park its
 * own weights; product companies have a customer score of their own.
 */
const FACTORS = `query($subject: ScoreSubject) { scoreFactors(subject: $subject) { code name subject component source reference lowerIsBetter } }`;
const ADD = `mutation($input: AddScoreFactorInput!) { addScoreFactor(input: $input) { factor { code source reference lowerIsBetter } userErrors { code field message } } }`;
const RECORD = `mutation($input: RecordScoreFactorValueInput!) { recordScoreFactorValue(input: $input) { value { factor value note enteredBy enteredAt } userErrors { code field message } } }`;
const SET = `mutation($input: SetScoreWeightsInput!) { setScoreWeights(input: $input) { weights { factor weight parkOwn } userErrors { code field message } } }`;
const WEIGHTS = `query($subject: ScoreSubject, $parkId: ID) { scoreWeights(subject: $subject, parkId: $parkId) { factor component weight parkOwn } }`;
const CARD = `query($id: ID!) { node(id: $id) { ... on Company { scorecard { subject score components { component factors { factor name source level measured weight points measure enteredBy enteredAt } } } } } }`;

let server: TestServer;
let market: Market;
let farAlpha: { id: string; token: string };

const card = async (id: string, token: string) => (await server.gql(CARD, { id }, token)).data.node.scorecard;
const factorOf = (scorecard: any, code: string) => scorecard.components.flatMap((c: any) => c.factors).find((f: any) => f.factor === code);
const contractorWeights = async (overrides: Record<string, number>) =>
  (await server.gql(WEIGHTS, { subject: "CONTRACTOR" }, market.coordinator)).data.scoreWeights.map((w: { factor: string }) => ({ factor: w.factor, weight: overrides[w.factor] ?? 0 }));

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  const farPark = await createPark(server, market.coordinator, "Far Park");
  farAlpha = await addContractor(server, farPark, market.capabilityId, "Far Alpha");
});
afterAll(() => server.close());

describe("the capability model", () => {
  it("lists the measured sub-factors of both scores", async () => {
    const all = (await server.gql(FACTORS, {}, market.contractors[0].token)).data.scoreFactors;
    expect(all.filter((f: { subject: string }) => f.subject === "CONTRACTOR").map((f: { code: string }) => f.code)).toEqual(["ON_TIME_DELIVERY", "ACCEPTED_QUALITY", "LOAD", "REVENUE_PER_EMPLOYEE", "GROWTH", "WIN_RATE", "PRICE_LEVEL"]);
    const customer = (await server.gql(FACTORS, { subject: "CUSTOMER" }, market.startup.token)).data.scoreFactors;
    expect(customer.map((f: { code: string; component: string }) => [f.code, f.component])).toEqual([
      ["ORDERS_PLACED", "VIABILITY"],
      ["PROMPT_DECISIONS", "VIABILITY"],
      ["ORDER_GROWTH", "DEVELOPMENT"],
      ["AWARD_RATE", "COMPETITIVENESS"],
    ]);
    for (const f of [...all, ...customer]) expect(f).toMatchObject({ source: "MEASURED", reference: null });
  });

  it("lets the coordinator add entered sub-factors, refusing bad ones by field", async () => {
    const certifications = { code: "CERTIFICATIONS", name: "Certifications", description: "ISO 9001, AS9100 and the like, counted.", component: "DEVELOPMENT", subject: "CONTRACTOR", reference: 5 };
    const added = (await server.gql(ADD, { input: certifications }, market.coordinator)).data.addScoreFactor;
    expect(added).toEqual({ factor: { code: "CERTIFICATIONS", source: "ENTERED", reference: 5, lowerIsBetter: false }, userErrors: [] });
    const age = (await server.gql(ADD, { input: { code: "EQUIPMENT_AGE", name: "Equipment age", component: "COMPETITIVENESS", subject: "CONTRACTOR", reference: 10, lowerIsBetter: true } }, market.coordinator)).data.addScoreFactor;
    expect(age.userErrors).toEqual([]);
    expect(await refusedWith(server, ADD, { ...certifications, name: " ", reference: 0 }, market.coordinator)).toEqual([
      ["TAKEN", "code"],
      ["BLANK", "name"],
      ["OUT_OF_RANGE", "reference"],
    ]);
    expect(await refusedWith(server, ADD, { ...certifications, code: "x y" }, market.coordinator)).toEqual([["INVALID_FORMAT", "code"]]);
    expect((await server.gql(ADD, { input: { ...certifications, code: "PATENTS" } }, await server.token("INVESTOR"))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // A new sub-factor weighs 0 until the weights are set again: the scores do not move.
    expect((await server.gql(WEIGHTS, {}, market.coordinator)).data.scoreWeights.filter((w: { factor: string }) => ["CERTIFICATIONS", "EQUIPMENT_AGE"].includes(w.factor))).toEqual([
      { factor: "CERTIFICATIONS", component: "DEVELOPMENT", weight: 0, parkOwn: false },
      { factor: "EQUIPMENT_AGE", component: "COMPETITIVENESS", weight: 0, parkOwn: false },
    ]);
  });

  it("takes values per company with who entered them and when, the latest in force", async () => {
    const alpha = market.contractors[0];
    const first = (await server.gql(RECORD, { input: { companyId: alpha.id, factor: "CERTIFICATIONS", value: 2, note: "ISO 9001" } }, market.coordinator)).data.recordScoreFactorValue;
    expect(first).toMatchObject({ value: { factor: "CERTIFICATIONS", value: 2, note: "ISO 9001", enteredBy: "coordinator holder" }, userErrors: [] });
    await server.gql(RECORD, { input: { companyId: alpha.id, factor: "CERTIFICATIONS", value: 3, note: "ISO 9001, AS9100, ISO 14001" } }, market.coordinator);
    await server.gql(RECORD, { input: { companyId: alpha.id, factor: "EQUIPMENT_AGE", value: 20 } }, market.coordinator);
    expect(await refusedWith(server, RECORD, { companyId: alpha.id, factor: "LOAD", value: 1 }, market.coordinator)).toEqual([["INVALID_STATE", "factor"]]);
    expect(await refusedWith(server, RECORD, { companyId: market.startup.id, factor: "CERTIFICATIONS", value: 1 }, market.coordinator)).toEqual([["INVALID_STATE", "factor"]]);
    expect(await refusedWith(server, RECORD, { companyId: alpha.id, factor: "NOTHING", value: -1 }, market.coordinator)).toEqual([
      ["OUT_OF_RANGE", "value"],
      ["NOT_FOUND", "factor"],
    ]);
    const own = await card(alpha.id, alpha.token);
    // 3 of 5 certifications: 0.6; 20 years against 10 or less: 0.5.
    expect(factorOf(own, "CERTIFICATIONS")).toMatchObject({ name: "Certifications", source: "ENTERED", level: 0.6, measured: true, weight: 0, enteredBy: "coordinator holder" });
    expect(factorOf(own, "CERTIFICATIONS").measure).toMatch(/^Certifications: 3, entered by coordinator holder on \d{4}-\d\d-\d\d \(5 or more scores 1\)\.$/);
    expect(factorOf(own, "EQUIPMENT_AGE")).toMatchObject({ level: 0.5, measured: true });
    // A buyer reads the level, not the value.
    expect(factorOf(await card(alpha.id, market.startup.token), "CERTIFICATIONS").measure).toBe("ISO 9001, AS9100 and the like, counted. Level 0.6 of 1.");
    // Beta has none entered: neutral.
    expect(factorOf(await card(market.contractors[1].id, market.coordinator), "CERTIFICATIONS")).toMatchObject({ level: 0.5, measured: false, enteredBy: null, enteredAt: null });
  });

  it("sets weights per park: its companies are scored by its own, the others by the defaults", async () => {
    const parkOwn = await contractorWeights({ CERTIFICATIONS: 50, EQUIPMENT_AGE: 50 });
    const missing = (await server.gql(SET, { input: { parkId: market.parkId, weights: parkOwn.slice(1) } }, market.coordinator)).data.setScoreWeights;
    expect(missing.userErrors).toEqual([{ code: "WEIGHTS_DO_NOT_ADD_UP", field: ["weights"], message: "Every sub-factor needs a weight; missing: ON_TIME_DELIVERY." }]);
    const set = (await server.gql(SET, { input: { parkId: market.parkId, subject: "CONTRACTOR", weights: parkOwn } }, market.coordinator)).data.setScoreWeights;
    expect(set.userErrors).toEqual([]);
    expect(set.weights.find((w: { factor: string }) => w.factor === "CERTIFICATIONS")).toEqual({ factor: "CERTIFICATIONS", weight: 50, parkOwn: true });
    // Alpha (this park): 50 x 0.6 + 50 x 0.5 = 55. Far Alpha (another park) keeps the defaults.
    expect((await card(market.contractors[0].id, market.coordinator)).score).toBe(55);
    const far = await card(farAlpha.id, market.coordinator);
    expect(factorOf(far, "ON_TIME_DELIVERY").weight).toBe(20);
    expect(factorOf(far, "CERTIFICATIONS").weight).toBe(0);
    expect((await server.gql(WEIGHTS, { parkId: market.parkId }, market.coordinator)).data.scoreWeights[0]).toMatchObject({ parkOwn: true, weight: 0 });
    expect((await server.gql(WEIGHTS, {}, market.coordinator)).data.scoreWeights[0]).toMatchObject({ parkOwn: false, weight: 20 });
  });

  it("scores customers on their own sub-factors, seen by producers but not by other customers", async () => {
    for (let i = 0; i < 3; i++) await postOrder(server, market);
    const customer = await card(market.startup.id, market.contractors[0].token);
    expect(customer.subject).toBe("CUSTOMER");
    expect(customer.components.map((c: any) => [c.component, c.factors.map((f: any) => f.factor)])).toEqual([
      ["VIABILITY", ["ORDERS_PLACED", "PROMPT_DECISIONS"]],
      ["DEVELOPMENT", ["ORDER_GROWTH"]],
      ["COMPETITIVENESS", ["AWARD_RATE"]],
    ]);
    // Three orders of the twelve a year that score 1: 0.25, x 25 points.
    expect(factorOf(customer, "ORDERS_PLACED")).toMatchObject({ level: 0.25, measured: true, weight: 25, points: 6.3 });
    // Nothing decided yet: the rest neutral. 6.25 + 0.5 x (30 + 25 + 20) = 43.75.
    expect(customer.score).toBe(43.8);
    expect(await card(market.startup.id, market.otherStartup.token)).toBeNull();
    expect((await card(market.startup.id, market.startup.token)).subject).toBe("CUSTOMER");
  });
});
