import http from "node:http";
import Database from "better-sqlite3";
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from "graphql";

/**
 * The baseline for `npm run bench`: the same list query (a page of open orders with their
 * bids, bidders, owner and capability) served by plain graphql-js over raw better-sqlite3 on a
 * bare node:http server, with the page fetched in four batched statements; and the same bid
 * placed by a mutation (one transaction: read the order, insert the bid and its revision).
 * No auth, no limits, no masking, no DataLoader, no checks: what this stack can do at most.
 */
const db = new Database(process.env.DATABASE_PATH!);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const pageOf = db.prepare(`select id, title, quantity, company_id, capability_id from orders where status = 'OPEN' and bidding_closes_at > ? order by needed_by, id limit ?`);
const namesOf = (table: string) => (ids: number[]) => db.prepare(`select id, name from ${table} where id in (${ids.map(() => "?").join(",")})`).all(...ids) as { id: number; name: string }[];
const companiesOf = namesOf("companies");
const orderOf = db.prepare(`select id, status from orders where id = ?`);
const insertBid = db.prepare(
  `insert into bids (order_id, company_id, status, unit_price_minor, currency, min_lot, max_quantity, centihours_per_unit, lead_time_days, valid_until, revision, created_at, updated_at)
   values (?, ?, 'LIVE', ?, 'RUB', 1, ?, 10, ?, ?, 1, ?, ?) returning id`,
);
const insertRevision = db.prepare(
  `insert into bid_revisions (bid_id, revision, unit_price_minor, currency, min_lot, max_quantity, centihours_per_unit, lead_time_days, valid_until, actor_name, created_at)
   values (?, 1, ?, 'RUB', 1, ?, 10, ?, ?, 'baseline', ?)`,
);
const placeBid = db.transaction((orderId: number, companyId: number, unitPriceMinor: number, maxQuantity: number, leadTimeDays: number, validUntil: number) => {
  if ((orderOf.get(orderId) as { status: string } | undefined)?.status !== "OPEN") throw new Error("not open");
  const now = Date.now();
  const { id } = insertBid.get(orderId, companyId, unitPriceMinor, maxQuantity, leadTimeDays, validUntil, now, now) as { id: number };
  insertRevision.run(id, unitPriceMinor, maxQuantity, leadTimeDays, validUntil, now);
  return id;
});
const capabilitiesOf = namesOf("capabilities");

const Named = new GraphQLObjectType({ name: "Named", fields: { name: { type: GraphQLString } } });
const Money = new GraphQLObjectType({ name: "Money", fields: { amount: { type: GraphQLString } } });
const Terms = new GraphQLObjectType({ name: "Terms", fields: { unitPrice: { type: Money } } });
const Bid = new GraphQLObjectType({ name: "Bid", fields: { terms: { type: Terms }, company: { type: Named } } });
const Bids = new GraphQLObjectType({ name: "Bids", fields: { nodes: { type: new GraphQLList(Bid) } } });
const Order = new GraphQLObjectType({
  name: "Order",
  fields: { title: { type: GraphQLString }, quantity: { type: GraphQLInt }, company: { type: Named }, capability: { type: Named }, bids: { type: Bids } },
});
const Orders = new GraphQLObjectType({ name: "Orders", fields: { nodes: { type: new GraphQLList(Order) } } });

const schema = new GraphQLSchema({
  mutation: new GraphQLObjectType({
    name: "Mutation",
    fields: {
      submitBid: {
        type: new GraphQLObjectType({ name: "SubmitBidPayload", fields: { id: { type: GraphQLInt } } }),
        args: { orderId: { type: GraphQLInt }, companyId: { type: GraphQLInt }, unitPriceMinor: { type: GraphQLInt }, maxQuantity: { type: GraphQLInt }, leadTimeDays: { type: GraphQLInt } },
        resolve: (_root, a: { orderId: number; companyId: number; unitPriceMinor: number; maxQuantity: number; leadTimeDays: number }) => ({
          id: placeBid(a.orderId, a.companyId, a.unitPriceMinor, a.maxQuantity, a.leadTimeDays, Date.now() + 20 * 86_400_000),
        }),
      },
    },
  }),
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      openOrders: {
        type: new GraphQLNonNull(Orders),
        args: { first: { type: GraphQLInt } },
        resolve: (_root, { first }: { first: number }) => {
          const rows = pageOf.all(Date.now(), first ?? 20) as { id: number; title: string; quantity: number; company_id: number; capability_id: number }[];
          const orderIds = rows.map((r) => r.id);
          const bidRows = db
            .prepare(`select order_id, company_id, unit_price_minor from bids where order_id in (${orderIds.map(() => "?").join(",")}) order by id`)
            .all(...orderIds) as { order_id: number; company_id: number; unit_price_minor: number }[];
          const companies = new Map(companiesOf([...new Set([...rows.map((r) => r.company_id), ...bidRows.map((b) => b.company_id)])]).map((c) => [c.id, c]));
          const capabilities = new Map(capabilitiesOf([...new Set(rows.map((r) => r.capability_id))]).map((c) => [c.id, c]));
          return {
            nodes: rows.map((r) => ({
              title: r.title,
              quantity: r.quantity,
              company: companies.get(r.company_id),
              capability: capabilities.get(r.capability_id),
              bids: {
                nodes: bidRows
                  .filter((b) => b.order_id === r.id)
                  .map((b) => ({ terms: { unitPrice: { amount: (b.unit_price_minor / 100).toFixed(2) } }, company: companies.get(b.company_id) })),
              },
            })),
          };
        },
      },
    },
  }),
});

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const { query, variables } = JSON.parse(body);
      void graphql({ schema, source: query, variableValues: variables }).then((result) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(result));
      });
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
