import { dialectOf } from "../../src/db/dialect";
import { openPostgres } from "../../src/db/postgres";
import { admin, databaseUrl, TEMPLATE_DATABASE } from "./database";

/**
 * Once per jest run on PostgreSQL: the template every test database is cloned from, built by
 * the real migrations. On SQLite each test file migrates its own new file instead.
 */
export default async function globalSetup(): Promise<void> {
  if (dialectOf(process.env.DATABASE_URL) !== "postgresql") return;
  await admin(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin(`create database ${TEMPLATE_DATABASE}`);
  const template = await openPostgres(databaseUrl(TEMPLATE_DATABASE));
  await template.close();
}
