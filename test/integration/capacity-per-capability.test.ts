import { weekStart } from "../../src/capacity/weeks";
import { addDays } from "../../src/shared/time";
import { ADD_ENGINEER, DECLARE_OFFER } from "../support/fixtures";
import { invariantViolations, NO_VIOLATIONS } from "../support/invariants";
import { AWARD, buildMarket, dateIn, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Capacity per capability: Alpha Fab (four engineers of 40 h holding Composites) takes up
 * Casting too; one engineer is given Casting only, so Casting has 40 h a week and Composites
 * 120 h. Quotes, awards, the load report and the heat-map then tell the two apart.
 */
const ENGINEERS = `query($id: ID!) { node(id: $id) { ... on Company { engineers(first: 10) { nodes { id name capabilities { name } } } } } }`;
const UPDATE_ENGINEER = `mutation($input: UpdateEngineerInput!) { updateEngineer(input: $input) { engineer { capabilities { name } } userErrors { code field message } } }`;
const LOAD = `query($asOf: LocalDate) { loadReport(asOf: $asOf, weeks: 4) {
  weeks { bookedHours availableHours }
  capabilities { capability { name } weeks { bookedHours availableHours } peakUtilisation runsShort } } }`;
const QUOTES = `query($id: ID!) { node(id: $id) { ... on Order { instantQuotes { earliestCompletionDate } } } }`;
const HEAT = `query($parkId: ID!, $asOf: LocalDate) { capacityHeatMap(parkId: $parkId, asOf: $asOf, weeks: 4) { capabilities { capability { name } weeks { availableHours bookedHours } runsShort } } }`;
const BOOKINGS = `query($id: ID!) { node(id: $id) { ... on Contract { bookings(first: 20) { nodes { engineer { name } hours } } } } }`;

let server: TestServer;
let market: Market;
let engineers: { id: string; name: string; capabilities: { name: string }[] }[];
const alpha = () => market.contractors[0];

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  // Casting at 1000.00 a unit and 0.5 h, as Composites.
  const offer = await server.gql(DECLARE_OFFER, { input: { capabilityId: market.otherCapabilityId, unitPrice: { amount: "1000.00" }, engineerHoursPerUnit: 0.5, minLeadDays: 5, minLot: 1, maxLot: 100000 } }, alpha().token);
  expect(offer.data.declareCapabilityOffer.userErrors).toEqual([]);
  engineers = (await server.gql(ENGINEERS, { id: alpha().id }, alpha().token)).data.node.engineers.nodes;
});
afterAll(() => server.close());

