import { ADD_ENGINEER, DECLARE_OFFER, createPark, registerCompany, type RegisteredCompany } from "./fixtures";
import type { TestServer } from "./server";

export const DAY = 24 * 60 * 60 * 1000;

export const POST_ORDER = /* GraphQL */ `
  mutation Post($input: PostOrderInput!) {
    postOrder(input: $input) {
      order { id status quantity neededBy acceptingBids sourcingPolicy { maxSharePercent minContractors } maxUnitPrice { amount } }
      userErrors { code field message }
    }
  }
`;

export const SUBMIT_BID = /* GraphQL */ `
  mutation Submit($input: SubmitBidInput!) {
    submitBid(input: $input) {
      bid { id status revision terms { unitPrice { amount } minLot maxQuantity engineerHoursPerUnit leadTimeDays } }
      userErrors { code field message }
    }
  }
`;

export const AWARD = /* GraphQL */ `
  mutation Award($input: AwardOrderInput!) {
    awardOrder(input: $input) {
      order { id status }
      contracts { id quantity unitPrice { amount } value { amount minorUnits } promisedDate status contractor { id } customer { id } }
      userErrors { code field message }
    }
  }
`;

/** A date `days` from the server's today, as YYYY-MM-DD (Moscow time, like the server). */
export function dateIn(server: Pick<TestServer, "now">, days: number): string {
  return new Date(server.now().getTime() + 3 * 60 * 60 * 1000 + days * DAY).toISOString().slice(0, 10);
}

export function instantIn(server: Pick<TestServer, "now">, ms: number): string {
  return new Date(server.now().getTime() + ms).toISOString();
}

export interface Market {
  coordinator: string;
  parkId: string;
  capabilityId: string;
  otherCapabilityId: string;
  startup: RegisteredCompany;
  otherStartup: RegisteredCompany;
  contractors: RegisteredCompany[];
}

/** A park with two startups and three contract companies that offer the same capability. */
export async function buildMarket(server: TestServer): Promise<Market> {
  const coordinator = await server.token("COORDINATOR");
  const parkId = await createPark(server, coordinator, "Market Park");
  const addCapability = async (name: string) =>
    (await server.gql(`mutation($input: AddCapabilityInput!) { addCapability(input: $input) { capability { id } } }`, { input: { name } }, coordinator)).data
      .addCapability.capability.id;
  const capabilityId = await addCapability("Composites");
  const otherCapabilityId = await addCapability("Casting");
  const contractors: RegisteredCompany[] = [];
  for (const name of ["Alpha Fab", "Beta Works", "Gamma Plant"]) contractors.push(await addContractor(server, parkId, capabilityId, name));
  return {
    coordinator,
    parkId,
    capabilityId,
    otherCapabilityId,
    startup: await registerCompany(server, parkId, "Composite Startup", "PRODUCT"),
    otherStartup: await registerCompany(server, parkId, "Another Startup", "PRODUCT"),
    contractors,
  };
}

/**
 * A contract company of the park offering `capabilityId` at 1000.00 a unit and 0.5 engineer-hours
 * a unit, with four engineers of 40 h: 160 engineer-hours a week, 320 units of this work.
 */
export async function addContractor(server: Pick<TestServer, "gql">, parkId: string, capabilityId: string, name: string): Promise<RegisteredCompany> {
  const contractor = await registerCompany(server, parkId, name, "CONTRACT", 100);
  const offer = await server.gql(
    DECLARE_OFFER,
    { input: { capabilityId, unitPrice: { amount: "1000.00" }, engineerHoursPerUnit: 0.5, minLeadDays: 5, minLot: 1, maxLot: 100000 } },
    contractor.token,
  );
  expect(offer.data.declareCapabilityOffer.userErrors).toEqual([]);
  for (const engineer of ["One", "Two", "Three", "Four"]) {
    const added = await server.gql(ADD_ENGINEER, { input: { name: `${name} engineer ${engineer}`, role: "ENGINEER" } }, contractor.token);
    expect(added.data.addEngineer.userErrors).toEqual([]);
  }
  return contractor;
}

export function orderInput(server: Pick<TestServer, "now">, market: Market, overrides: Record<string, unknown> = {}) {
  return {
    title: "Carbon fibre housings",
    description: "Housings for a medical laser, generation 2",
    capabilityId: market.capabilityId,
    quantity: 1000,
    neededBy: dateIn(server, 90),
    maxUnitPrice: { amount: "1500.00" },
    biddingClosesAt: instantIn(server, 14 * DAY),
    sourcingPolicy: { maxSharePercent: 60, minContractors: 2 },
    ...overrides,
  };
}

export async function postOrder(server: TestServer, market: Market, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await server.gql(POST_ORDER, { input: orderInput(server, market, overrides) }, market.startup.token);
  expect(res.data.postOrder.userErrors).toEqual([]);
  return res.data.postOrder.order.id;
}

export function bidInput(server: Pick<TestServer, "now">, orderId: string, overrides: Record<string, unknown> = {}) {
  return {
    orderId,
    unitPrice: { amount: "1200.00" },
    minLot: 100,
    maxQuantity: 600,
    leadTimeDays: 30,
    validUntil: instantIn(server, 30 * DAY),
    ...overrides,
  };
}

export async function submitBid(server: TestServer, token: string, orderId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await server.gql(SUBMIT_BID, { input: bidInput(server, orderId, overrides) }, token);
  expect(res.data.submitBid.userErrors).toEqual([]);
  return res.data.submitBid.bid.id;
}

export const START = /* GraphQL */ `
  mutation Start($input: StartContractProductionInput!) {
    startContractProduction(input: $input) { contract { status order { status } } userErrors { code field message } }
  }
`;

const DELIVERY_FIELDS = `delivery { id quantity value { amount } status deliveredOn late decidedOn rejectReason }
  contract { status pendingQuantity acceptedQuantity remainingQuantity acceptedValue { amount } order { status } }
  userErrors { code field message }`;

export const RECORD_DELIVERY = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { ${DELIVERY_FIELDS} } }`;
export const ACCEPT_DELIVERY = `mutation($input: AcceptDeliveryInput!) { acceptDelivery(input: $input) { ${DELIVERY_FIELDS} } }`;
export const REJECT_DELIVERY = `mutation($input: RejectDeliveryInput!) { rejectDelivery(input: $input) { ${DELIVERY_FIELDS} } }`;

/** Starts a contract (if `start`), delivers `quantity` units and has the customer accept them; returns the accept payload. */
export async function deliverAndAccept(server: TestServer, contractorToken: string, customerToken: string, contractId: string, quantity: number, start = false) {
  if (start) expect((await server.gql(START, { input: { contractId } }, contractorToken)).data.startContractProduction.userErrors).toEqual([]);
  const recorded = (await server.gql(RECORD_DELIVERY, { input: { contractId, quantity } }, contractorToken)).data.recordDelivery;
  expect(recorded.userErrors).toEqual([]);
  const accepted = (await server.gql(ACCEPT_DELIVERY, { input: { deliveryId: recorded.delivery.id } }, customerToken)).data.acceptDelivery;
  expect(accepted.userErrors).toEqual([]);
  return accepted;
}
