import http from "node:http";
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from "graphql";
import { openRaw } from "./raw";

/**
 * The baseline for `npm run bench`: the same list query (a page of open orders with their
 * bids, bidders, owner and capability) served by plain graphql-js over the raw driver
 * (better-sqlite3, or node-postgres with DATABASE_URL) on a bare node:http server, with the
 * page fetched in four batched statements; and the same bid placed by a mutation (one
 * transaction: read the order, insert the bid and its revision). No auth, no limits, no
 * masking, no DataLoader, no checks: what this stack can do at most.
 */
const raw = openRaw(process.env);
const list = (n: number) => Array.from({ length: n }, () => "?").join(",");
const namesOf = (table: string) => (ids: number[]) => raw.all<{ id: number | string; name: string }>(`select id, name from ${table} where id in (${list(ids.length)})`, ids);
const companiesOf = namesOf("companies");
const capabilitiesOf = namesOf("capabilities");
const placeBid = (orderId: number, companyId: number, unitPriceMinor: number, maxQuantity: number, leadTimeDays: number, validUntil: Date) =>
  raw.transaction(async (tx) => {
    const [order] = await tx.all<{ status: string }>(`select id, status from orders where id = ?`, [orderId]);
    if (order?.status !== "OPEN") throw new Error("not open");
    const now = new Date();
    const [{ id }] = await tx.all<{ id: number | string }>(
      `insert into bids (order_id, company_id, status, unit_price_minor, currency, min_lot, max_quantity, centihours_per_unit, lead_time_days, valid_until, revision, created_at, updated_at)
       values (?, ?, 'LIVE', ?, 'RUB', 1, ?, 10, ?, ?, 1, ?, ?) returning id`,
      [orderId, companyId, unitPriceMinor, maxQuantity, leadTimeDays, validUntil, now, now],
    );
    await tx.all(
      `insert into bid_revisions (bid_id, revision, unit_price_minor, currency, min_lot, max_quantity, centihours_per_unit, lead_time_days, valid_until, actor_name, created_at)
       values (?, 1, ?, 'RUB', 1, ?, 10, ?, ?, 'baseline', ?)`,
      [id, unitPriceMinor, maxQuantity, leadTimeDays, validUntil, now],
    );
    return Number(id);
  });

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
          id: placeBid(a.orderId, a.companyId, a.unitPriceMinor, a.maxQuantity, a.leadTimeDays, new Date(Date.now() + 20 * 86_400_000)),
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
        resolve: async (_root, { first }: { first: number }) => {
          // PostgreSQL returns bigint columns as strings: ids and amounts are read with Number().
          const rows = (
            await raw.all<{ id: number; title: string; quantity: number; company_id: number; capability_id: number }>(
              `select id, title, quantity, company_id, capability_id from orders where status = 'OPEN' and bidding_closes_at > ? order by needed_by, id limit ?`,
              [new Date(), first ?? 20],
            )
          ).map((r) => ({ ...r, id: Number(r.id), quantity: Number(r.quantity), company_id: Number(r.company_id), capability_id: Number(r.capability_id) }));
          const orderIds = rows.map((r) => r.id);
          const bidRows = (
            await raw.all<{ order_id: number; company_id: number; unit_price_minor: number }>(
              `select order_id, company_id, unit_price_minor from bids where order_id in (${list(orderIds.length)}) order by id`,
              orderIds,
            )
          ).map((b) => ({ order_id: Number(b.order_id), company_id: Number(b.company_id), unit_price_minor: Number(b.unit_price_minor) }));
          const byId = (named: { id: number | string; name: string }[]) => new Map(named.map((c) => [Number(c.id), c]));
          const companies = byId(await companiesOf([...new Set([...rows.map((r) => r.company_id), ...bidRows.map((b) => b.company_id)])]));
          const capabilities = byId(await capabilitiesOf([...new Set(rows.map((r) => r.capability_id))]));
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
