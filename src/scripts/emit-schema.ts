import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildMarketplaceSchema, printMarketplaceSchema } from "../api/schema";

/** `npm run schema`: writes schema/schema.graphql from the code. */
async function emit(): Promise<void> {
  const file = path.resolve(__dirname, "..", "..", "..", "schema", "schema.graphql");
  fs.writeFileSync(file, printMarketplaceSchema(await buildMarketplaceSchema()));
  process.stdout.write(`Wrote ${file}\n`);
}

emit().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + "\n");
  process.exit(1);
});
