import { sql } from "drizzle-orm";
import { liveClient, type LiveClient } from "../support/live";
import { DAY, buildMarket, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";
import { count } from "../support/sql";

/**
 * Questions on an open order, over HTTP and live: sealed like bids (no competitor reads another's
 * private question, nor learns who asked a published one), events and notifications for both sides.
 */
let server: TestServer;
let market: Market;
let orderId: string;
const clients: LiveClient[] = [];

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id text answer published } userErrors { code field message } } }`;
const ANSWER = `mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { question { id answer published answeredAt } userErrors { code field message } } }`;
const QUESTIONS = `query($id: ID!) { node(id: $id) { ... on Order { questions { totalCount nodes { id text answer published company { name } } } } } }`;
const INBOX = `{ viewer { notifications { nodes { kind message question { id text } } } } }`;

const questionsFor = async (token: string) => (await server.gql(QUESTIONS, { id: orderId }, token)).data.node?.questions;
const inbox = async (token: string) => (await server.gql(INBOX, {}, token)).data.viewer.notifications.nodes;

beforeAll(async () => {
  server = await startTestServer();
  market = await buildMarket(server);
  orderId = await postOrder(server, market, { title: "Radiator housings" });
  // Beta bids, so that it is told of what is published.
  await submitBid(server, market.contractors[1].token, orderId);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
});

describe("questions", () => {
  let privateQuestion: string;
  let publicQuestion: string;
  let betaEvents: Awaited<ReturnType<LiveClient["subscribe"]>>;

  it("are asked by a contract company and read by the owner and the coordinator, not by a competitor", async () => {
    const [alpha, beta] = market.contractors;
    const ownerLive = liveClient(server, market.startup.token);
    const betaLive = liveClient(server, beta.token);
    clients.push(ownerLive, betaLive);
    const EVENTS = `subscription { marketEvents(filter: { types: [QUESTION_ASKED, QUESTION_ANSWERED, QUESTION_PUBLISHED] }) { type question { id text } } }`;
    const ownerEvents = await ownerLive.subscribe(EVENTS);
    betaEvents = await betaLive.subscribe(EVENTS);

    const asked = await server.gql(ASK, { input: { orderId, text: "  Is anodising included? " } }, alpha.token);
    expect(asked.data.askQuestion.userErrors).toEqual([]);
    privateQuestion = asked.data.askQuestion.question.id;
    expect(asked.data.askQuestion.question).toEqual({ id: privateQuestion, text: "Is anodising included?", answer: null, published: false });

    expect(await questionsFor(market.startup.token)).toEqual({ totalCount: 1, nodes: [{ id: privateQuestion, text: "Is anodising included?", answer: null, published: false, company: { name: "Alpha Fab" } }] });
    expect((await questionsFor(market.coordinator)).totalCount).toBe(1);
    expect(await questionsFor(beta.token)).toEqual({ totalCount: 0, nodes: [] });
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: privateQuestion }, beta.token)).data.node).toBeNull();

    expect((await ownerEvents.nth(1)).data!.marketEvents).toEqual({ type: "QUESTION_ASKED", question: { id: privateQuestion, text: "Is anodising included?" } });
    expect(await inbox(market.startup.token)).toContainEqual({ kind: "QUESTION_ASKED", message: "Alpha Fab admin asked a question on your order “Radiator housings”.", question: { id: privateQuestion, text: "Is anodising included?" } });

    // Answered privately: the asker is told; the competitor hears nothing.
    const answered = await server.gql(ANSWER, { input: { questionId: privateQuestion, answer: "Yes, clear anodising." } }, market.startup.token);
    expect(answered.data.answerQuestion.question).toMatchObject({ answer: "Yes, clear anodising.", published: false });
    expect((await inbox(alpha.token))[0]).toMatchObject({ kind: "QUESTION_ANSWERED", question: { id: privateQuestion } });
    expect(await questionsFor(beta.token)).toEqual({ totalCount: 0, nodes: [] });
    expect((await inbox(beta.token)).filter((n: { kind: string }) => n.kind.startsWith("QUESTION_"))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(betaEvents.results).toEqual([]);
  });

  it("once published with the answer, reach every bidder, without the asker's name", async () => {
    const [alpha, beta] = market.contractors;
    publicQuestion = (await server.gql(ASK, { input: { orderId, text: "What flatness?" } }, alpha.token)).data.askQuestion.question.id;
    const answered = await server.gql(ANSWER, { input: { questionId: publicQuestion, answer: "0.05 mm over the face.", publish: true } }, market.startup.token);
    expect(answered.data.answerQuestion.userErrors).toEqual([]);

    expect(await questionsFor(beta.token)).toEqual({ totalCount: 1, nodes: [{ id: publicQuestion, text: "What flatness?", answer: "0.05 mm over the face.", published: true, company: null }] });
    expect((await questionsFor(alpha.token)).nodes.map((q: { company: unknown }) => q.company)).toEqual([{ name: "Alpha Fab" }, { name: "Alpha Fab" }]);
    expect((await inbox(beta.token))[0]).toMatchObject({ kind: "QUESTION_PUBLISHED", question: { id: publicQuestion, text: "What flatness?" } });
    // Live too: the first event Beta hears of is the publication, not Alpha's asking.
    expect((await betaEvents.nth(1)).data!.marketEvents).toEqual({ type: "QUESTION_PUBLISHED", question: { id: publicQuestion, text: "What flatness?" } });
  });

  it("refuses what is not theirs to ask or answer, and writes nothing", async () => {
    const [alpha, beta] = market.contractors;
    const before = await count(server.database, sql`select count(*) from questions`);
    const codes = async (query: string, input: Record<string, unknown>, token: string) => {
      const res = await server.gql(query, { input }, token);
      const payload = res.data?.askQuestion ?? res.data?.answerQuestion;
      return payload ? payload.userErrors.map((e: { code: string }) => e.code) : res.errors?.map((e) => e.extensions?.code);
    };
    expect(await codes(ASK, { orderId, text: "Any?" }, market.otherStartup.token)).toEqual(["FORBIDDEN"]);
    expect(await codes(ASK, { orderId, text: " " }, alpha.token)).toEqual(["BLANK"]);
    expect(await codes(ASK, { orderId: "nothing", text: "Any?" }, alpha.token)).toEqual(["NOT_FOUND"]);
    expect(await codes(ANSWER, { questionId: privateQuestion, answer: "Again." }, market.startup.token)).toEqual(["INVALID_STATE"]);
    expect(await codes(ANSWER, { questionId: privateQuestion, answer: "Mine now." }, market.otherStartup.token)).toEqual(["NOT_FOUND"]);
    expect(await codes(ANSWER, { questionId: privateQuestion, answer: "Mine now." }, beta.token)).toEqual(["NOT_FOUND"]);
    // Bidding closed: questions are for orders taking bids. Beta bid, so it still sees the order;
    // Alpha never bid, and the closed order looks missing to it.
    server.advance(15 * DAY);
    expect(await codes(ASK, { orderId, text: "Still?" }, beta.token)).toEqual(["BIDDING_CLOSED"]);
    expect(await codes(ASK, { orderId, text: "Still?" }, alpha.token)).toEqual(["NOT_FOUND"]);
    expect(await count(server.database, sql`select count(*) from questions`)).toBe(before);
  });
});
