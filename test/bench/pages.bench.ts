import "reflect-metadata";
import { sql } from "drizzle-orm";
import { runSql } from "../../src/db/executor";
import { encodeSortedCursor } from "../../src/graphql/connection";
import { createTestDatabase } from "../support/database";
import { generateMarket } from "./generate";
import { openRaw } from "./raw";
import { benchServer, row, STORE, time, runBench } from "./support";

/**
 * `npm run bench:pages`: openOrders' first page against a page 90 % deep, under every sort, over
 * HTTP on a generated park (BENCH_SCALE x 20,000 open orders, default 1), on the run's store.
 * A keyset page should cost the same at any depth: the ratio deep / first is the figure (issue 19
 * measured 5.9 / 14.6 / 44 ms at x1 / x5 / x25 before keyset pages compared row values).
 */
const SORTS = [
  { field: "NEEDED_BY", column: "needed_by", value: (v: unknown) => String(v) },
  { field: "BIDDING_CLOSES_AT", column: "bidding_closes_at", value: (v: unknown) => (v instanceof Date ? v.getTime() : Number(v)) },
  { field: "QUANTITY", column: "quantity", value: (v: unknown) => Number(v) },
  { field: "CREATED_AT", column: "id", value: (v: unknown) => Number(v) },
] as const;

async function main() {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const location = await createTestDatabase({ migrated: false });
  const database = await location.open();
  const t0 = performance.now();
  const sizes = { productCompanies: 240 * scale, contractCompanies: 60 * scale, engineersPerContractor: 5, openOrders: 20_000 * scale, awardedOrders: 2_000 * scale, bidsPerOpenOrder: 1 };
  await generateMarket(database.store, sizes);
  await runSql(database.db, sql`analyze`);
  process.stdout.write(`On ${STORE}: generated ${sizes.openOrders} open orders of ${sizes.productCompanies + sizes.contractCompanies} companies in ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n`);
  const raw = openRaw(location.env);
  const { post, stop } = await benchServer(database);
  const now = new Date();
  for (const direction of ["ASC", "DESC"] as const) {
    for (const sort of SORTS) {
      const [{ n }] = await raw.all<{ n: number | string }>("select count(*) as n from orders where status = 'OPEN' and bidding_closes_at > ?", [now]);
      const [deep] = await raw.all<{ v: unknown; id: number | string }>(
        `select ${sort.column} as v, id from orders where status = 'OPEN' and bidding_closes_at > ? order by ${sort.column} ${direction}, id ${direction} limit 1 offset ?`,
        [now, Math.floor(Number(n) * 0.9)],
      );
      const cursor = encodeSortedCursor(sort.value(deep.v), Number(deep.id));
      const page = (after: string | null) => `{ openOrders(first: 20${after ? `, after: "${after}"` : ""}, orderBy: { field: ${sort.field}, direction: ${direction} }) { nodes { id title quantity } } }`;
      const first = await time(100, () => post(page(null)), 10);
      const later = await time(100, () => post(page(cursor)), 10);
      process.stdout.write(row(`openOrders by ${sort.field} ${direction}, first page`, first) + "\n");
      process.stdout.write(row(`  the same 90 % deep (${Math.floor(Number(n) * 0.9)} rows in)`, later, `${(later.p50 / first.p50).toFixed(2)}x the first page`) + "\n");
    }
  }
  await stop();
  await raw.close();
  await database.close();
  await location.drop();
}

runBench(main);
