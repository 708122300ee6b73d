import "reflect-metadata";
import { createToken } from "../auth/api-token.service";
import type { Role } from "../core/viewer";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";

/**
 * `npm run token -- COORDINATOR "Cluster Development Center"`: issues a token straight into the
 * configured database. This is how a deployment without demo data gets its first coordinator;
 * after that, tokens are issued through the API (issueApiToken).
 */
const [role, holderName] = process.argv.slice(2);
if ((role !== "COORDINATOR" && role !== "INVESTOR") || !holderName?.trim()) {
  process.stderr.write('Usage: npm run token -- COORDINATOR|INVESTOR "Holder name"\n');
  process.exit(2);
}
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, path: config.databasePath });
  const { token } = await database.store.write(async (tx) => createToken(tx.db, { role: role as Role, companyId: null, holderName: holderName.trim() }));
  await database.close();
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Issuing the token failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
