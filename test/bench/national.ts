import { addWeeks, weekStart } from "../../src/capacity/weeks";
import { DIALECT } from "../../src/db/dialect";
import { addDays, DAY_MS, localDate } from "../../src/shared/time";
import type { RawDriver } from "./raw";
import { random } from "./support";

/**
 * A park at national scale for `npm run bench:scale`: `scale` x 2,000 companies (four in five
 * product companies, one in five contractors with five engineers each), 10 orders per company
 * over three years (one in five open now, bidding closes spread over the next 30 days), about
 * 2.6 bids per order, a contract with its bookings for every awarded order, two deliveries for
 * every completed one, the orders' events and the companies' notifications. At x25: 50,000
 * companies, 500,000 orders, 1.3 million bids, 600,000 bookings.
 *
 * The load is skewed as in a real park: one contractor (`busyContractorId`, offering every
 * capability) places one bid in 37 and one startup (`busyCustomerId`) posts one order in 33, so
 * their lists grow with the park; every other contractor offers two of the 12 capabilities
 * (at x25, 1,667 contractors quote for each one). Rows go in through the raw driver, many to a
 * statement, with their ids given, in one transaction.
 */
export interface NationalPark {
  parkId: number;
  companies: number;
  counts: Record<string, number>;
  busyContractorId: number;
  busyCustomerId: number;
  /** A regular contractor (two capabilities, few bids). */
  contractorId: number;
  /** An open order of the busy customer's with bids, closing last, to read in detail and plan. */
  openOrderId: number;
  capabilityId: number;
}

const CAPABILITIES = 12;
const DAYS_OF_HISTORY = 3 * 365;
const ENGINEERS_PER_CONTRACTOR = 5;

/** Buffers rows of one table and inserts them many to a statement, after the rows of the tables it refers to. */
class Bulk {
  private rows: unknown[][] = [];
  count = 0;
  private readonly perStatement: number;

  constructor(
    private readonly tx: Pick<RawDriver, "all">,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly refersTo: readonly Bulk[] = [],
  ) {
    // Under SQLite's 32,766 bound variables and PostgreSQL's 65,535.
    this.perStatement = Math.min(1000, Math.floor(30_000 / columns.length));
  }

  async add(...values: unknown[]): Promise<number> {
    this.rows.push(values);
    this.count++;
    if (this.rows.length >= this.perStatement) await this.flush();
    return this.count;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    for (const parent of this.refersTo) await parent.flush();
    const one = `(${this.columns.map(() => "?").join(", ")})`;
    const text = `insert into ${this.table} (${this.columns.join(", ")}) values ${this.rows.map(() => one).join(", ")}`;
    const values = this.rows.flat();
    this.rows = [];
    await this.tx.all(text, values);
  }
}

