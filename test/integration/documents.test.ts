import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import request from "supertest";
import { buildMarket, postOrder, submitBid, type Market } from "../support/marketplace";
import { startTestServer, type TestServer } from "../support/server";
import { count } from "../support/sql";

/**
 * Drawings and specifications over HTTP: uploaded to POST /documents, typed by their content,
 * stored in the database, downloaded from GET /documents/<id> only by those who may see what
 * they are attached to (a bid's documents are sealed with it).
 */
let server: TestServer;
let market: Market;
let orderId: string;

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n", "latin1"), Buffer.alloc(2000, 7)]);
const STEP = Buffer.from("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('bracket'),'2;1');\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n");
const DXF = Buffer.from("  0\nSECTION\n  2\nHEADER\n  0\nENDSEC\n  0\nEOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0)]);

async function upload(target: string, name: string, bytes: Buffer, token?: string, contentType = "application/octet-stream") {
  const req = request(server.url).post(`/documents?${target}&name=${encodeURIComponent(name)}`).set("content-type", contentType);
  if (token) req.set("authorization", `Bearer ${token}`);
  return req.send(bytes);
}

async function download(path: string, token?: string) {
  const req = request(server.url).get(path).buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => callback(null, Buffer.concat(chunks)));
  });
  if (token) req.set("authorization", `Bearer ${token}`);
  return req;
}

const DOCUMENTS = `query($id: ID!) { node(id: $id) { ... on Order { documents { totalCount nodes { id fileName contentType sizeBytes sha256 downloadPath } } } ... on Bid { documents { totalCount nodes { id } } } } }`;

beforeAll(async () => {
  server = await startTestServer({ maxDocumentBytes: 10_000 });
  market = await buildMarket(server);
  orderId = await postOrder(server, market);
});

afterAll(() => server.close());

describe("documents", () => {
  it("attach to an order by its owner, typed by content, and download whole to whoever may see the order", async () => {
    const res = await upload(`orderId=${orderId}`, "housing drawing.pdf", PDF, market.startup.token);
    expect(res.status).toBe(201);
    const document = res.body.document;
    expect(document).toMatchObject({ fileName: "housing drawing.pdf", contentType: "application/pdf", sizeBytes: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });

    // A contract company sees the open order, so its drawings too.
    const listed = await server.gql(DOCUMENTS, { id: orderId }, market.contractors[0].token);
    const { uploadedAt, ...fields } = document;
    expect(new Date(uploadedAt).getTime()).toBeGreaterThan(0);
    expect(listed.data.node.documents).toEqual({ totalCount: 1, nodes: [fields] });
    const file = await download(document.downloadPath, market.contractors[0].token);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body, PDF)).toBe(0);
    expect(file.headers).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
    expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="housing drawing.pdf"/);
    // Another startup may not see the order: the document does not exist for it, nor for anonymous callers.
    expect((await download(document.downloadPath, market.otherStartup.token)).status).toBe(404);
    expect((await download(document.downloadPath)).status).toBe(404);
    // A malformed id, or a bad token: a clear answer, never a server error.
    expect((await download("/documents/%E0%A4%A", market.contractors[0].token)).status).toBe(404);
    expect((await download(document.downloadPath, "not-a-token")).status).toBe(401);
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: document.id }, market.otherStartup.token)).data.node).toBeNull();
  });

  it("attach to a bid by its bidder, sealed with it: the owner downloads, a competitor cannot", async () => {
    const [alpha, beta] = market.contractors;
    const bidId = await submitBid(server, alpha.token, orderId);
    const res = await upload(`bidId=${bidId}`, "bracket.step", STEP, alpha.token, "application/pdf");
    expect(res.status).toBe(201);
    // The type is the content's, not the header's.
    expect(res.body.document.contentType).toBe("model/step");
    const path = res.body.document.downloadPath;
    expect((await download(path, market.startup.token)).status).toBe(200);
    expect((await download(path, market.coordinator)).status).toBe(200);
    expect((await download(path, beta.token)).status).toBe(404);
    expect((await server.gql(DOCUMENTS, { id: bidId }, market.startup.token)).data.node.documents.totalCount).toBe(1);
    // A competitor may not attach to another's bid either; it looks missing.
    const foreign = await upload(`bidId=${bidId}`, "mine.step", STEP, beta.token);
    expect(foreign.status).toBe(400);
    expect(foreign.body.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["bidId"] })]);
  });

  it("attach to a question's answer by the order's owner, for the asker", async () => {
    const [alpha, , gamma] = market.contractors;
    const asked = await server.gql(`mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`, { input: { orderId, text: "Flange detail?" } }, alpha.token);
    const questionId = asked.data.askQuestion.question.id;
    const res = await upload(`questionId=${questionId}`, "flange.dxf", DXF, market.startup.token);
    expect(res.body.document.contentType).toBe("image/vnd.dxf");
    expect((await download(res.body.document.downloadPath, alpha.token)).status).toBe(200);
    // The question is private to Alpha: Gamma sees neither it nor its drawing.
    expect((await download(res.body.document.downloadPath, gamma.token)).status).toBe(404);
    // The asker cannot attach to the owner's answer.
    expect((await upload(`questionId=${questionId}`, "x.dxf", DXF, alpha.token)).body.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("refuses files that are none of the kinds taken, too large, or without a target, and writes nothing", async () => {
    const before = await count(server.database, sql`select count(*) from documents`);
    const exe = await upload(`orderId=${orderId}`, "drawing.pdf", EXE, market.startup.token, "application/pdf");
    expect(exe.status).toBe(400);
    expect(exe.body.userErrors[0]).toMatchObject({ code: "INVALID_FORMAT" });
    expect(exe.body.userErrors[0].message).toMatch(/PDF, PNG image, JPEG image, STEP model, DWG drawing, DXF drawing/);
    const big = await upload(`orderId=${orderId}`, "big.pdf", Buffer.concat([PDF, Buffer.alloc(10_000)]), market.startup.token);
    expect(big.status).toBe(413);
    const none = await upload(``, "a.png", PNG, market.startup.token);
    expect(none.body.userErrors[0]).toMatchObject({ code: "INVALID_FORMAT" });
    const both = await upload(`orderId=${orderId}&bidId=x`, "a.png", PNG, market.startup.token);
    expect(both.body.userErrors[0]).toMatchObject({ code: "INVALID_FORMAT" });
    expect((await upload(`orderId=${orderId}`, "a.png", PNG)).status).toBe(401);
    expect((await upload(`orderId=${orderId}`, "a.png", PNG, market.coordinator)).status).toBe(403);
    expect(await count(server.database, sql`select count(*) from documents`)).toBe(before);
  });
});
