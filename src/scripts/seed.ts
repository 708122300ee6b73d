import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { demoTokensFile, loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { formatDemoTokens, reseed } from "../seed/seed";

/** `npm run seed`: empties the configured database and loads the demo data again. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, path: config.databasePath });
  const text = formatDemoTokens(await reseed(database.store));
  await database.close();
  const tokensFile = demoTokensFile(config);
  fs.mkdirSync(path.dirname(tokensFile), { recursive: true });
  fs.writeFileSync(tokensFile, text + "\n", { mode: 0o600 });
  process.stdout.write(`Reloaded demo data into ${config.databaseUrl ? "PostgreSQL" : config.databasePath}.\n${text}\n(saved to ${tokensFile})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