export async function generateNationalPark(raw: RawDriver, scale: number, seed = 19): Promise<NationalPark> {
  const rand = random(seed);
  const int = (below: number) => Math.floor(rand() * below);
  const now = new Date();
  const today = localDate(now);
  const products = 1600 * scale;
  const contractors = 400 * scale;
  const busyCustomerId = 1;
  const busyContractorId = products + 1;
  const contractorId = products + 2;
  const offersOf = (index: number) => (index === 0 ? Array.from({ length: CAPABILITIES }, (_, c) => c + 1) : [1 + (index % CAPABILITIES), 1 + ((index + 5) % CAPABILITIES)]);
  const offeringCapability = new Map<number, number[]>();
  for (let i = 0; i < contractors; i++) {
    for (const c of offersOf(i)) {
      if (!offeringCapability.has(c)) offeringCapability.set(c, []);
      offeringCapability.get(c)!.push(products + 1 + i);
    }
  }
  const engineersOf = (companyId: number) => Array.from({ length: ENGINEERS_PER_CONTRACTOR }, (_, e) => (companyId - products - 1) * ENGINEERS_PER_CONTRACTOR + e + 1);
  let openOrderId = 0;
  let capabilityId = 0;

  const counts = await raw.transaction(async (tx) => {
    const started = new Date(now.getTime() - (DAYS_OF_HISTORY + 30) * DAY_MS);
    await tx.all("insert into parks (id, name, name_key, kind, region, created_at) values (1, 'National Cluster', 'national cluster', 'CLUSTER', 'Bench', ?)", [started]);
    const capabilities = new Bulk(tx, "capabilities", ["id", "code", "name", "name_key", "created_at"]);
    for (let c = 1; c <= CAPABILITIES; c++) await capabilities.add(c, `CAPABILITY_${c}`, `Capability ${c}`, `capability ${c}`, started);
    await capabilities.flush();
    const companies = new Bulk(tx, "companies", ["id", "park_id", "name", "name_key", "kind", "employee_count", "created_at"]);
    for (let i = 0; i < products; i++) await companies.add(i + 1, 1, `Startup ${i}`, `startup ${i}`, "PRODUCT", 5 + (i % 60), started);
    for (let i = 0; i < contractors; i++) await companies.add(products + 1 + i, 1, `Contractor ${i}`, `contractor ${i}`, "CONTRACT", 30 + (i % 300), started);
    await companies.flush();
    const engineers = new Bulk(tx, "engineers", ["id", "company_id", "name", "role", "weekly_hours", "created_at"]);
    const skills = new Bulk(tx, "engineer_skills", ["engineer_id", "capability_id"], [engineers]);
    const offers = new Bulk(tx, "capability_offers", ["company_id", "capability_id", "unit_price_minor", "currency", "centihours_per_unit", "min_lead_days", "min_lot", "max_lot", "created_at", "updated_at"]);
    for (let i = 0; i < contractors; i++) {
      const companyId = products + 1 + i;
      for (const [e, engineerId] of engineersOf(companyId).entries()) {
        await engineers.add(engineerId, companyId, `Engineer ${i}.${e}`, e === 0 ? "SYSTEM_ENGINEER" : "ENGINEER", 40, started);
        for (const c of offersOf(i)) await skills.add(engineerId, c);
      }
      for (const c of offersOf(i)) await offers.add(companyId, c, 50_000 + int(100_000), "RUB", 10, 5 + int(20), 1, 100_000, started, started);
    }
    for (const table of [engineers, skills, offers]) await table.flush();

    const orders = new Bulk(tx, "orders", ["id", "park_id", "company_id", "capability_id", "title", "quantity", "needed_by", "max_unit_price_minor", "currency", "bidding_closes_at", "max_share_percent", "min_contractors", "status", "bid_count", "first_contract_at", "created_at", "updated_at"]);
    const bids = new Bulk(tx, "bids", ["id", "order_id", "company_id", "status", "unit_price_minor", "currency", "min_lot", "max_quantity", "centihours_per_unit", "lead_time_days", "valid_until", "revision", "created_at", "updated_at"], [orders]);
    const contracts = new Bulk(tx, "contracts", ["id", "order_id", "bid_id", "company_id", "customer_company_id", "quantity", "unit_price_minor", "currency", "value_minor", "centihours_per_unit", "start_date", "promised_date", "accepted_quantity", "status", "created_at", "updated_at"], [bids]);
    const deliveries = new Bulk(tx, "deliveries", ["contract_id", "company_id", "customer_company_id", "quantity", "value_minor", "currency", "status", "delivered_on", "late", "decided_on", "created_at", "decided_at"], [contracts]);
    const bookings = new Bulk(tx, "bookings", ["contract_id", "engineer_id", "week", "centihours"], [contracts, engineers]);
    const events = new Bulk(tx, "events", ["type", "at", "actor_name", "actor_company_id", "order_id", "to_status"], [orders]);
    const notifications = new Bulk(tx, "notifications", ["company_id", "kind", "at", "order_id", "bid_id", "actor_name", "read_at"], [bids]);
    const orderCount = 10 * (products + contractors);
    for (let orderId = 1; orderId <= orderCount; orderId++) {
      const customer = rand() < 0.03 ? busyCustomerId : 1 + int(products);
      const capability = 1 + int(CAPABILITIES);
      const quantity = 10 + int(990);
      const open = rand() < 0.2;
      // Open orders were posted in the last 30 days; the rest over three years before.
      const postedAt = new Date(now.getTime() - (open ? int(30 * DAY_MS) : (31 + int(DAYS_OF_HISTORY - 31)) * DAY_MS));
      const closesAt = open ? new Date(now.getTime() + DAY_MS + int(29 * DAY_MS)) : new Date(postedAt.getTime() + (7 + int(14)) * DAY_MS);
      const neededBy = addDays(localDate(closesAt), 30 + int(360));
      const daysAgo = Math.floor((now.getTime() - postedAt.getTime()) / DAY_MS);
      const fate = rand();
      const status = open ? "OPEN" : fate < 0.1 ? "EXPIRED" : fate < 0.2 ? "CANCELLED" : daysAgo < 150 ? "AWARDED" : "COMPLETED";
      // Bidders: contractors offering the capability, the busy one often.
      const offering = offeringCapability.get(capability)!;
      const bidders = new Set<number>();
      for (let b = 1 + int(4); b > 0; b--) bidders.add(rand() < 0.027 ? busyContractorId : offering[int(offering.length)]);
      const winner = status === "AWARDED" || status === "COMPLETED" ? [...bidders][0] : null;
      const decidedAt = new Date(closesAt.getTime() - DAY_MS);
      // With the bid count and first contract the bid and contract inserts keep.
      await orders.add(orderId, 1, customer, capability, `Order ${orderId}`, quantity, neededBy, 200_000, "RUB", closesAt, 100, 1, status, bidders.size, winner === null ? null : decidedAt, postedAt, postedAt);
      if (open && customer === busyCustomerId) [openOrderId, capabilityId] = [orderId, capability];
      await events.add("ORDER_POSTED", postedAt, `Startup ${customer - 1}`, customer, orderId, "OPEN");
      for (const bidder of bidders) {
        const price = 60_000 + int(100_000);
        const bidStatus = status === "OPEN" ? "LIVE" : status === "CANCELLED" ? "WITHDRAWN" : bidder === winner ? "AWARDED" : "NOT_AWARDED";
        const bidAt = new Date(postedAt.getTime() + int(Math.max(1, Math.min(now.getTime(), closesAt.getTime() - DAY_MS) - postedAt.getTime())));
        const bidId = await bids.add(bids.count + 1, orderId, bidder, bidStatus, price, "RUB", 1, quantity, 10, 20 + int(40), closesAt, 1, bidAt, status === "OPEN" ? bidAt : decidedAt);
        await notifications.add(customer, "BID_PLACED", bidAt, orderId, bidId, `Contractor ${bidder - products - 1}`, open ? null : bidAt);
        if (bidStatus === "AWARDED" || bidStatus === "NOT_AWARDED") await notifications.add(bidder, `BID_${bidStatus}`, decidedAt, orderId, bidId, `Startup ${customer - 1}`, daysAgo > 40 ? decidedAt : null);
        if (bidder !== winner) continue;
        const awardDay = localDate(decidedAt);
        const promised = addDays(awardDay, 30 + int(60));
        const completed = status === "COMPLETED";
        const contractId = await contracts.add(contracts.count + 1, orderId, bidId, bidder, customer, quantity, price, "RUB", quantity * price, 10, awardDay, promised, completed ? quantity : 0, completed ? "ACCEPTED" : "AWARDED", decidedAt, decidedAt);
        await events.add("CONTRACT_AWARDED", decidedAt, `Startup ${customer - 1}`, customer, orderId, "AWARDED");
        // The work (0.1 h a unit) on one of its engineers over two weeks: from the start for
        // completed contracts, within the coming 12 weeks for those in hand (the load ahead).
        const engineer = engineersOf(bidder)[int(ENGINEERS_PER_CONTRACTOR)];
        const hours = quantity * 10;
        const firstWeek = completed ? weekStart(awardDay) : addWeeks(weekStart(today), int(12));
        for (let w = 0; w < 2; w++) await bookings.add(contractId, engineer, addWeeks(firstWeek, w), w === 0 ? Math.ceil(hours / 2) : Math.floor(hours / 2) || 1);
        if (!completed) continue;
        const half = Math.floor(quantity / 2);
        for (const [part, afterDays] of [[half, 20 + int(20)], [quantity - half, 40 + int(40)]]) {
          if (part < 1) continue;
          const on = addDays(awardDay, afterDays);
          await deliveries.add(contractId, bidder, customer, part, part * price, "RUB", "ACCEPTED", on, on > promised, on, decidedAt, decidedAt);
        }
      }
    }
    const tables = { orders, bids, contracts, deliveries, bookings, events, notifications };
    for (const table of Object.values(tables)) await table.flush();
    if (DIALECT === "postgresql") {
      // Ids were given: move each identity past them, as inserting through the API would have.
      for (const table of ["parks", "capabilities", "companies", "engineers", "orders", "bids", "contracts"]) {
        await tx.all(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
    return Object.fromEntries(Object.entries({ engineers, offers, ...tables }).map(([name, table]) => [name, table.count]));
  });
  return { parkId: 1, companies: products + contractors, counts, busyContractorId, busyCustomerId, contractorId, openOrderId, capabilityId };
}
