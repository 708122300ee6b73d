import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqlite } from "../../src/db/sqlite";
import { describeOnSqlite } from "../support/dialect";
import { parks } from "../../src/db/schema";

/**
 * The server's connection leaves WAL checkpoints to a worker thread (src/db/checkpointer.ts)
 * and only checkpoints itself past 10,000 pages: committed rows reach the database file
 * without any request doing it.
 */
describeOnSqlite("background WAL checkpoints", () => {
  it("copies committed transactions into the database file from the worker", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpoints-"));
    const file = path.join(dir, "market.db");
    const errors: string[] = [];
    const database = openSqlite(file, { backgroundCheckpoints: { onError: (message) => errors.push(message), intervalMs: 100 } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the migrations' own pages go first
      const before = fs.statSync(file).size;
      expect(database.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
      await database.store.write(async ({ db: tx }) => {
        for (let i = 0; i < 400; i++) {
          await tx.insert(parks).values({ name: `Park ${i} ${"x".repeat(200)}`, nameKey: `park ${i}`, kind: "CLUSTER", region: "Test", createdAt: new Date() });
        }
      });
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(100_000);
      // No statement runs on the server's connection from here: only the worker can copy the log.
      const deadline = Date.now() + 5_000;
      while (fs.statSync(file).size === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fs.statSync(file).size).toBeGreaterThan(before + 80_000);
      expect(errors).toEqual([]);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
