import { defineConfig } from "drizzle-kit";

// One configuration, two dialects: DATABASE_URL=postgres://... generates PostgreSQL's migrations,
// without it SQLite's. Each dialect has its own tables (src/db/schema/<dialect>) and history
// (migrations/<dialect>); test/integration/migrations.test.ts fails when either lags its tables.
// drizzle-kit loads src/db/schema through esbuild: keep that folder free of type-graphql.
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default postgres
  ? defineConfig({ dialect: "postgresql", schema: "./src/db/schema/pg/index.ts", out: "./migrations/pg" })
  : defineConfig({ dialect: "sqlite", schema: "./src/db/schema/sqlite/index.ts", out: "./migrations/sqlite" });
