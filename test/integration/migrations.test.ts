import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "../../src/db/sqlite";
import { describeOnSqlite } from "../support/dialect";

const root = path.join(__dirname, "..", "..");

describe.each([
  ["sqlite", "sqlite"],
  ["postgresql", "pg"],
])("migrations/%s", (dialect, folder) => {
  it("agrees with the table definitions in src/db/schema (drizzle-kit generates nothing new)", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-check-"));
    try {
      fs.cpSync(path.join(root, "migrations", folder), out, { recursive: true });
      const before = fs.readdirSync(out).sort();
      // drizzle-kit prefixes --out with "./" (an absolute path breaks) and exits 0 even when it
      // fails, so the check reads its output as well as the folder.
      const output = execFileSync(
        process.execPath,
        [path.join(root, "node_modules", "drizzle-kit", "bin.cjs"), "generate", "--dialect", dialect, "--schema", `./src/db/schema/${folder}/index.ts`, "--out", path.relative(root, out)],
        { cwd: root, stdio: "pipe", encoding: "utf8" },
      );
      expect(output).toContain("No schema changes");
      // A new .sql file means the tables changed without `npm run db:generate`.
      expect(fs.readdirSync(out).sort()).toEqual(before);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describeOnSqlite("upgrading a SQLite database that holds data", () => {
  it("keeps every row through each later migration", () => {
    // Drizzle's migrator applies what the journal lists: a copy with the journal cut to the
    // first migrations builds an older database, the real folder then upgrades it.
    const journal = JSON.parse(fs.readFileSync(path.join(root, "migrations", "sqlite", "meta", "_journal.json"), "utf8"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-upgrade-"));
    try {
      for (let applied = 1; applied < journal.entries.length; applied++) {
        const old = path.join(dir, `v${applied}`);
        fs.cpSync(path.join(root, "migrations", "sqlite"), old, { recursive: true });
        fs.writeFileSync(path.join(old, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, applied) }));
        const sqlite = new Database(path.join(dir, `v${applied}.db`));
        sqlite.pragma("foreign_keys = ON");
        applyMigrations(sqlite, drizzle(sqlite), old);
        // A row in every table that exists at this version, through the chain of foreign keys.
        const now = Date.now();
        const tables: string[] = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all().map((r: any) => r.name);
        const insert = (table: string, row: Record<string, unknown>) => {
          if (!tables.includes(table)) return;
          // Columns a later migration added are left out of older versions' rows.
          const existing = new Set(sqlite.prepare(`pragma table_info(${table})`).all().map((c: any) => c.name));
          const values = Object.fromEntries(Object.entries(row).filter(([column]) => existing.has(column)));
          const columns = Object.keys(values);
          sqlite.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`).run(...Object.values(values));
        };
        insert("parks", { name: "P", name_key: "p", kind: "CLUSTER", region: "R", created_at: now });
        insert("companies", { park_id: 1, name: "C", name_key: "c", kind: "CONTRACT", employee_count: 5, created_at: now });
        insert("companies", { park_id: 1, name: "S", name_key: "s", kind: "PRODUCT", employee_count: 5, created_at: now });
        insert("capabilities", { code: "CASTING", name: "Casting", name_key: "casting", created_at: now });
        insert("engineers", { company_id: 1, name: "E", role: "ENGINEER", weekly_hours: 40, active: 1, created_at: now });
        insert("api_tokens", { token_hash: "h", role: "MEMBER", company_id: 1, holder_name: "H", created_at: now });
        insert("capability_offers", { company_id: 1, capability_id: 1, unit_price_minor: 100, currency: "RUB", centihours_per_unit: 50, min_lead_days: 1, min_lot: 1, max_lot: 10, active: 1, created_at: now, updated_at: now });
        insert("orders", { company_id: 2, capability_id: 1, title: "O", quantity: 10, needed_by: "2030-01-01", currency: "RUB", bidding_closes_at: now, max_share_percent: 100, min_contractors: 1, status: "AWARDED", created_at: now, updated_at: now });
        // The order's history: its own table until the event log took it over (0007).
        if (tables.includes("events")) insert("events", { type: "ORDER_POSTED", order_id: 1, to_status: "OPEN", actor_name: "A", at: now });
        else insert("order_events", { order_id: 1, to_status: "OPEN", actor_name: "A", at: now });
        insert("bids", { order_id: 1, company_id: 1, status: "AWARDED", unit_price_minor: 100, currency: "RUB", min_lot: 1, max_quantity: 10, centihours_per_unit: 50, lead_time_days: 10, valid_until: now, revision: 1, created_at: now, updated_at: now });
        insert("bid_revisions", { bid_id: 1, revision: 1, unit_price_minor: 100, currency: "RUB", min_lot: 1, max_quantity: 10, centihours_per_unit: 50, lead_time_days: 10, valid_until: now, actor_name: "A", created_at: now });
        insert("contracts", { order_id: 1, bid_id: 1, company_id: 1, customer_company_id: 2, quantity: 10, unit_price_minor: 100, currency: "RUB", value_minor: 1000, centihours_per_unit: 50, start_date: "2029-12-01", promised_date: "2030-01-01", status: "AWARDED", created_at: now, updated_at: now });
        // An order the old completeOrder closed (before deliveries existed): it must come out ACCEPTED, with its revenue delivered.
        insert("bids", { order_id: 1, company_id: 1, status: "AWARDED", unit_price_minor: 100, currency: "RUB", min_lot: 1, max_quantity: 10, centihours_per_unit: 50, lead_time_days: 10, valid_until: now, revision: 1, created_at: now, updated_at: now });
        // The second bid placed by the platform from an awarded instant quote.
        insert("bid_revisions", { bid_id: 2, revision: 1, unit_price_minor: 100, currency: "RUB", min_lot: 1, max_quantity: 10, centihours_per_unit: 50, lead_time_days: 10, valid_until: now, actor_name: "platform: the published offer, awarded by H", created_at: now });
        const completed = tables.includes("deliveries") ? "ACCEPTED" : "COMPLETED";
        insert("contracts", { order_id: 1, bid_id: 2, company_id: 1, customer_company_id: 2, quantity: 10, unit_price_minor: 100, currency: "RUB", value_minor: 1000, centihours_per_unit: 50, start_date: "2029-12-01", promised_date: "2030-01-01", status: completed, created_at: now, updated_at: now });
        const counts = (of: string[]) => Object.fromEntries(of.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${t}`).get() as any).n]));
        const before = counts(tables);
        const hadSource = tables.includes("bids") && sqlite.prepare("pragma table_info(bids)").all().some((c: any) => c.name === "source");
        const hadOrderPark = tables.includes("orders") && sqlite.prepare("pragma table_info(orders)").all().some((c: any) => c.name === "park_id");
        const hadBidCount = tables.includes("orders") && sqlite.prepare("pragma table_info(orders)").all().some((c: any) => c.name === "bid_count");
        const hadStartDate = tables.includes("contracts") && sqlite.prepare("pragma table_info(contracts)").all().some((c: any) => c.name === "start_date");

        applyMigrations(sqlite, drizzle(sqlite));
        // order_events was dropped (0008) once the event log had taken its rows over (0007).
        // score_weights gains the customer score's defaults (0020); its old rows are checked below.
        const kept = tables.filter((t) => t !== "order_events" && t !== "score_weights");
        const expected = Object.fromEntries(Object.entries(before).filter(([t]) => t !== "order_events" && t !== "score_weights"));
        expect(counts(kept)).toEqual(expected);
        if (tables.includes("order_events") && !tables.includes("events")) {
          expect(sqlite.prepare("select type, order_id, to_status, actor_name from events").all()).toEqual([{ type: "ORDER_POSTED", order_id: 1, to_status: "OPEN", actor_name: "A" }]);
        }
        if (tables.includes("contracts") && !tables.includes("deliveries")) {
          expect(sqlite.prepare("select status, accepted_quantity from contracts order by id").all()).toEqual([
            { status: "AWARDED", accepted_quantity: 0 },
            { status: "ACCEPTED", accepted_quantity: 10 },
          ]);
          expect(sqlite.prepare("select contract_id, quantity, value_minor, status, late from deliveries").all()).toEqual([
            { contract_id: 2, quantity: 10, value_minor: 1000, status: "ACCEPTED", late: 0 },
          ]);
        }

        if (tables.includes("contracts") && !hadStartDate) {
          // Contracts older than chains start on their award date (Moscow time), as awarded.
          const awarded = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date(now));
          expect(sqlite.prepare("select distinct start_date from contracts").all()).toEqual([{ start_date: awarded }]);
        }
        if (tables.includes("engineers") && !tables.includes("engineer_skills")) {
          // Engineers older than skills hold every capability their company offers.
          const offered = tables.includes("capability_offers") ? [{ engineer_id: 1, capability_id: 1 }] : [];
          expect(sqlite.prepare("select engineer_id, capability_id from engineer_skills").all()).toEqual(offered);
        }
        if (tables.includes("bid_revisions") && !hadSource) {
          // Bids older than their source are SUBMITTED, unless the platform placed them from an awarded quote.
          expect(sqlite.prepare("select source from bids order by id").all()).toEqual([{ source: "SUBMITTED" }, { source: "AWARDED_QUOTE" }]);
        }
        if (tables.includes("contracts") && !hadBidCount) {
          // Orders older than their figures count their bids (the second placed from a quote, where its source was backfilled) and their first contract.
          const quoted = tables.includes("bid_revisions") && !hadSource ? 1 : 0;
          expect(sqlite.prepare("select bid_count, quoted_bid_count, first_contract_at from orders").all()).toEqual([{ bid_count: 2, quoted_bid_count: quoted, first_contract_at: now }]);
        }
        if (tables.includes("orders") && !hadOrderPark) {
          // Orders older than their park column carry their company's.
          expect(sqlite.prepare("select park_id from orders").all()).toEqual([{ park_id: 1 }]);
        }
        if (tables.includes("contracts") && !tables.includes("park_days")) {
          // A park's days start from the contracts there are (both in force, 1,000 each) and their accepted deliveries.
          const revenue = tables.includes("deliveries") ? (sqlite.prepare("select coalesce(sum(value_minor), 0) as n from deliveries where status = 'ACCEPTED'").get() as any).n : 1000;
          expect(sqlite.prepare("select park_id, sum(contracts) as contracts, sum(contract_value_minor) as value, sum(revenue_minor) as revenue from park_days group by park_id").all()).toEqual([
            { park_id: 1, contracts: 2, value: 2000, revenue },
          ]);
        }
        if (tables.includes("score_weights")) {
          // The revenue sub-factor compares per employee since 0016; its weight carried over.
          expect(sqlite.prepare("select factor, weight from score_weights where factor like 'REVENUE%'").all()).toEqual([{ factor: "REVENUE_PER_EMPLOYEE", weight: 15 }]);
          // Both subjects' defaults add up to 100, every weight naming a sub-factor.
          expect(sqlite.prepare("select f.subject as subject, sum(w.weight) as total from score_weights w join score_factors f on f.code = w.factor group by f.subject order by f.subject").all()).toEqual([
            { subject: "CONTRACTOR", total: 100 },
            { subject: "CUSTOMER", total: 100 },
          ]);
          expect(sqlite.prepare("select count(*) as n from score_weights").get()).toEqual({ n: 11 });
        }
        expect(sqlite.prepare("pragma integrity_check").get()).toEqual({ integrity_check: "ok" });
        expect(sqlite.prepare("pragma foreign_key_check").all()).toEqual([]);
        sqlite.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
