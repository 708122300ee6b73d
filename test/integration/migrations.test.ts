import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

describe("migrations/", () => {
  it("agrees with the table definitions in src/db/schema (drizzle-kit generates nothing new)", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-check-"));
    try {
      fs.cpSync(path.join(root, "migrations"), out, { recursive: true });
      const before = fs.readdirSync(out).sort();
      // drizzle-kit prefixes --out with "./" (an absolute path breaks) and exits 0 even when it
      // fails, so the check reads its output as well as the folder.
      const output = execFileSync(
        process.execPath,
        [path.join(root, "node_modules", "drizzle-kit", "bin.cjs"), "generate", "--dialect", "sqlite", "--schema", "./src/db/schema/index.ts", "--out", path.relative(root, out)],
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
