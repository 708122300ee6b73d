import { RELATIONS, RULES, type Relation, type RuleName } from "../../src/access/policy";
import { AWARD, buildMarket, dateIn, postOrder, RECORD_DELIVERY, START, submitBid, type Market } from "../support/marketplace";
import { registerCompany } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The access policy as a table: every visibility rule of src/access/policy.ts against every
 * relation a viewer can have to the object (anonymous, its owner, the counterpart, another
 * contract or product company, the coordinator, an investor). The expected cell comes from the
 * policy's own RULES; the actual one from the API over HTTP. So this proves that every path obeys
 * the one policy; what the policy itself promises (sealed bids, hidden engineer-hours) is pinned by
 * visibility.test.ts and engineer-hours.test.ts. A rule added without a probe here fails the last test.
 */
let server: TestServer;
let market: Market;
let investor: string;
/** A university's member: a participant who watches the market (OTHER_PARTICIPANT). */
let university: string;

/** How to ask for one rule's object or field, and whether the answer shows it. */
interface Probe {
  rule: RuleName;
  /** Tokens of the object's owner and (where it has one) counterpart. */
  owner: () => string;
  counterpart?: () => string;
  /** Tokens of a contract and a product company that are neither. */
  otherContract: () => string;
  otherProduct: () => string;
  query: string;
  variables: () => Record<string, unknown>;
  visible: (res: { data: any; errors?: unknown[] }) => boolean;
}

