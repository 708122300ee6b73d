import type { DatabaseHandle } from "../../src/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { only } from "../../src/db/prepared";
import { companies, engineers, parks } from "../../src/db/schema";
import { engineersPerCompany } from "../../src/engineers/engineer.repository";
import { findParksByIds } from "../../src/parks/park.repository";
import { scorecards } from "../../src/reports/scorecard";

/**
 * Statements prepared once (src/db/prepared.ts) are cached per database: they must read the
 * database they are called with, see a transaction's own writes, and leave nothing after a
 * rollback. Real migrated databases of the run's dialect, two at once.
 */
describe("prepared statements", () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  const addPark = async (database: DatabaseHandle, name: string) =>
    (await only(database.db.insert(parks).values({ name, nameKey: name.toLowerCase(), kind: "TECHNOPARK", region: "Test", createdAt: new Date() }).returning())).id;

  let locations: TestDatabase[];

  beforeEach(async () => {
    locations = [await createTestDatabase(), await createTestDatabase()];
    [first, second] = await Promise.all(locations.map((l) => l.open()));
  });
  afterEach(async () => {
    await Promise.all([first.close(), second.close()]);
    await Promise.all(locations.map((l) => l.drop()));
  });

  it("reads the database it is called with, not the one it was first prepared on", async () => {
    const a = await addPark(first, "Alpha");
    await addPark(second, "Beta");
    const b = await addPark(second, "Gamma");
    expect((await findParksByIds(first.db, [a])).map((p) => p.name)).toEqual(["Alpha"]);
    expect((await findParksByIds(second.db, [a, b])).map((p) => p.name).sort()).toEqual(["Beta", "Gamma"]);
    expect((await findParksByIds(first.db, [a, b])).map((p) => p.name)).toEqual(["Alpha"]);
  });

  it("binds any number of ids, none included, as one statement each", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 700; i++) ids.push(await addPark(first, `Park ${i}`));
    const before = first.stats.statements;
    expect(await findParksByIds(first.db, ids)).toHaveLength(700);
    expect(await findParksByIds(first.db, [ids[3], 999_999])).toEqual([expect.objectContaining({ id: ids[3], name: "Park 3" })]);
    expect(await findParksByIds(first.db, [])).toEqual([]);
    expect(first.stats.statements - before).toBe(2);
  });

  it("sees a transaction's own writes and nothing of a rolled-back one", async () => {
    let inside: string[] = [];
    let id = 0;
    await expect(
      first.store.write(async ({ db: tx }) => {
        id = (await only(tx.insert(parks).values({ name: "Rolled back", nameKey: "rolled back", kind: "CLUSTER", region: "Test", createdAt: new Date() }).returning())).id;
        inside = (await findParksByIds(tx, [id])).map((p) => p.name);
        throw new Error("fail after the write");
      }),
    ).rejects.toThrow("fail after the write");
    expect(inside).toEqual(["Rolled back"]);
    expect(await findParksByIds(first.db, [id])).toEqual([]);
  });

  it("pages children per parent with each call's own filter and cursor, not the first call's", async () => {
    const parkId = await addPark(first, "Park");
    const company = async (name: string) =>
      (await only(first.db.insert(companies).values({ parkId, name, nameKey: name, kind: "CONTRACT", employeeCount: 10, createdAt: new Date() }).returning())).id;
    const [a, b] = [await company("a"), await company("b")];
    const staff = async (companyId: number, name: string, active: boolean) =>
      (await only(first.db.insert(engineers).values({ companyId, name, role: "ENGINEER", weeklyHours: 40, active, createdAt: new Date() }).returning())).id;
    await staff(a, "A1", true);
    const a2 = await staff(a, "A2", false);
    await staff(a, "A3", true);
    await staff(b, "B1", false);
    await staff(b, "B2", true);
    const names = async (activeOnly: boolean, limit: number, afterId: number | null) => (await engineersPerCompany(first.db, [a, b], { limit, afterId }, { activeOnly })).map((e) => e.name);
    expect(await names(true, 5, null)).toEqual(["A1", "A3", "B2"]);
    expect(await names(false, 5, null)).toEqual(["A1", "A2", "A3", "B1", "B2"]);
    // limit + 1 per company (the extra row tells there is a next page), after A2's id
    expect(await names(false, 0, a2)).toEqual(["A3", "B1"]);
    expect(await names(true, 0, null)).toEqual(["A1", "B2"]);
  });

  it("scores more companies at once than a statement may bind values (SQLite 32,766, PostgreSQL 65,535)", async () => {
    const parkId = await addPark(first, "Big Park");
    const alpha = (await only(first.db.insert(companies).values({ parkId, name: "Alpha", nameKey: "alpha", kind: "CONTRACT", employeeCount: 10, createdAt: new Date() }).returning())).id;
    // A plan's every quoting contractor at national scale: 70,000 ids, all but one unknown.
    const ids = [alpha, ...Array.from({ length: 70_000 }, (_, i) => 1_000_000 + i)];
    const before = first.stats.statements;
    const cards = await scorecards(first.db, ids, "2026-12-01");
    expect([...cards.keys()]).toEqual([alpha]);
    expect(cards.get(alpha)).toMatchObject({ subject: "CONTRACTOR", components: [{ component: "VIABILITY" }, { component: "DEVELOPMENT" }, { component: "COMPETITIVENESS" }] });
    // The same statements as for one company: the ids travel as one value.
    const perCall = first.stats.statements - before;
    const again = first.stats.statements;
    await scorecards(first.db, [alpha], "2026-12-01");
    expect(first.stats.statements - again).toBe(perCall);
  });
});
