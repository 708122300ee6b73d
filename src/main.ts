import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { demoTokensFile, loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { systemContext } from "./core/request-context";
import { createLogger } from "./core/logger";
import { buildMarketplaceSchema } from "./api/schema";
import { formatDemoTokens, seedDemoDataIfEmpty } from "./seed/seed";
import { createApp } from "./server";

/** Process entry: config -> database (migrated) -> demo data if empty -> HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A stray rejected promise must not take every client's server down with it: log it loudly.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: String((reason as Error)?.stack ?? reason) }));
  const database = await openDatabase({
    url: config.databaseUrl,
    path: config.databasePath,
    poolSize: config.databasePoolSize,
    synchronous: config.sqliteSynchronous,
    backgroundCheckpoints: { onError: (message) => logger.error("WAL checkpoint failed", { error: message }) },
  });
  const tokensFile = demoTokensFile(config);

  // A second process started at once waits here while the first seeds, then finds data.
  const seeded = config.seedDemoData ? await database.duringStartup(() => seedDemoDataIfEmpty(database.store, logger)) : null;
  if (seeded) {
    const text = formatDemoTokens(seeded);
    // Demo convenience only: the database itself stores token hashes, never tokens.
    fs.mkdirSync(path.dirname(tokensFile), { recursive: true });
    fs.writeFileSync(tokensFile, text + "\n", { mode: 0o600 });
    process.stdout.write(`Seeded demo data into ${config.databaseUrl ? "PostgreSQL" : config.databasePath}.\n${text}\n(saved to ${tokensFile})\n`);
  } else if (fs.existsSync(tokensFile)) {
    process.stdout.write(`Demo API tokens are in ${tokensFile}.\n`);
  }

  const schema = await buildMarketplaceSchema();
  const app = await createApp({ database, schema, logger, maxBodyBytes: config.maxBodyBytes, maxDocumentBytes: config.maxDocumentBytes, cors: { origins: config.corsOrigins } });
  // Orders are read as EXPIRED as soon as their award deadline passes; this records it in
  // their history and closes their bids. Then the reminders due are sent (each once).
  const sweep = () =>
    app.services.orders
      .expireOverdue(systemContext(database.store, logger, new Date(), "expiry-sweep"))
      .then((expired) => expired > 0 && logger.info("expired overdue orders", { count: expired }))
      .catch((error: unknown) => logger.error("expiry sweep failed", { error: String(error) }))
      .then(() => app.services.notifications.sendReminders(systemContext(database.store, logger, new Date(), "reminder-sweep")))
      .catch((error: unknown) => logger.error("reminder sweep failed", { error: String(error) }));
  await sweep();
  const sweeper = setInterval(() => void sweep(), 60_000);
  sweeper.unref();

  app.httpServer.listen(config.port, config.host, () => {
    process.stdout.write(`GraphQL API ready at http://localhost:${config.port}/graphql\n`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweeper);
    logger.info("shutting down", { signal });
    app
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error("shutdown failed", { error: String(error) });
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