const ids: Record<string, string> = {};
const probes: Probe[] = [];
const node = (fields: string) => `query($id: ID!) { node(id: $id) { id ${fields} } }`;
const shown = (res: { data: any; errors?: unknown[] }) => res.data?.node != null;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  investor = await server.token("INVESTOR");
  university = (await registerCompany(server, market.parkId, "Voronezh State Technical University", "UNIVERSITY")).token;
  const [alpha, beta, gamma] = market.contractors;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await server.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  // An open order with bids from alpha and gamma; beta has not bid.
  ids.openOrder = await postOrder(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1, valuePerDayEarlier: { amount: "500.00" } } });
  ids.alphaBid = await submitBid(server, alpha.token, ids.openOrder, { minLot: 1, maxQuantity: 100 });
  ids.gammaBid = await submitBid(server, gamma.token, ids.openOrder, { minLot: 1, maxQuantity: 100 });
  // An awarded order: alpha's contract, in production, one delivery.
  ids.closedOrder = await postOrder(server, market, { quantity: 100, sourcingPolicy: { maxSharePercent: 100, minContractors: 1 } });
  const wonBid = await submitBid(server, alpha.token, ids.closedOrder, { minLot: 1, maxQuantity: 100 });
  const award = await gql(AWARD, { input: { orderId: ids.closedOrder, allocations: [{ bidId: wonBid, quantity: 100 }] } }, market.startup.token);
  ids.contract = award.awardOrder.contracts[0].id;
  await gql(START, { input: { contractId: ids.contract } }, alpha.token);
  ids.delivery = (await gql(RECORD_DELIVERY, { input: { contractId: ids.contract, quantity: 40 } }, alpha.token)).recordDelivery.delivery.id;
  // Alpha's engineer, active offer, withdrawn offer and API token; an investment into alpha.
  const company = await gql(`query($id: ID!) { node(id: $id) { ... on Company { engineers(first: 1) { nodes { id } } capabilityOffers(first: 1) { nodes { id } } } } }`, { id: alpha.id }, alpha.token);
  ids.engineer = company.node.engineers.nodes[0].id;
  ids.activeOffer = company.node.capabilityOffers.nodes[0].id;
  const declared = await gql(
    `mutation($input: DeclareCapabilityOfferInput!) { declareCapabilityOffer(input: $input) { capabilityOffer { id } userErrors { code } } }`,
    { input: { capabilityId: market.otherCapabilityId, unitPrice: { amount: "900.00" }, engineerHoursPerUnit: 1, minLeadDays: 5, minLot: 1, maxLot: 100 } },
    alpha.token,
  );
  ids.withdrawnOffer = declared.declareCapabilityOffer.capabilityOffer.id;
  await gql(`mutation($input: UpdateCapabilityOfferInput!) { updateCapabilityOffer(input: $input) { userErrors { code } } }`, { input: { capabilityOfferId: ids.withdrawnOffer, active: false } }, alpha.token);
  ids.apiToken = (await gql(`mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { apiToken { id } } }`, { input: { role: "MEMBER", holderName: "Alpha planner" } }, alpha.token)).issueApiToken.apiToken.id;
  ids.investment = (
    await gql(
      `mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { investment { id } } }`,
      { input: { companyId: alpha.id, investorName: "Regional Fund", amount: { amount: "1000000.00" }, investedOn: dateIn(server, 0) } },
      market.coordinator,
    )
  ).recordInvestment.investment.id;

  // Alpha's question on the open order, private; and one published, to probe who is named.
  const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } userErrors { code } } }`;
  ids.question = (await gql(ASK, { input: { orderId: ids.openOrder, text: "Which resin?" } }, alpha.token)).askQuestion.question.id;
  ids.publishedQuestion = (await gql(ASK, { input: { orderId: ids.openOrder, text: "Which tolerance?" } }, alpha.token)).askQuestion.question.id;
  await gql(`mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { userErrors { code } } }`, { input: { questionId: ids.publishedQuestion, answer: "0.1 mm.", publish: true } }, market.startup.token);

  // A production chain of the startup's: alpha bids on its first stage (so is its counterpart).
  const chain = await gql(
    `mutation($input: PostChainInput!) { postChain(input: $input) { chain { id stages { order { id } } } userErrors { code message } } }`,
    {
      input: {
        title: "Valve",
        quantity: 10,
        neededBy: dateIn(server, 90),
        biddingClosesAt: new Date(server.now().getTime() + 14 * 86_400_000).toISOString(),
        stages: [
          { key: "assembly", title: "Assembly", capabilityId: market.capabilityId, sourcingPolicy: {} },
          { key: "body", title: "Body", capabilityId: market.otherCapabilityId, feeds: "assembly", sourcingPolicy: {} },
        ],
      },
    },
    market.startup.token,
  );
  expect(chain.postChain.userErrors).toEqual([]);
  ids.chain = chain.postChain.chain.id;
  ids.chainStage = chain.postChain.chain.stages[0].order.id;
  await submitBid(server, alpha.token, ids.chainStage, { minLot: 1, maxQuantity: 10 });

  const ofAlpha = { owner: () => alpha.token, otherContract: () => beta.token, otherProduct: () => market.otherStartup.token };
  const alphaWithCustomer = { ...ofAlpha, counterpart: () => market.startup.token };
  const ofStartup = { owner: () => market.startup.token, counterpart: () => alpha.token, otherContract: () => beta.token, otherProduct: () => market.otherStartup.token };
  const byId = (key: string) => () => ({ id: ids[key] });
  probes.push(
    { rule: "Engineer", ...ofAlpha, query: node(""), variables: byId("engineer"), visible: shown },
    { rule: "CapabilityOffer (withdrawn)", ...ofAlpha, query: node(""), variables: byId("withdrawnOffer"), visible: shown },
    {
      rule: "CapabilityOffer.engineerHoursPerUnit",
      ...ofAlpha,
      query: node("... on CapabilityOffer { engineerHoursPerUnit }"),
      variables: byId("activeOffer"),
      visible: (res) => res.data?.node?.engineerHoursPerUnit != null,
    },
    { rule: "ApiToken", ...ofAlpha, query: node(""), variables: byId("apiToken"), visible: shown },
    { rule: "Order (open)", ...ofStartup, query: node(""), variables: byId("openOrder"), visible: shown },
    { rule: "Order (closed)", ...ofStartup, query: node(""), variables: byId("closedOrder"), visible: shown },
    {
      rule: "Order.everyBid",
      ...ofStartup,
      query: node("... on Order { bids { nodes { id } } }"),
      variables: byId("openOrder"),
      // Every bid: the competitor's too (alpha, the counterpart here, sees its own only).
      visible: (res) => (res.data?.node?.bids.nodes ?? []).some((bid: { id: string }) => bid.id === ids.gammaBid),
    },
    { rule: "Order.history", ...ofStartup, query: node("... on Order { history { nodes { toStatus } } }"), variables: byId("openOrder"), visible: (res) => res.data?.node?.history != null },
    {
      rule: "Order.plans",
      ...ofStartup,
      query: node("... on Order { plans { complete } }"),
      variables: byId("openOrder"),
      visible: (res) => res.errors === undefined && res.data?.node?.plans != null,
    },
    { rule: "Chain", ...ofStartup, query: node(""), variables: byId("chain"), visible: shown },
    { rule: "Chain", ...ofStartup, query: node("... on Order { chain { id } }"), variables: byId("chainStage"), visible: (res) => res.data?.node?.chain != null },
    {
      rule: "SourcingPolicy.valuePerDayEarlier",
      ...ofStartup,
      query: node("... on Order { sourcingPolicy { valuePerDayEarlier { amount } } }"),
      variables: byId("openOrder"),
      visible: (res) => res.data?.node?.sourcingPolicy.valuePerDayEarlier != null,
    },
    { rule: "Bid", ...alphaWithCustomer, query: node(""), variables: byId("alphaBid"), visible: shown },
    { rule: "Question (private)", ...alphaWithCustomer, query: node(""), variables: byId("question"), visible: shown },
    {
      rule: "Question.company",
      ...alphaWithCustomer,
      query: node("... on Question { company { id } }"),
      variables: byId("publishedQuestion"),
      visible: (res) => res.data?.node?.company != null,
    },
    {
      rule: "Bid.engineerHoursPerUnit",
      ...alphaWithCustomer,
      query: node("... on Bid { terms { engineerHoursPerUnit } }"),
      variables: byId("alphaBid"),
      visible: (res) => res.data?.node?.terms.engineerHoursPerUnit != null,
    },
    { rule: "Contract", ...alphaWithCustomer, query: node(""), variables: byId("contract"), visible: shown },
    { rule: "Contract", ...alphaWithCustomer, query: node(""), variables: byId("delivery"), visible: shown },
    {
      rule: "Contract.engineerHours",
      ...alphaWithCustomer,
      query: node("... on Contract { engineerHoursPerUnit bookings { nodes { week } } }"),
      variables: byId("contract"),
      visible: (res) => res.data?.node?.engineerHoursPerUnit != null && res.data.node.bookings != null,
    },
    {
      rule: "Company.engineers",
      ...ofAlpha,
      query: node("... on Company { engineers { nodes { id } } }"),
      variables: () => ({ id: alpha.id }),
      visible: (res) => res.data?.node?.engineers != null,
    },
    {
      rule: "Company.internalReports",
      ...ofAlpha,
      query: `query($id: ID) { loadReport(companyId: $id) { weeksBookedAhead } revenueReport(companyId: $id, from: "2026-01-01", to: "2026-06-30") { contractsWon { count } } }`,
      variables: () => ({ id: alpha.id }),
      visible: (res) => res.errors === undefined && res.data?.loadReport != null && res.data?.revenueReport != null,
    },
    {
      rule: "Company.scorecard",
      ...ofAlpha,
      query: node("... on Company { scorecard { score } }"),
      variables: () => ({ id: alpha.id }),
      visible: (res) => res.data?.node?.scorecard != null,
    },
    {
      rule: "Company.customerScorecard",
      ...ofStartup,
      counterpart: undefined,
      query: node("... on Company { scorecard { score subject } }"),
      variables: () => ({ id: market.startup.id }),
      visible: (res) => res.data?.node?.scorecard?.subject === "CUSTOMER",
    },
    { rule: "Investment", ...ofAlpha, query: node(""), variables: byId("investment"), visible: shown },
  );
});

afterAll(() => server.close());

/** The token of a viewer standing in `relation` to the probe's object; null where no such viewer exists. */
function viewerFor(probe: Probe, relation: Relation): string | undefined | null {
  switch (relation) {
    case "ANONYMOUS":
      return undefined;
    case "OWNER":
      return probe.owner();
    case "COUNTERPART":
      return probe.counterpart ? probe.counterpart() : null;
    case "OTHER_CONTRACT_COMPANY":
      return probe.otherContract();
    case "OTHER_PRODUCT_COMPANY":
      return probe.otherProduct();
    case "COORDINATOR":
      return market.coordinator;
    case "OTHER_PARTICIPANT":
      return university;
    case "INVESTOR":
      return investor;
  }
}

describe("the access policy, cell by cell over HTTP", () => {
  it.each(Object.keys(RULES) as RuleName[])("%s", async (rule) => {
    const mine = probes.filter((p) => p.rule === rule);
    expect(mine.length).toBeGreaterThan(0);
    for (const probe of mine) {
      const expected: Record<string, boolean> = {};
      const actual: Record<string, boolean> = {};
      for (const relation of RELATIONS) {
        const token = viewerFor(probe, relation);
        if (token === null) continue;
        expected[relation] = (RULES[rule].audience as readonly Relation[]).includes(relation);
        const res = await server.gql(probe.query, probe.variables(), token);
        expect(res.status).toBeLessThan(500);
        actual[relation] = probe.visible(res);
      }
      expect(actual).toEqual(expected);
    }
  });

  it("probes every rule, and only rules the policy has", () => {
    expect(new Set(probes.map((p) => p.rule))).toEqual(new Set(Object.keys(RULES)));
  });
});