describe("capacity per capability", () => {
  it("staffs a company's first offer in a capability with all its engineers, and lets each engineer's skills be narrowed", async () => {
    // No engineer held Casting: the new offer is staffed by all four.
    for (const engineer of engineers) expect(engineer.capabilities.map((c) => c.name)).toEqual(["Composites", "Casting"]);
    const castingOnly = await server.gql(UPDATE_ENGINEER, { input: { engineerId: engineers[0].id, capabilityIds: [market.otherCapabilityId] } }, alpha().token);
    expect(castingOnly.data.updateEngineer).toEqual({ engineer: { capabilities: [{ name: "Casting" }] }, userErrors: [] });
    for (const engineer of engineers.slice(1)) {
      const res = await server.gql(UPDATE_ENGINEER, { input: { engineerId: engineer.id, capabilityIds: [market.capabilityId] } }, alpha().token);
      expect(res.data.updateEngineer.userErrors).toEqual([]);
    }
    // A new engineer holds what the company offers unless told otherwise.
    const added = await server.gql(`mutation($input: AddEngineerInput!) { addEngineer(input: $input) { engineer { capabilities { name } } userErrors { code field } } }`, { input: { name: "Trainee", role: "ENGINEER", weeklyHours: 20, capabilityIds: ["nothing"] } }, alpha().token);
    expect(added.data.addEngineer.userErrors).toEqual([{ code: "NOT_FOUND", field: ["capabilityIds", "0"] }]);
    const defaulted = await server.gql(ADD_ENGINEER, { input: { name: "Fifth", role: "ENGINEER", weeklyHours: 40 } }, alpha().token);
    expect(defaulted.data.addEngineer.userErrors).toEqual([]);
    const fifth = (await server.gql(ENGINEERS, { id: alpha().id }, alpha().token)).data.node.engineers.nodes.find((e: { name: string }) => e.name === "Fifth");
    expect(fifth.capabilities.map((c: { name: string }) => c.name)).toEqual(["Composites", "Casting"]);
    // Fifth off again, so that the figures below are one engineer's Casting and three engineers' Composites.
    expect((await server.gql(UPDATE_ENGINEER, { input: { engineerId: fifth.id, active: false } }, alpha().token)).data.updateEngineer.userErrors).toEqual([]);
  });

  it("quotes from the free hours of the capability's own engineers", async () => {
    // 200 units at 0.5 h = 100 h: Casting's one engineer needs three weeks, Composites' three engineers one.
    const casting = await postOrder(server, market, { capabilityId: market.otherCapabilityId, quantity: 200, neededBy: dateIn(server, 120) });
    const composites = await postOrder(server, market, { quantity: 200, neededBy: dateIn(server, 120) });
    const quoteOf = async (orderId: string) => (await server.gql(QUOTES, { id: orderId }, alpha().token)).data.node.instantQuotes[0].earliestCompletionDate as string;
    const monday = weekStart(dateIn(server, 0));
    // Casting: 40 h, 40 h, then the last 20 h in the third week: done at its end.
    expect(await quoteOf(casting)).toBe(addDays(monday, 20));
    // Composites: all 100 h in this week's 120, no sooner than the offer's 5 days.
    const byLead = dateIn(server, 5);
    expect(await quoteOf(composites)).toBe(byLead > addDays(monday, 6) ? byLead : addDays(monday, 6));
  });

  it("books a capability's work on its own engineers only, and the load report and the heat-map say which capability runs short", async () => {
    const orderId = await postOrder(server, market, { capabilityId: market.otherCapabilityId, quantity: 160, neededBy: dateIn(server, 120), sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
    const bidId = await submitBid(server, alpha().token, orderId, { minLot: 1, maxQuantity: 160, leadTimeDays: 60 });
    const award = (await server.gql(AWARD, { input: { orderId, allocations: [{ bidId, quantity: 160 }] } }, market.startup.token)).data.awardOrder;
    expect(award.userErrors).toEqual([]);
    expect(await invariantViolations(server.database)).toEqual(NO_VIOLATIONS);
    // 80 h, all on the one Casting engineer: 40 h in each of the first two weeks.
    const bookings = (await server.gql(BOOKINGS, { id: award.contracts[0].id }, alpha().token)).data.node.bookings.nodes;
    expect(bookings.map((b: { engineer: { name: string }; hours: number }) => [b.engineer.name, b.hours])).toEqual([
      [engineers[0].name, 40],
      [engineers[0].name, 40],
    ]);
    const load = (await server.gql(LOAD, { asOf: dateIn(server, 0) }, alpha().token)).data.loadReport;
    expect(load.weeks.slice(0, 2)).toEqual([{ bookedHours: 40, availableHours: 160 }, { bookedHours: 40, availableHours: 160 }]);
    const byName = Object.fromEntries(load.capabilities.map((c: { capability: { name: string } }) => [c.capability.name, c]));
    expect(byName.Casting).toMatchObject({ peakUtilisation: 1, runsShort: true });
    expect(byName.Casting.weeks.slice(0, 3)).toEqual([{ bookedHours: 40, availableHours: 40 }, { bookedHours: 40, availableHours: 40 }, { bookedHours: 0, availableHours: 40 }]);
    expect(byName.Composites).toMatchObject({ peakUtilisation: 0, runsShort: false });
    expect(byName.Composites.weeks[0]).toEqual({ bookedHours: 0, availableHours: 120 });
    const heat = (await server.gql(HEAT, { parkId: market.parkId, asOf: dateIn(server, 0) }, market.coordinator)).data.capacityHeatMap.capabilities;
    const row = (name: string) => heat.find((c: { capability: { name: string } }) => c.capability.name === name);
    // Casting: only Alpha offers it, with its one engineer; Composites: three contractors, 120 + 160 + 160 h.
    expect(row("Casting")).toMatchObject({ runsShort: true });
    expect(row("Casting").weeks[0]).toEqual({ availableHours: 40, bookedHours: 40 });
    expect(row("Composites")).toMatchObject({ runsShort: false });
    expect(row("Composites").weeks[0]).toEqual({ availableHours: 440, bookedHours: 0 });
  });

  it("moves work only to an engineer who holds its capability, and keeps a skill while work in it is booked", async () => {
    const contract = (await server.gql(`{ myContracts(first: 5) { nodes { id } } }`, {}, alpha().token)).data.myContracts.nodes[0].id;
    const reassign = await server.gql(
      `mutation($input: ReassignWorkInput!) { reassignWork(input: $input) { userErrors { code field message } } }`,
      { input: { contractId: contract, fromEngineerId: engineers[0].id, toEngineerId: engineers[1].id, weekOf: dateIn(server, 0), hours: 10 } },
      alpha().token,
    );
    expect(reassign.data.reassignWork.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", field: ["toEngineerId"] })]);
    const dropped = await server.gql(UPDATE_ENGINEER, { input: { engineerId: engineers[0].id, capabilityIds: [market.capabilityId] } }, alpha().token);
    expect(dropped.data.updateEngineer.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE", field: ["capabilityIds"], message: expect.stringContaining("Casting (80 h)") })]);
    // Refused whole: the engineer still holds Casting.
    const still = (await server.gql(ENGINEERS, { id: alpha().id }, alpha().token)).data.node.engineers.nodes[0];
    expect(still.capabilities).toEqual([{ name: "Casting" }]);
  });
});
