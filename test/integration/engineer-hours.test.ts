import { AWARD, buildMarket, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Engineer-hours per unit are a contractor's internal figure (README, Who may do what): the
 * contractor and the coordinator see them, on every path that carries them; the customer, who
 * sees the bid's price, lots and date, does not; a competitor sees neither.
 */
let server: TestServer;
let market: Market;
let orderId: string;
let bidId: string;
let contractId: string;

const BID = `query($id: ID!) { node(id: $id) { ... on Bid { terms { engineerHoursPerUnit } revisions { nodes { terms { engineerHoursPerUnit } } } } } }`;
const QUOTES = `query($id: ID!) { node(id: $id) { ... on Order { instantQuotes(quantity: 100) { company { name } engineerHours } } } }`;
const CONTRACT = `query($id: ID!) { node(id: $id) { ... on Contract { engineerHoursPerUnit } } }`;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  const [alpha, beta] = market.contractors;
  orderId = await postOrder(server, market);
  // No figure of its own: the bid copies the offer's 0.5 h per unit.
  bidId = await submitBid(server, alpha.token, orderId, { minLot: 1, maxQuantity: 600 });
  const revised = await server.gql(`mutation($input: ReviseBidInput!) { reviseBid(input: $input) { userErrors { code } } }`, { input: { bidId, engineerHoursPerUnit: 0.75 } }, alpha.token);
  expect(revised.data.reviseBid.userErrors).toEqual([]);
  await submitBid(server, beta.token, orderId, { minLot: 1, maxQuantity: 600 });
  // The quotes are read while the order is open; the contract is made from a second order.
  const other = await postOrder(server, market);
  const alphaOnOther = await submitBid(server, alpha.token, other, { minLot: 1, maxQuantity: 600 });
  const betaOnOther = await submitBid(server, beta.token, other, { minLot: 1, maxQuantity: 600 });
  const award = await server.gql(AWARD, { input: { orderId: other, allocations: [{ bidId: alphaOnOther, quantity: 600 }, { bidId: betaOnOther, quantity: 400 }] } }, market.startup.token);
  expect(award.data.awardOrder.userErrors).toEqual([]);
  contractId = award.data.awardOrder.contracts.find((c: { contractor: { id: string } }) => c.contractor.id === alpha.id).id;
});
afterAll(() => server.close());

const viewers = () => ({
  "the contractor": market.contractors[0].token,
  "the coordinator": market.coordinator,
  "the customer": market.startup.token,
});

describe("engineer-hours per unit", () => {
  it.each(["the contractor", "the coordinator"] as const)("%s sees them on the bid, its revisions, its quote and its contract", async (who) => {
    const token = viewers()[who];
    const bid = (await server.gql(BID, { id: bidId }, token)).data.node;
    expect(bid.terms.engineerHoursPerUnit).toBe(0.75);
    expect(bid.revisions.nodes.map((r: any) => r.terms.engineerHoursPerUnit)).toEqual([0.5, 0.75]);
    const quotes = (await server.gql(QUOTES, { id: orderId }, token)).data.node.instantQuotes;
    expect(quotes.find((q: any) => q.company.name === "Alpha Fab").engineerHours).toBe(50);
    expect((await server.gql(CONTRACT, { id: contractId }, token)).data.node.engineerHoursPerUnit).toBe(0.5);
  });

  it("the customer sees none of them, on any path, while it sees the bid's other terms", async () => {
    const token = viewers()["the customer"];
    const bid = await server.gql(`query($id: ID!) { node(id: $id) { ... on Bid { terms { unitPrice { amount } engineerHoursPerUnit } revisions { nodes { terms { engineerHoursPerUnit } } } } } }`, { id: bidId }, token);
    expect(bid.errors).toBeUndefined();
    expect(bid.data.node.terms).toEqual({ unitPrice: { amount: "1200.00" }, engineerHoursPerUnit: null });
    expect(bid.data.node.revisions.nodes.map((r: any) => r.terms.engineerHoursPerUnit)).toEqual([null, null]);
    const quotes = (await server.gql(QUOTES, { id: orderId }, token)).data.node.instantQuotes;
    expect(quotes).toHaveLength(3);
    expect(quotes.map((q: any) => q.engineerHours)).toEqual([null, null, null]);
    expect((await server.gql(CONTRACT, { id: contractId }, token)).data.node.engineerHoursPerUnit).toBeNull();
  });

  it("a competitor sees neither the bid nor the others' hours in its quotes", async () => {
    const beta = market.contractors[1].token;
    expect((await server.gql(BID, { id: bidId }, beta)).data.node).toBeNull();
    const quotes = (await server.gql(QUOTES, { id: orderId }, beta)).data.node.instantQuotes;
    expect(quotes).toEqual([{ company: { name: "Beta Works" }, engineerHours: 50 }]);
  });
});
