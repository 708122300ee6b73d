import { openDatabase, type DatabaseHandle } from "../../src/db/client";
import { companies, engineers, parks } from "../../src/db/schema";
import { engineersPerCompany } from "../../src/engineers/engineer.repository";
import { findParksByIds } from "../../src/parks/park.repository";

/**
 * Statements prepared once (src/db/prepared.ts) are cached per database: they must read the
 * database they are called with, see a transaction's own writes, and leave nothing after a
 * rollback. Real migrated SQLite databases, two at once.
 */
describe("prepared statements", () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  const addPark = (database: DatabaseHandle, name: string) =>
    database.db.insert(parks).values({ name, nameKey: name.toLowerCase(), kind: "TECHNOPARK", region: "Test", createdAt: new Date() }).returning().get().id;

  beforeEach(() => {
    first = openDatabase(":memory:");
    second = openDatabase(":memory:");
  });
  afterEach(() => {
    first.close();
    second.close();
  });

  it("reads the database it is called with, not the one it was first prepared on", async () => {
    const a = addPark(first, "Alpha");
    addPark(second, "Beta");
    const b = addPark(second, "Gamma");
    expect((await findParksByIds(first.db, [a])).map((p) => p.name)).toEqual(["Alpha"]);
    expect((await findParksByIds(second.db, [a, b])).map((p) => p.name).sort()).toEqual(["Beta", "Gamma"]);
    expect((await findParksByIds(first.db, [a, b])).map((p) => p.name)).toEqual(["Alpha"]);
  });

  it("binds any number of ids, none included, as one statement each", async () => {
    const ids = Array.from({ length: 700 }, (_, i) => addPark(first, `Park ${i}`));
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
        id = tx.insert(parks).values({ name: "Rolled back", nameKey: "rolled back", kind: "CLUSTER", region: "Test", createdAt: new Date() }).returning().get().id;
        inside = (await findParksByIds(tx, [id])).map((p) => p.name);
        throw new Error("fail after the write");
      }),
    ).rejects.toThrow("fail after the write");
    expect(inside).toEqual(["Rolled back"]);
    expect(await findParksByIds(first.db, [id])).toEqual([]);
  });

  it("pages children per parent with each call's own filter and cursor, not the first call's", async () => {
    const parkId = addPark(first, "Park");
    const company = (name: string) => first.db.insert(companies).values({ parkId, name, nameKey: name, kind: "CONTRACT", employeeCount: 10, createdAt: new Date() }).returning().get().id;
    const [a, b] = [company("a"), company("b")];
    const staff = (companyId: number, name: string, active: boolean) =>
      first.db.insert(engineers).values({ companyId, name, role: "ENGINEER", weeklyHours: 40, active, createdAt: new Date() }).returning().get().id;
    staff(a, "A1", true);
    const a2 = staff(a, "A2", false);
    staff(a, "A3", true);
    staff(b, "B1", false);
    staff(b, "B2", true);
    const names = async (activeOnly: boolean, limit: number, afterId: number | null) => (await engineersPerCompany(first.db, [a, b], { limit, afterId }, { activeOnly })).map((e) => e.name);
    expect(await names(true, 5, null)).toEqual(["A1", "A3", "B2"]);
    expect(await names(false, 5, null)).toEqual(["A1", "A2", "A3", "B1", "B2"]);
    // limit + 1 per company (the extra row tells there is a next page), after A2's id
    expect(await names(false, 0, a2)).toEqual(["A3", "B1"]);
    expect(await names(true, 0, null)).toEqual(["A1", "B2"]);
  });
});
