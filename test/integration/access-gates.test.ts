import { GATES, mayOrder, type Action } from "../../src/access/policy";
import type { Role } from "../../src/core/viewer";
import { buildWorld, snapshot, type World } from "../support/fixtures";
import { liveClient } from "../support/live";
import request from "supertest";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every role gate of src/access/policy.ts (GATES) against every kind of caller, over HTTP (and
 * WebSocket for subscriptions): the
 * expected cell comes from the gate itself (no token: UNAUTHENTICATED; a role, or for a member a
 * kind of company, the gate does not name: FORBIDDEN; else through), the actual one from the
 * API. Each probe's input is wrong past the gate (blank names, ids of nothing), so that a caller
 * let through is refused by the use case, never by the gate, and nothing is written.
 */
let server: TestServer;
let world: World;
let before: Awaited<ReturnType<typeof snapshot>>;

type Caller = "anonymous" | "coordinator" | "investor" | "product member" | "contract member";
const CALLERS: Caller[] = ["anonymous", "coordinator", "investor", "product member", "contract member"];

const later = () => new Date(Date.now() + 10 * 86_400_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const mutation = (name: string, inputType: string, input: () => Record<string, unknown>) => ({
  query: `mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code } } }`,
  variables: () => ({ input: input() }),
});
const query = (text: string) => ({ query: text, variables: () => ({}) });

/** `underViewer`: the field hangs under `viewer`, which is null without a token (so nothing of it is reached). */
const PROBES: Record<Action, { query: string; variables: () => Record<string, unknown>; overWebSocket?: true; underViewer?: true; overUpload?: true }> = {
  createPark: mutation("createPark", "CreateParkInput", () => ({ name: " ", kind: "TECHNOPARK", region: " " })),
  addCapability: mutation("addCapability", "AddCapabilityInput", () => ({ name: " " })),
  updateCompanyProfile: mutation("updateCompanyProfile", "UpdateCompanyProfileInput", () => ({ companyId: "nothing" })),
  issueApiToken: mutation("issueApiToken", "IssueApiTokenInput", () => ({ role: "MEMBER", holderName: " " })),
  revokeApiToken: mutation("revokeApiToken", "RevokeApiTokenInput", () => ({ apiTokenId: "nothing" })),
  addEngineer: mutation("addEngineer", "AddEngineerInput", () => ({ name: " ", role: "ENGINEER" })),
  updateEngineer: mutation("updateEngineer", "UpdateEngineerInput", () => ({ engineerId: "nothing" })),
  declareCapabilityOffer: mutation("declareCapabilityOffer", "DeclareCapabilityOfferInput", () => ({
    capabilityId: "nothing",
    unitPrice: { amount: "0" },
    engineerHoursPerUnit: 1,
    minLeadDays: 1,
    minLot: 1,
    maxLot: 1,
  })),
  updateCapabilityOffer: mutation("updateCapabilityOffer", "UpdateCapabilityOfferInput", () => ({ capabilityOfferId: "nothing" })),
  postOrder: mutation("postOrder", "PostOrderInput", () => ({ title: " ", capabilityId: "nothing", quantity: 1, neededBy: today(), biddingClosesAt: later(), sourcingPolicy: {} })),
  postChain: mutation("postChain", "PostChainInput", () => ({ title: " ", quantity: 1, neededBy: today(), biddingClosesAt: later(), stages: [] })),
  cancelOrder: mutation("cancelOrder", "CancelOrderInput", () => ({ orderId: "nothing" })),
  reorderCancelledUnits: mutation("reorderCancelledUnits", "ReorderCancelledUnitsInput", () => ({ orderId: "nothing", neededBy: "2030-01-01", biddingClosesAt: "2029-12-01T00:00:00Z" })),
  awardOrder: mutation("awardOrder", "AwardOrderInput", () => ({ orderId: "nothing", allocations: [] })),
  awardChain: mutation("awardChain", "AwardChainInput", () => ({ chainId: "nothing", planKey: "nothing" })),
  matchPreview: {
    query: `query($input: MatchPreviewInput!) { matchPreview(input: $input) { complete } }`,
    variables: () => ({ input: { capabilityId: "nothing", quantity: 1, neededBy: today(), sourcingPolicy: {} } }),
  },
  submitBid: mutation("submitBid", "SubmitBidInput", () => ({ orderId: "nothing", unitPrice: { amount: "1.00" }, minLot: 1, maxQuantity: 1, leadTimeDays: 1, validUntil: later() })),
  reviseBid: mutation("reviseBid", "ReviseBidInput", () => ({ bidId: "nothing" })),
  withdrawBid: mutation("withdrawBid", "WithdrawBidInput", () => ({ bidId: "nothing" })),
  startContractProduction: mutation("startContractProduction", "StartContractProductionInput", () => ({ contractId: "nothing" })),
  cancelContract: mutation("cancelContract", "CancelContractInput", () => ({ contractId: "nothing", reason: " " })),
  recordDelivery: mutation("recordDelivery", "RecordDeliveryInput", () => ({ contractId: "nothing", quantity: 1 })),
  acceptDelivery: mutation("acceptDelivery", "AcceptDeliveryInput", () => ({ deliveryId: "nothing" })),
  rejectDelivery: mutation("rejectDelivery", "RejectDeliveryInput", () => ({ deliveryId: "nothing", reason: " " })),
  reassignWork: mutation("reassignWork", "ReassignWorkInput", () => ({ contractId: "nothing", fromEngineerId: "nothing", toEngineerId: "nothing", weekOf: today(), hours: 1 })),
  recordInvestment: mutation("recordInvestment", "RecordInvestmentInput", () => ({ companyId: "nothing", investorName: " ", amount: { amount: "0" }, investedOn: today() })),
  setScoreWeights: mutation("setScoreWeights", "SetScoreWeightsInput", () => ({ weights: [] })),
  addScoreFactor: mutation("addScoreFactor", "AddScoreFactorInput", () => ({ code: "not a code", name: "Patents", component: "DEVELOPMENT", subject: "CONTRACTOR", reference: 3 })),
  recordScoreFactorValue: mutation("recordScoreFactorValue", "RecordScoreFactorValueInput", () => ({ companyId: "nothing", factor: "PATENTS", value: 1 })),
  setParkTarget: mutation("setParkTarget", "SetParkTargetInput", () => ({ parkId: "nothing", measure: "ORDER_VOLUME", amount: { amount: "1.00" }, year: 2030 })),
  openOrders: query(`{ openOrders { nodes { id } } }`),
  myOrders: query(`{ myOrders { nodes { id } } }`),
  myChains: query(`{ myChains { nodes { id } } }`),
  myBids: query(`{ myBids { nodes { id } } }`),
  myContracts: query(`{ myContracts { nodes { id } } }`),
  orders: query(`{ orders { nodes { id } } }`),
  capacityHeatMap: query(`{ capacityHeatMap(parkId: "nothing") { asOf } }`),
  demandForecast: query(`{ demandForecast(parkId: "nothing") { asOf } }`),
  clusterAnalytics: query(`{ clusterAnalytics(parkId: "nothing", from: "2026-01-01", to: "2026-06-30") { engineers } }`),
  investments: query(`{ investments(parkId: "nothing") { nodes { id } } }`),
  scoreWeights: query(`{ scoreWeights { factor } }`),
  companyReports: query(`{ loadReport(companyId: "nothing") { asOf } }`),
  marketEvents: { ...query(`subscription { marketEvents(filter: { orderId: "nothing" }) { type } }`), overWebSocket: true },
  notifications: { ...query(`{ viewer { notifications { nodes { id } } } }`), underViewer: true },
  uploadDocument: { query: "", variables: () => ({}), overUpload: true },
  askQuestion: mutation("askQuestion", "AskQuestionInput", () => ({ orderId: "nothing", text: " " })),
  answerQuestion: mutation("answerQuestion", "AnswerQuestionInput", () => ({ questionId: "nothing", answer: " " })),
  markNotificationsRead: mutation("markNotificationsRead", "MarkNotificationsReadInput", () => ({ notificationIds: [] })),
};

/** The first error code a subscription is answered with, over graphql-ws. */
async function overWebSocket(probe: { query: string }, token: string | undefined): Promise<unknown> {
  const client = liveClient(server, token);
  try {
    const sub = await client.subscribe(probe.query);
    await sub.ended();
    const errors = (sub.results[0]?.errors ?? sub.error) as { extensions?: { code?: string } }[] | undefined;
    return errors?.[0]?.extensions?.code;
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  before = await snapshot(server);
});

afterAll(() => server.close());

function tokenOf(caller: Caller): string | undefined {
  switch (caller) {
    case "anonymous":
      return undefined;
    case "coordinator":
      return world.coordinator;
    case "investor":
      return world.investor;
    case "product member":
      return world.startup.token;
    case "contract member":
      return world.contractor.token;
  }
}

/** What the gate itself says of this caller. */
function expected(action: Action, caller: Caller): "UNAUTHENTICATED" | "FORBIDDEN" | "THROUGH" {
  if (caller === "anonymous") return "UNAUTHENTICATED";
  const gate: { roles: readonly Role[]; kinds?: readonly string[]; ordering?: true } = GATES[action];
  const role: Role = caller === "coordinator" ? "COORDINATOR" : caller === "investor" ? "INVESTOR" : "MEMBER";
  if (!gate.roles.includes(role)) return "FORBIDDEN";
  const kind = caller === "product member" ? "PRODUCT" : "CONTRACT";
  if (role === "MEMBER" && gate.kinds && !gate.kinds.includes(kind)) return "FORBIDDEN";
  // The world is a technopark, where a contract company may not order.
  if (role === "MEMBER" && gate.ordering && !mayOrder(kind, "TECHNOPARK")) return "FORBIDDEN";
  return "THROUGH";
}

describe("every role gate, by every kind of caller, over HTTP and WebSocket", () => {
  it.each(Object.keys(GATES) as Action[])("%s", async (action) => {
    const probe = PROBES[action];
    const want: Record<string, string> = {};
    const got: Record<string, string> = {};
    for (const caller of CALLERS) {
      want[caller] = expected(action, caller);
      let code: unknown;
      if (probe.overWebSocket) {
        code = await overWebSocket(probe, tokenOf(caller));
      } else if (probe.overUpload) {
        // POST /documents with a PDF for an order that is no one's: past the gate, NOT_FOUND.
        const req = request(server.url).post("/documents?orderId=nothing&name=a.pdf").set("content-type", "application/pdf");
        const token = tokenOf(caller);
        if (token) req.set("authorization", `Bearer ${token}`);
        const res = await req.send(Buffer.from("%PDF-1.7\n"));
        expect(res.status).toBeLessThan(500);
        code = res.body?.errors?.[0]?.extensions?.code ?? res.body?.userErrors?.[0]?.code;
      } else {
        const res = await server.gql(probe.query, probe.variables(), tokenOf(caller));
        expect(res.status).toBeLessThan(500);
        code = res.errors?.[0]?.extensions?.code;
        if (probe.underViewer && caller === "anonymous") code = res.data?.viewer === null && !res.errors ? "UNAUTHENTICATED" : "LEAKED";
      }
      got[caller] = code === "UNAUTHENTICATED" || code === "FORBIDDEN" ? code : "THROUGH";
    }
    expect(got).toEqual(want);
  });

  it("wrote nothing, whoever called", async () => {
    expect(await snapshot(server)).toEqual(before);
  });
});
